package punctuation

import (
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// LatinMarks makes the rule punctuation/latin-marks.
func LatinMarks() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "punctuation/latin-marks",
		Kind:     lint.Code,
		Category: "punctuation",
		Level:    lint.Warning,
		Summary:  "Latin , ; ? in Arabic text: write ، ؛ ؟",
		Doc: lint.Doc{
			What: "Flags a Latin comma, semicolon or question mark between Arabic words: after an Arabic word and before the next Arabic word (for ?, also at the end of a line or before a closing quote). " +
				"Marks in numbers (1,000), URLs, e-mail addresses and Latin text are left alone.",
			Why:   "Arabic has its own comma, semicolon and question mark, turned to read right to left. The Latin ones look wrong beside Arabic letters, break the bidirectional layout at line ends and are not what readers and search engines expect.",
			Wrong: "هل تنجح الحكومة في خفض الأسعار? يقول الخبراء إن الأمر صعب, لكنه ممكن.",
			Right: "هل تنجح الحكومة في خفض الأسعار؟ يقول الخبراء إن الأمر صعب، لكنه ممكن.",
			Fix:   "Safe: the mark is replaced by its Arabic form.",
		},
		Run: runLatinMarks,
	}, nil
}

func runLatinMarks(p *lint.Pass) {
	toks := p.Tokens
	var runs runScan
	for _, mk := range scanOf(p).marks {
		var fix string
		switch mk.r {
		case ',':
			fix = "،"
		case ';':
			fix = "؛"
		case '?':
			fix = "؟"
		default:
			continue
		}
		i, t := int(mk.i), &toks[mk.i]
		if !latinMarkInArabic(toks, i) || runs.foreign(toks, i) {
			continue
		}
		p.Report(lint.Diagnostic{
			Start: t.Start, End: t.End,
			Message: p.T("message", t.Key, fix),
			Fixes:   []lint.SuggestedFix{lint.Replace(t.Start, t.End, fix, lint.Safe)},
		})
	}
}

// latinMarkInArabic reports whether the Latin mark at token i follows an
// Arabic word and comes before another one (for ?, or ends the line).
func latinMarkInArabic(toks []arabic.Token, i int) bool {
	prev := i - 1
	if isInlineSpace(toks, prev) {
		prev--
	}
	if !isArabicWord(toks, prev) {
		return false
	}
	next := i + 1
	if next < len(toks) && toks[next].Kind == arabic.Space {
		if toks[next].Breaks > 0 {
			return toks[i].Key == "?" // the end of a line
		}
		next++
	}
	if next >= len(toks) {
		return toks[i].Key == "?" // the end of the text
	}
	if isArabicWord(toks, next) {
		return true
	}
	if toks[i].Key != "?" || next != i+1 {
		return false
	}
	// ? right before a closing quote or bracket, or an exclamation mark
	switch markOf(toks[next]) {
	case '»', '”', ')', ']', '"', '!':
		return true
	}
	return false
}
