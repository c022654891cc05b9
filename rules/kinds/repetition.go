package kinds

import (
	"fmt"
	"strings"
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
}

// NewRepeatedWord builds the rule.
func NewRepeatedWord(rw RepeatedWord) *lint.Rule {
	allow := set(rw.Allow)
	short := set(rw.Short)
	r := rw.Rule
	r.Kind = "repetition"
	r.Run = func(p *lint.Pass) {
		toks := p.Tokens
		for i := 2; i < len(toks); i++ {
			a, sp, b := toks[i-2], toks[i-1], toks[i]
			if a.Kind != arabic.Word || sp.Kind != arabic.Space || b.Kind != arabic.Word || sp.Breaks > 1 {
				continue
			}
			if a.Key != b.Key && !strings.EqualFold(a.Key, b.Key) {
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
			}
			p.Report(lint.Diagnostic{
				Start: b.Start, End: b.End,
				Message: fmt.Sprintf("%s is written twice in a row", quote(p.Text[b.Start:b.End])),
				Fixes: []lint.SuggestedFix{{
					Message:       "delete the second one",
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

type line struct {
	start, end, next int // content [start,end), next line starts at next
	key              string
}

// NewRepeatedLine builds the rule.
func NewRepeatedLine(rl RepeatedLine) *lint.Rule {
	r := rl.Rule
	r.Kind = "repetition"
	r.Run = func(p *lint.Pass) {
		lines := splitLines(p.Text)
		// consecutive lines
		for i := 1; i < len(lines); i++ {
			a, b := lines[i-1], lines[i]
			if b.key == "" || a.key != b.key {
				continue
			}
			p.Report(lint.Diagnostic{
				Start: b.start, End: b.end,
				Message: "this line repeats the line above it",
				Fixes: []lint.SuggestedFix{{Message: "delete the repeated line", Applicability: lint.Unsafe,
					Edits: []lint.TextEdit{deleteLine(p.Text, b)}}},
			})
		}
		// consecutive paragraphs, separated by blank lines
		type para struct{ first, last int }
		var paras []para
		for i := 0; i < len(lines); {
			if lines[i].key == "" && strings.TrimSpace(p.Text[lines[i].start:lines[i].end]) == "" {
				i++
				continue
			}
			j := i
			for j+1 < len(lines) && strings.TrimSpace(p.Text[lines[j+1].start:lines[j+1].end]) != "" {
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
			same, letters := true, false
			for d := 0; d <= a.last-a.first; d++ {
				la, lb := lines[a.first+d], lines[b.first+d]
				same = same && la.key == lb.key
				letters = letters || lb.key != ""
			}
			if !same || !letters {
				continue
			}
			first, last := lines[b.first], lines[b.last]
			p.Report(lint.Diagnostic{
				Start: first.start, End: last.end,
				Message: "this paragraph repeats the paragraph above it",
				Fixes: []lint.SuggestedFix{{Message: "delete the repeated paragraph", Applicability: lint.Unsafe,
					Edits: []lint.TextEdit{{Start: lines[a.last].end, End: last.end}}}},
			})
		}
	}
	return &r
}

// deleteLine removes a line with its line break (or, for the last line, the
// break before it).
func deleteLine(text string, l line) lint.TextEdit {
	if l.next > l.end {
		return lint.TextEdit{Start: l.start, End: l.next}
	}
	start := l.start
	if start > 0 && text[start-1] == '\n' {
		start--
		if start > 0 && text[start-1] == '\r' {
			start--
		}
	}
	return lint.TextEdit{Start: start, End: l.end}
}

// splitLines returns each line with a comparison key: its words' keys
// joined by single spaces, "" when it has no letter.
func splitLines(text string) []line {
	var out []line
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		next := 0
		if end < 0 {
			end, next = len(text), len(text)
		} else {
			end += start
			next = end + 1
		}
		cend := end
		if cend > start && text[cend-1] == '\r' {
			cend--
		}
		out = append(out, line{start: start, end: cend, next: next, key: lineKey(text[start:cend])})
		if next >= len(text) {
			break
		}
		start = next
	}
	return out
}

func lineKey(s string) string {
	var b strings.Builder
	letters := false
	for _, t := range arabic.Tokenize(s) {
		if t.Kind == arabic.Space {
			continue
		}
		if t.Kind == arabic.Word {
			letters = true
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Key)
	}
	if !letters {
		return ""
	}
	return b.String()
}
