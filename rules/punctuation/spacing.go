package punctuation

import (
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/prose"
)

// Spacing makes the rule punctuation/spacing.
func Spacing() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "punctuation/spacing",
		Kind:     lint.Code,
		Category: "punctuation",
		Level:    lint.Warning,
		Summary:  "a space before ، ؛ : ؟ ! . or a closing bracket or quote, or no space after a mark before the next word",
		Doc: lint.Doc{
			What: "Flags whitespace between a word and the mark that follows it (، ؛ : ؟ ! . and the closing ) ] » ”), and a mark (، ؛ : ؟ ! .) written straight against the Arabic word after it. " +
				"Numbers (3.5، 10:30), URLs and e-mail addresses, runs with Latin letters, an ellipsis, marks followed by another mark or a closing quote, a colon followed by a quotation mark, abbreviations of one letter (د.، ق.م) and codes spelt in letter names (إم.إتش.370، بي.إم.دبليو) are left alone. " +
				"A line break before a mark is not a space, and a space before an ASCII \" is not checked: it opens as often as it closes.",
			Why:   "Arabic marks stick to the word before them and are followed by a space. A space before a mark lets a line break strand the mark at the start of the next line; a missing space after it glues two words together for search engines and screen readers.",
			Wrong: "أعلنت الوزارة ، اليوم الأحد، إطلاق الخطة.وقال الوزير إنها ستبدأ فورا .",
			Right: "أعلنت الوزارة، اليوم الأحد، إطلاق الخطة. وقال الوزير إنها ستبدأ فورا.",
			Fix:   "Safe: the space before the mark is deleted; a space is inserted after the mark.",
		},
		Run: runSpacing,
	}, nil
}

func runSpacing(p *lint.Pass) {
	toks := p.Tokens
	var runs runScan
	for _, mk := range scanOf(p).marks {
		m := mk.r
		sentence := isSentenceMark(m)
		if !sentence && !isCloser(m) {
			continue
		}
		i, t := int(mk.i), &toks[mk.i]
		if spaceBefore(toks, i, m) {
			sp := toks[i-1]
			p.Report(lint.Diagnostic{
				Start: sp.Start, End: sp.End,
				Message: p.T("space-before", t.Key),
				Fixes:   []lint.SuggestedFix{{Message: p.T("delete-space"), Applicability: lint.Safe, Edits: []lint.TextEdit{{Start: sp.Start, End: sp.End}}}},
			})
		}
		if sentence && noSpaceAfter(toks, i, m) && !runs.foreign(toks, i) {
			p.Report(lint.Diagnostic{
				Start: t.Start, End: t.End,
				Message: p.T("no-space-after", t.Key),
				Fixes:   []lint.SuggestedFix{{Message: p.T("insert-space"), Applicability: lint.Safe, Edits: []lint.TextEdit{{Start: t.End, End: t.End, New: " "}}}},
			})
		}
	}
}

// spaceBefore reports whether the mark m at token i has whitespace without
// a line break before it, after a word, a number or a closing quote.
func spaceBefore(toks []arabic.Token, i int, m rune) bool {
	if i < 2 || !isInlineSpace(toks, i-1) {
		return false
	}
	prev := toks[i-2]
	switch {
	case prev.Kind == arabic.Word && prev.Arabic, prev.Kind == arabic.Number:
	case isCloser(markOf(prev)):
	case prev.Key == `"` && i >= 3 && (toks[i-3].Kind == arabic.Word || toks[i-3].Kind == arabic.Number):
		// a closing ASCII quote: «"رويترز" .»
	default:
		return false
	}
	if i+1 < len(toks) {
		next := toks[i+1]
		switch {
		case next.Kind == arabic.Number, next.Kind == arabic.Word && !next.Arabic:
			return false // " .5", " :30", " .com"
		case next.Kind == arabic.Word && isCloser(m):
			return false // a closing glyph used to open: «نص »كلمة
		}
		n := markOf(next)
		switch {
		case m == '.' && (n == '.' || n == '…'):
			return false // an ellipsis
		case m == ':' && (n == ')' || n == '('):
			return false // a smiley
		}
	}
	return true
}

// dottedCode reports whether the dot at token i joins the pieces of a code
// written in letter names (إم.إتش.370، بي.إم.دبليو، أو.إم.في): the words
// on both sides spell Latin letters, or the dot is one of a chain with no
// space (إم.إتش.370).
func dottedCode(toks []arabic.Token, i int) bool {
	if i < 1 || i+1 >= len(toks) {
		return false // a dot that starts or ends the text joins nothing
	}
	prev, next := toks[i-1].Key, toks[i+1].Key
	if prose.LetterName(prev) && prose.LetterName(next) && (prose.PlainLetterName(prev) || prose.PlainLetterName(next)) {
		return true
	}
	chain := func(j int) bool { return at(toks, j) == '.' && (j+1 < len(toks) && toks[j+1].Kind != arabic.Space) }
	return prose.LetterName(prev) && (chain(i+2) || i >= 2 && at(toks, i-2) == '.') ||
		prose.LetterName(next) && chain(i+2)
}

// noSpaceAfter reports whether the mark m at token i is written straight
// against the Arabic word after it.
func noSpaceAfter(toks []arabic.Token, i int, m rune) bool {
	if !isArabicWord(toks, i+1) {
		return false
	}
	prev := at(toks, i-1)
	if prev == '.' || prev == m || prev == '…' {
		return false // an ellipsis or a doubled mark (doubled-mark's business)
	}
	if i == 0 || toks[i-1].Kind == arabic.Space && toks[i-1].Breaks > 0 {
		// a mark opening a line belongs to the end of the line before,
		// moved there by a right-to-left paste: a space after it fixes
		// nothing
		return false
	}
	if m == '.' {
		// abbreviations: د.محمد، ق.م، ص.ب، and domains written in Arabic
		if isArabicWord(toks, i-1) && arabic.RuneCount(toks[i-1].Key) <= 1 {
			return false
		}
		switch k := toks[i+1].Key; {
		case arabic.RuneCount(k) <= 1, k == "كوم", k == "نت":
			return false
		}
		if dottedCode(toks, i) {
			return false
		}
	}
	return true
}
