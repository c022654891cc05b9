package usage

import (
	"fmt"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/kinds"
)

// phrase is one wrong form as the matcher uses it.
type phrase struct {
	right   []string
	unsafe  bool
	next    map[string]bool
	article bool
	note    string
}

// phrases is a built phrase list.
type phrases struct {
	lex  *arabic.Lexicon
	list []phrase
}

// pronounSuffixes are the pronouns attached to أنّ.
var pronounSuffixes = []string{"ه", "ها", "هم", "هما", "هن", "نا", "ني", "ك", "كم"}

// buildPhrases indexes the entries of a phrase file.
func buildPhrases(name string, f phraseFile) (*phrases, error) {
	ps := &phrases{lex: arabic.NewLexicon()}
	add := func(wrong string, class arabic.Class, p phrase) error {
		if !ps.lex.Add(wrong, class, len(ps.list)) {
			return fmt.Errorf("%s: %q is listed twice", name, wrong)
		}
		ps.list = append(ps.list, p)
		return nil
	}
	for _, e := range f.Entry {
		class, ok := arabic.ClassNames[e.Class]
		if !ok {
			return nil, fmt.Errorf("%s: %q: unknown class %q (want all, noart, verb, conj or exact)", name, e.Wrong, e.Class)
		}
		if e.Wrong == "" || len(e.Right) == 0 {
			return nil, fmt.Errorf("%s: an entry needs wrong and right", name)
		}
		p := phrase{right: e.Right, unsafe: e.Unsafe, article: e.Article, note: e.Note}
		if len(e.Next) > 0 {
			p.next = map[string]bool{}
			for _, w := range e.Next {
				p.next[arabic.Key(w)] = true
			}
		}
		if err := add(e.Wrong, class, p); err != nil {
			return nil, err
		}
		if !e.Pronouns {
			continue
		}
		for _, s := range pronounSuffixes {
			q := p
			q.right = make([]string, len(p.right))
			for i, r := range p.right {
				q.right[i] = r + s
			}
			if err := add(e.Wrong+s, class, q); err != nil {
				return nil, err
			}
		}
	}
	return ps, nil
}

// run reports the phrases of the list found in the pass's text, outside
// verse and foreign quotations. msg formats the message from the flagged
// text, the correction and the entry's note.
func (ps *phrases) run(p *lint.Pass, msg func(word, fix, note string) string) {
	toks := p.Tokens
	for i := ps.lex.NextMayMatch(p.Splits, 0); i >= 0; i = ps.lex.NextMayMatch(p.Splits, i+1) {
		m, ok := ps.lex.MatchAt(toks, p.Splits, i)
		if !ok {
			continue
		}
		e := ps.list[m.Value]
		if e.article && !m.Article && !strings.HasSuffix(m.Prefix, "ال") && !strings.HasSuffix(m.Prefix, "لل") {
			continue
		}
		if e.next != nil {
			n := nextWord(toks, m.Last)
			if n < 0 || !e.next[toks[n].Key] {
				continue
			}
		}
		start, end := toks[m.First].Start, toks[m.Last].End
		if silent(p, start) {
			i = m.Last
			continue
		}
		stem := start + arabic.SplitPrefix(p.Text[start:toks[m.First].End], m.Prefix)
		fixes := make([]lint.SuggestedFix, 0, len(e.right))
		first := ""
		for k, r := range e.right {
			carried, sure := kinds.CarryMarks(p.Text[stem:end], m.Join("", r))
			fix := p.Text[start:stem] + carried
			a := lint.Safe
			if e.unsafe || !sure || k > 0 {
				a = lint.Unsafe
			}
			if k == 0 {
				first = fix
			}
			fixes = append(fixes, lint.Replace(start, end, fix, a))
		}
		p.Report(lint.Diagnostic{
			Start: start, End: end,
			Message: msg(p.Text[start:end], first, e.note),
			Fixes:   fixes,
		})
		i = m.Last
	}
}

// nextWord returns the index of the word right after token i on the same
// line, or -1 when a mark or another token stands between.
func nextWord(toks []arabic.Token, i int) int { return adjacentWord(toks, i, +1) }

// prevWord is nextWord looking back.
func prevWord(toks []arabic.Token, i int) int { return adjacentWord(toks, i, -1) }

func adjacentWord(toks []arabic.Token, i, step int) int {
	for j := i + step; j >= 0 && j < len(toks); j += step {
		switch toks[j].Kind {
		case arabic.Word:
			return j
		case arabic.Space:
			if toks[j].Breaks > 0 {
				return -1
			}
		default:
			return -1
		}
	}
	return -1
}

func q(s string) string { return "“" + s + "”" }

// withNote appends an entry's note to a message.
func withNote(msg, note string) string {
	if note == "" {
		return msg
	}
	return msg + ": " + note
}
