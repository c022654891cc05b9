package kinds

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// RepeatedWord describes a rule that flags a word written twice in a row
// ("في في"). Reduplication that Arabic uses on purpose stays silent: an
// indefinite accusative ending in ا (رويدا رويدا، قليلا قليلا), words in
// Allow (خطوة خطوة), and words of one or two letters (بي بي سي) unless
// they are listed in Short as function words that never double (في، من).
type RepeatedWord struct {
	Rule  lint.Rule
	Allow []string
	Short []string
	// Skip, if set, is asked about each pair of repeated word tokens
	// (indexes into the pass's tokens) that the lists above let through;
	// it returns true when the repetition is not a slip.
	Skip func(p *lint.Pass, a, b int) bool
}

// NewRepeatedWord builds the rule.
func NewRepeatedWord(rw RepeatedWord) *lint.Rule {
	allow := set(rw.Allow)
	short := set(rw.Short)
	r := rw.Rule
	r.Kind = lint.Repetition
	r.Run = func(p *lint.Pass) {
		toks := p.Tokens
		for i := 2; i < len(toks); i++ {
			b := &toks[i]
			if b.Kind != arabic.Word {
				continue
			}
			a, sp := &toks[i-2], &toks[i-1]
			if a.Kind != arabic.Word || sp.Kind != arabic.Space || sp.Breaks > 1 {
				continue
			}
			if a.Key != b.Key && (a.Arabic || len(a.Key) != len(b.Key) || !strings.EqualFold(a.Key, b.Key)) {
				continue
			}
			k := a.Key
			n := utf8.RuneCountInString(k)
			switch {
			case allow[k]:
				continue
			case n <= 2 && !short[k]:
				continue
			case a.Arabic && n >= 3 && strings.HasSuffix(k, "ا"):
				continue
			case rw.Skip != nil && rw.Skip(p, i-2, i):
				continue
			}
			p.Report(lint.Diagnostic{
				Start: b.Start, End: b.End,
				Message: kindT(p, "repeated-word", p.Text[b.Start:b.End]),
				Fixes: []lint.SuggestedFix{{
					Message:       kindT(p, "delete-second"),
					Applicability: lint.Unsafe,
					Edits:         []lint.TextEdit{{Start: sp.Start, End: b.End}},
				}},
			})
		}
	}
	return &r
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Key(w)] = true
	}
	return m
}

// RepeatedLine describes a rule that flags a line identical to the line
// just above it, and a paragraph identical to the paragraph just above it
// (a caption pasted twice, a paragraph duplicated in editing). Lines with no
// letter (rules, asterisks) are never flagged.
type RepeatedLine struct {
	Rule lint.Rule
}

// line is one line of text as the tokenizer saw it.
type line struct {
	first, last int // token indexes of its first and last non-space tokens; -1 if blank
	hash        uint64
	letters     bool
}

// NewRepeatedLine builds the rule.
func NewRepeatedLine(rl RepeatedLine) *lint.Rule {
	r := rl.Rule
	r.Kind = lint.Repetition
	r.Run = func(p *lint.Pass) {
		buf := linesPool.Get().(*[]line)
		defer func() {
			if cap(*buf) <= 1<<16 {
				linesPool.Put(buf)
			}
		}()
		lines := splitLines((*buf)[:0], p.Tokens)
		*buf = lines
		same := func(a, b line) bool { return a.hash == b.hash && sameTokens(p.Tokens, a, b) }
		// consecutive lines
		for i := 1; i < len(lines); i++ {
			a, b := lines[i-1], lines[i]
			if b.first < 0 || a.first < 0 || !b.letters || !same(a, b) {
				continue
			}
			start, end := p.Tokens[b.first].Start, p.Tokens[b.last].End
			p.Report(lint.Diagnostic{
				Start: start, End: end,
				Message: kindT(p, "repeated-line"),
				Fixes: []lint.SuggestedFix{{Message: kindT(p, "delete-line"), Applicability: lint.Unsafe,
					Edits: []lint.TextEdit{deleteLine(p.Text, start, end)}}},
			})
		}
		// consecutive paragraphs, separated by blank lines
		type para struct{ first, last int }
		var paras []para
		for i := 0; i < len(lines); {
			if lines[i].first < 0 {
				i++
				continue
			}
			j := i
			for j+1 < len(lines) && lines[j+1].first >= 0 {
				j++
			}
			paras = append(paras, para{i, j})
			i = j + 1
		}
		for k := 1; k < len(paras); k++ {
			a, b := paras[k-1], paras[k]
			if a.last-a.first != b.last-b.first {
				continue
			}
			ok, letters := true, false
			for d := 0; ok && d <= a.last-a.first; d++ {
				ok = same(lines[a.first+d], lines[b.first+d])
				letters = letters || lines[b.first+d].letters
			}
			if !ok || !letters {
				continue
			}
			start, end := p.Tokens[lines[b.first].first].Start, p.Tokens[lines[b.last].last].End
			p.Report(lint.Diagnostic{
				Start: start, End: end,
				Message: kindT(p, "repeated-paragraph"),
				Fixes: []lint.SuggestedFix{{Message: kindT(p, "delete-paragraph"), Applicability: lint.Unsafe,
					Edits: []lint.TextEdit{{Start: p.Tokens[lines[a.last].last].End, End: end}}}},
			})
		}
	}
	return &r
}

// linesPool holds the lines of a document for the next run.
var linesPool = sync.Pool{New: func() any { return new([]line) }}

// splitLines appends to out the tokens grouped into lines. A space token
// holding n line breaks ends the current line and adds n-1 blank ones. A
// line's hash, a quick test before sameTokens, adds up its tokens' key
// lengths and first bytes: no hashing of every byte.
func splitLines(out []line, toks []arabic.Token) []line {
	cur := line{first: -1, last: -1}
	for i := range toks {
		t := &toks[i]
		if t.Kind == arabic.Space {
			for b := uint16(0); b < t.Breaks; b++ {
				out = append(out, cur)
				cur = line{first: -1, last: -1}
			}
			continue
		}
		if cur.first < 0 {
			cur.first = i
		}
		cur.last = i
		if t.Kind == arabic.Word {
			cur.letters = true
		}
		cur.hash += 1<<48 | uint64(len(t.Key))
		if len(t.Key) > 0 {
			cur.hash += uint64(t.Key[0]) << 24
		}
	}
	return append(out, cur)
}

// sameTokens compares two lines token by token, ignoring whitespace.
func sameTokens(toks []arabic.Token, a, b line) bool {
	i, j := a.first, b.first
	for {
		for i <= a.last && toks[i].Kind == arabic.Space {
			i++
		}
		for j <= b.last && toks[j].Kind == arabic.Space {
			j++
		}
		if i > a.last || j > b.last {
			return i > a.last && j > b.last
		}
		if toks[i].Key != toks[j].Key {
			return false
		}
		i++
		j++
	}
}

// deleteLine removes the line holding [start, end) with its line break (or,
// for the last line, the break before it).
func deleteLine(text string, start, end int) lint.TextEdit {
	// a line ends at \n, \r\n or a lone \r (old Mac files), as the
	// tokenizer counts line breaks
	ls := strings.LastIndexAny(text[:start], "\r\n") + 1
	if nl := strings.IndexAny(text[end:], "\r\n"); nl >= 0 {
		le := end + nl + 1
		if text[le-1] == '\r' && le < len(text) && text[le] == '\n' {
			le++
		}
		return lint.TextEdit{Start: ls, End: le}
	}
	le := len(text)
	if ls > 0 {
		ls--
		if ls > 0 && text[ls] == '\n' && text[ls-1] == '\r' {
			ls--
		}
	}
	return lint.TextEdit{Start: ls, End: le}
}
