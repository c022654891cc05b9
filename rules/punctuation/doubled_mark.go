package punctuation

import (
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/rules/internal/prose"
)

// Values of the two-dots option of doubled-mark.
const (
	DotsEnd = "end" // flag .. that ends a sentence
	DotsAll = "all" // also flag .. between two phrases
	DotsOff = "off" // never flag .. (default)
)

// DoubledMark makes the rule punctuation/doubled-mark.
func DoubledMark() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "punctuation/doubled-mark",
		Kind:     lint.Code,
		Category: "punctuation",
		Level:    lint.Warning,
		Summary:  "a mark typed twice: ،، ؛؛ ؟؟ :: (two dots with two-dots = end)",
		Doc: lint.Doc{
			What: "Flags a run of the same mark typed twice or more: ،، ؛؛ ؟؟ :: and the Latin ,, ;; ?? (not three Arabic commas or more, ،،، the flourish that signs off a column or leads into an interview, nor ،، between the halves of a verse line); with two-dots = \"end\", also exactly two dots ending a sentence (off by default: in a judged sample of published copy, 14 of 37 such findings were slips, the others the pause that columns, verse and sign-offs write with two dots). " +
				"An ellipsis (three dots or more, or …), a mixed ؟! or ؟؟! and a doubled !! (emphasis in quotations) are left alone, as are marks in URLs and Latin text. " +
				"Two dots inside a line (بالصور.. الرئيس يفتتح) are the pause many papers use in headlines: they are flagged only with two-dots = \"all\".",
			Why:   "A doubled mark is a typing slip that survives proofreading because the eye reads it as one.",
			Wrong: "أعلنت الشركة أرباحها،، وارتفع سهمها في البورصة.",
			Right: "أعلنت الشركة أرباحها، وارتفع سهمها في البورصة.",
			Fix:   "Safe for ؛؛ ؟؟ ::, replaced by a single mark; none for ،، (one comma, none or a full stop: on a judged sample of real copy each about as often, so the writer chooses); unsafe for ,, (the Arabic comma). Two dots are info, with two unsafe fixes, one dot or an ellipsis (…): on Saudi copy 1,305 of 1,435 findings were two dots that columns use as suspension points, where only the writer knows whether the sentence ends or trails off.",
		},
		Options: map[string]lint.Option{
			"two-dots": {Default: DotsOff, Allowed: []string{DotsEnd, DotsAll, DotsOff},
				Help: "off (default): never flag ..; end: flag .. where it ends a sentence; all: also inside a line (headline pauses)"},
		},
		Run: runDoubledMark,
	}, nil
}

func runDoubledMark(p *lint.Pass) {
	toks := p.Tokens
	dots := p.Option("two-dots")
	var runs runScan
	marks := scanOf(p).marks
	next := 0 // the token after the last run
	for _, mk := range marks {
		m, i := mk.r, int(mk.i)
		switch m {
		case '،', '؛', '؟', ',', ';', '?', ':', '.':
		default:
			continue
		}
		if i < next {
			continue // inside the run just seen
		}
		t := &toks[i]
		j := i + 1
		for j < len(toks) && toks[j].Kind == arabic.Punct && toks[j].Key == t.Key {
			j++
		}
		n := j - i
		next = j
		if n < 2 || !doubledInArabic(toks, i, j, m) || runs.foreign(toks, i) {
			continue
		}
		if (m == '،' || m == ',') && prose.VerseOf(p).Contains(t.Start) {
			continue // ،، between the halves of a verse line
		}
		if m == '،' && n >= 3 {
			continue // ،،، signing off a column or leading into an interview: a flourish
		}
		if m == '،' {
			// one comma, none (طلبت،، إيقاف), a full stop before a new
			// sentence: on real copy each about as often; the writer
			// knows, so no fix is offered
			p.Report(lint.Diagnostic{Start: t.Start, End: toks[j-1].End, Message: p.T("comma-twice")})
			continue
		}
		app := lint.Safe
		repl, msg := t.Key, typed(p, t.Key, n)
		if m == ',' {
			// ,, in Arabic text: one Arabic comma
			repl, app, msg = "،", lint.Unsafe, p.T("latin-commas")
		}
		if m == '.' {
			if n != 2 || dots == DotsOff {
				continue
			}
			if !endsSentence(toks, j) {
				if dots != DotsAll {
					continue
				}
				app = lint.Unsafe
			}
		}
		start, end := t.Start, toks[j-1].End
		if m == '.' {
			// two dots are the suspension points of many Gulf and Levant
			// columns (وتقبل وتوافق..): only the writer knows whether the
			// sentence ends or trails off, and it is a matter of house
			// style, not a slip
			p.Report(lint.Diagnostic{
				Start: start, End: end, Level: lint.Info,
				Message: p.T("two-dots"),
				Fixes: []lint.SuggestedFix{lint.Replace(start, end, ".", lint.Unsafe),
					lint.Replace(start, end, "…", lint.Unsafe)},
			})
			continue
		}
		p.Report(lint.Diagnostic{
			Start: start, End: end,
			Message: msg,
			Fixes:   []lint.SuggestedFix{lint.Replace(start, end, repl, app)},
		})
	}
}

// doubledInArabic reports whether the run of m in tokens [i, j) follows an
// Arabic word, a number or a closing quote, and is not part of a mixed
// ؟! run or an ellipsis.
func doubledInArabic(toks []arabic.Token, i, j int, m rune) bool {
	prev := i - 1
	if isInlineSpace(toks, prev) {
		prev--
	}
	switch {
	case isArabicWord(toks, prev), prev >= 0 && toks[prev].Kind == arabic.Number:
	case isCloser(at(toks, prev)), at(toks, prev) == '"':
	default:
		return false
	}
	before, after := at(toks, i-1), at(toks, j)
	switch m {
	case '؟', '?':
		// ؟؟! and !؟؟ are emphasis, like !!
		for _, r := range [...]rune{before, after} {
			if r == '!' || r == '؟' || r == '?' {
				return false
			}
		}
	case '.':
		if before == '…' || after == '…' {
			return false
		}
	}
	return true
}

// endsSentence reports whether what follows token j-1 ends the sentence:
// the end of the text or of the line, perhaps after closing quotes and
// trailing spaces.
func endsSentence(toks []arabic.Token, j int) bool {
	for j < len(toks) && isCloser(markOf(toks[j])) || j < len(toks) && toks[j].Key == `"` {
		j++
	}
	if isInlineSpace(toks, j) {
		j++
	}
	return j >= len(toks) || toks[j].Kind == arabic.Space && toks[j].Breaks > 0
}

// typed is the message of a mark typed n times.
func typed(p *lint.Pass, mark string, n int) string {
	if n == 2 {
		return p.T("typed-twice", mark)
	}
	return p.T("typed", mark, i18n.Plural(p.Lang(), p.Rule.ID, "times", n))
}
