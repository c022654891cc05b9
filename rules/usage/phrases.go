package usage

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/i18n"
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
	// The letters every entry's first word starts with (after its
	// proclitic) and ends with, "" if none: the masdars of
	// hamzat-wasl-masdar all start with إ, the decades end in ينات. A
	// word that cannot read so is passed over without a lookup.
	prefix, suffix string
	start          string   // prefix without an ا it starts with (see mayStart)
	wrongs         []string // the entries' wrong forms, as added to lex
}

// pronounSuffixes are the pronouns attached to أنّ.
var pronounSuffixes = []string{"ه", "ها", "هم", "هما", "هن", "نا", "ني", "ك", "كم"}

// buildPhrases indexes the entries of a phrase file.
func buildPhrases(name string, f phraseFile) (*phrases, error) {
	ps := &phrases{lex: arabic.NewLexicon()}
	add := func(wrong string, class arabic.Class, p phrase) error {
		addKey := ps.lex.Add
		if plainKey(wrong) {
			addKey = ps.lex.AddKey // the same, without splitting and normalising again
		}
		if !addKey(wrong, class, len(ps.list)) {
			return fmt.Errorf("%s: %q is listed twice", name, wrong)
		}
		ps.list = append(ps.list, p)
		ps.wrongs = append(ps.wrongs, wrong)
		return nil
	}
	defer func() {
		ps.prefix, ps.suffix = sharedEnds(ps.wrongs)
		ps.start = strings.TrimPrefix(ps.prefix, "ا")
	}()
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

// plainKey reports whether s is a lexicon key as Lexicon.Add makes one:
// words without harakat, tatweel or joiners (arabic.Key keeps them as
// they are), one space between two, none before or after. Then AddKey(s)
// adds what Add(s) does.
func plainKey(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	for _, r := range s {
		if r != ' ' && unicode.IsSpace(r) || arabic.IsHaraka(r) || r == arabic.Tatweel || arabic.IsIgnorable(r) {
			return false
		}
	}
	return true
}

// sharedEnds returns the letters all the entries start with and, when
// every entry is one word, those they all end with: as letters (no space,
// no mark Key drops) they start and end the keys of the entries' first
// words too. An ا leading the suffix is left out: the entry may be the
// whole suffix, and the reading of a word as ل + the article (للوزير) adds
// that ا to what the word spells.
func sharedEnds(wrongs []string) (prefix, suffix string) {
	if len(wrongs) == 0 {
		return "", ""
	}
	prefix, suffix = wrongs[0], wrongs[0]
	for _, w := range wrongs[1:] {
		n := 0
		for n < len(prefix) && n < len(w) && prefix[n] == w[n] {
			n++
		}
		prefix = prefix[:n]
		n = 0
		for n < len(suffix) && n < len(w) && suffix[len(suffix)-1-n] == w[len(w)-1-n] {
			n++
		}
		suffix = suffix[len(suffix)-n:]
	}
	for i, r := range prefix {
		if !arabic.IsLetter(r) {
			prefix = prefix[:i]
			break
		}
	}
	for i := len(suffix); i > 0; {
		r, n := utf8.DecodeLastRuneInString(suffix[:i])
		if !arabic.IsLetter(r) {
			suffix = suffix[i:]
			break
		}
		i -= n
	}
	suffix = strings.TrimPrefix(suffix, "ا")
	if suffix != "" {
		for _, w := range wrongs {
			if strings.IndexFunc(w, unicode.IsSpace) >= 0 {
				suffix = "" // a phrase: its first word ends elsewhere
				break
			}
		}
	}
	return prefix, suffix
}

// stemStarts are the byte offsets in a word's key where the stem of a
// reading may start: after no proclitic, after each one a lexicon splits
// off, and after the ل of لل read as ل + the article.
var stemStarts = func() []int {
	at := []int{0}
	for _, p := range arabic.Prefixes(arabic.ClassAll) {
		at = append(at, len(p))
		if strings.HasSuffix(p, "لل") {
			at = append(at, len(p)-len("ل"))
		}
	}
	slices.Sort(at)
	return slices.Compact(at)
}()

// mayStart reports whether a word with this key may read as the first word
// of an entry, a test cheaper than MatchAt where the lexicon's filter (full
// with the four thousand masdars) lets a word through. A reading's stem is
// the key from one of stemStarts, or ا and the key after the ل of لل
// (للوزير: الوزير): it ends as the key does and, past an ا it starts
// with, starts at one of stemStarts.
func (ps *phrases) mayStart(key string) bool {
	if ps.suffix != "" && !strings.HasSuffix(key, ps.suffix) {
		return false
	}
	at := ps.start
	if at == "" {
		return true
	}
	for _, i := range stemStarts {
		if i+len(at) > len(key) {
			break
		}
		// at is letters, two bytes or more each: the second byte tells
		// most letters apart
		if key[i+1] == at[1] && key[i] == at[0] && key[i:i+len(at)] == at {
			return true
		}
	}
	return false
}

// walk returns the words run tries, in order: a function giving the first
// of them at or after token i, or -1. They hold every word MatchAt can
// match an entry of the list at.
func (ps *phrases) walk(p *lint.Pass) func(int) int {
	u := usageIndex()
	var words []int32
	if k := slices.Index(u.starting, ps); k >= 0 {
		words = wordsOf(p).starts[k]
	} else if slices.Contains(u.rest, ps) {
		words = wordsOf(p).others
	} else {
		return func(i int) int { return ps.lex.NextMayMatch(p.Splits, i) }
	}
	k := 0
	return func(i int) int {
		for k < len(words) && int(words[k]) < i {
			k++
		}
		if k == len(words) {
			return -1
		}
		return int(words[k])
	}
}

// run reports the phrases of the list found in the pass's text, outside
// verse and foreign quotations. msg formats the message from the flagged
// text, the correction and the entry's note.
func (ps *phrases) run(p *lint.Pass, msg func(word, fix, note string) string) {
	toks := p.Tokens
	next := ps.walk(p)
	for i := next(0); i >= 0; i = next(i + 1) {
		if !ps.mayStart(toks[i].Key) {
			continue
		}
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

// fixMessage is the message of a collocation or a word form: the
// correction, and why when the entry has a note (note-<note> of the
// rule's catalogue).
func fixMessage(p *lint.Pass, word, fix, note string) string {
	if note == "" {
		return p.T("message", word, fix)
	}
	return p.T("message-note", word, fix, p.T("note-"+note))
}

// checkNotes makes sure the catalogue of rule id has the note of every
// entry, in both languages.
func checkNotes(id, file string, ps *phrases) error {
	for _, e := range ps.list {
		if e.note == "" {
			continue
		}
		for _, lang := range i18n.Langs {
			if _, ok := i18n.Lookup(lang, id, "note-"+e.note); !ok {
				return fmt.Errorf("%s: note %q: no message note-%s in rules/usage/messages_%s.toml", file, e.note, e.note, lang)
			}
		}
	}
	return nil
}
