package punctuation

import (
	"sort"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// Unbalanced makes the rule punctuation/unbalanced.
func Unbalanced() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "punctuation/unbalanced",
		Kind:     lint.Code,
		Category: "punctuation",
		Level:    lint.Error,
		Summary:  "a quotation mark or bracket with no partner",
		Doc: lint.Doc{
			What: "Flags a quotation mark or bracket that is not balanced within its paragraph (paragraphs end at a blank line; a quotation may run over several lines): " +
				"\" \", « », “ ”, ( ) and [ ]. A closing mark with nothing open is flagged, and so is an opening mark never closed. " +
				"An ASCII \" opens when it has a letter after it and none before (وكالة \"رويترز), closes when it has a letter or a final mark before it and no letter after (رويترز\" للأنباء، الدولة\".); " +
				"one that could be either (إن :\" followed by a space) opens when no quotation is open and closes one otherwise. " +
				"“ and ” are read the same way, since right-to-left text often types them the other way round; ″ (the inch mark publishing systems put for a \" after a digit) closes an open “. A quote written onto a proclitic (لـ\"سبق\"، بـ\"نسف\") opens. " +
				"List numbers (1) أ)) and smileys are not brackets. " +
				"Left alone, after a judged sample of real copy: double quotes (\" or “ ”) in a paragraph holding an even number of them (the quotations close, typed the wrong way round or with the space on the wrong side: ” ديوان الزكاة ”), marks on a line with no word or number (a row of »»»» between sections), and a quotation opened in one paragraph and closed in one of the next six. Of two guillemets that face the same way in a paragraph, only the one written the other way round is flagged (و»الجزيرة»: the first » opens, since a letter follows it); a straight quote and a curly one that open and close one quotation (\"الطاقم الألماني”) are a pair.",
			Why:   "A quotation that never closes, or closes twice, leaves the reader unsure of who is speaking: in news copy that is an attribution error, not a typo.",
			Wrong: "وقال المتحدث إن \"الوزارة ستعلن النتائج خلال أسبوع\" وإن الطلاب سيتسلمون شهاداتهم في اليوم نفسه\".",
			Right: "وقال المتحدث إن \"الوزارة ستعلن النتائج خلال أسبوع\" وإن الطلاب سيتسلمون شهاداتهم في اليوم نفسه.",
			Fix:   "None: only the writer knows where the quotation was meant to start or end; a guillemet written the other way round gets its partner's mark as an unsafe suggestion.",
		},
		Run: runUnbalanced,
	}, nil
}

func runUnbalanced(p *lint.Pass) {
	_, strays := scanOf(p).pairing(p.Tokens)
	if len(strays) > 0 {
		strays = meantStrays(p.Tokens, strays)
	}
	for _, s := range strays {
		t := p.Tokens[s.tok]
		if s.reversed {
			want := "«"
			key := "reversed-open"
			if t.Key == "«" {
				want, key = "»", "reversed-close"
			}
			p.Report(lint.Diagnostic{Start: t.Start, End: t.End, Message: p.T(key, t.Key, want),
				Fixes: []lint.SuggestedFix{lint.Replace(t.Start, t.End, want, lint.Unsafe)}})
			continue
		}
		var msg string
		switch {
		case s.unclosed && t.Key == `"`:
			msg = p.T("unclosed-ascii")
		case s.unclosed:
			msg = p.T("unclosed", t.Key)
		case t.Key == `"`:
			msg = p.T("unopened-ascii")
		default:
			msg = p.T("unopened", t.Key)
		}
		p.Report(lint.Diagnostic{Start: t.Start, End: t.End, Message: msg})
	}
}

// maxQuoteParagraphs is how many paragraphs a quotation may run over: a
// mark left open in one paragraph and a mark of its family left unopened
// in one of the next few close one quotation.
const maxQuoteParagraphs = 6

// meantStrays drops the strays that published copy shows are no slip
// (a sample of 40 findings on real news had 15 right):
//   - straight or curly double quotes in a paragraph holding an even
//     number of them: the quotations close, typed with the glyphs the
//     wrong way round (” ديوان الزكاة ”) or the space on the wrong side
//     (إن" قرار … ");
//   - marks on a line with no word or number (a row of »»»» between
//     sections);
//   - an opener left open and the next stray of its family, a closer, in
//     one of the next paragraphs: a quotation over several paragraphs.
func meantStrays(toks []arabic.Token, strays []stray) []stray {
	para := make([]int32, len(toks)) // paragraph of each token
	line := make([]int32, len(toks)) // line of each token
	var pi, li int32
	for i := range toks {
		if toks[i].Kind == arabic.Space {
			if toks[i].Breaks >= 2 {
				pi++
			}
			if toks[i].Breaks >= 1 {
				li++
			}
		}
		para[i], line[i] = pi, li
	}
	hasText := make([]bool, li+1) // lines with a word or a number
	quotes := map[[2]int32]int{}  // (paragraph, family) → double quotes in it
	for i := range toks {
		switch toks[i].Kind {
		case arabic.Word, arabic.Number:
			hasText[line[i]] = true
		case arabic.Punct:
			if f, ok := quoteFamily(toks[i].Key); ok {
				quotes[[2]int32{para[i], f}]++
			}
		}
	}
	var kept []stray
	for _, s := range strays {
		if !hasText[line[s.tok]] {
			continue
		}
		if f, ok := quoteFamily(toks[s.tok].Key); ok && quotes[[2]int32{para[s.tok], f}]%2 == 0 {
			continue
		}
		kept = append(kept, s)
	}
	// a quotation over paragraphs: pair, family by family in text order,
	// an opener with the closer that is the next stray of its family
	sort.SliceStable(kept, func(a, b int) bool { return kept[a].tok < kept[b].tok })
	drop := map[int32]bool{}
	last := map[rune]int{} // family → index in kept of its last stray
	for n, s := range kept {
		f := pairFamily(toks[s.tok].Key)
		if prev, ok := last[f]; ok {
			o := kept[prev]
			if o.unclosed && !s.unclosed && para[s.tok] > para[o.tok] && para[s.tok]-para[o.tok] <= maxQuoteParagraphs {
				drop[o.tok], drop[s.tok] = true, true
				delete(last, f)
				continue
			}
		}
		last[f] = n
	}
	out := kept[:0]
	for _, s := range kept {
		if !drop[s.tok] {
			out = append(out, s)
		}
	}
	return reversedGuillemets(toks, mixedQuotes(toks, out, para), para)
}

// joinAdjacent walks the strays in order and offers each with the next one
// to join: join returns what stands for the two and true to take both, or
// false to keep the first as it is and go on.
func joinAdjacent(strays []stray, join func(s, u stray) ([]stray, bool)) []stray {
	out := strays[:0]
	for n := 0; n < len(strays); n++ {
		if n+1 < len(strays) {
			if keep, ok := join(strays[n], strays[n+1]); ok {
				out = append(out, keep...)
				n++
				continue
			}
		}
		out = append(out, strays[n])
	}
	return out
}

// mixedQuotes drops a straight quote and a curly one that follow each other
// as strays of one paragraph, one opening and one closing: a quotation
// typed with two styles of mark ("الطاقم الألماني”).
func mixedQuotes(toks []arabic.Token, strays []stray, para []int32) []stray {
	return joinAdjacent(strays, func(s, u stray) ([]stray, bool) {
		a, b := toks[s.tok].Key, toks[u.tok].Key
		straightCurly := a == `"` && (b == "”" || b == "“") || b == `"` && (a == "”" || a == "“")
		return nil, straightCurly && para[s.tok] == para[u.tok] && s.unclosed && !u.unclosed
	})
}

// reversedGuillemets reports, of two stray guillemets of one paragraph
// that face the same way with none between them, only the one written the
// other way round: the first of two closers (و»الجزيرة») opens, the second
// of two openers («الحكومة قوية «) closes.
func reversedGuillemets(toks []arabic.Token, strays []stray, para []int32) []stray {
	return joinAdjacent(strays, func(s, u stray) ([]stray, bool) {
		k, l := toks[s.tok].Key, toks[u.tok].Key
		if para[s.tok] != para[u.tok] || k != l {
			return nil, false
		}
		// the mark written the other way round sits where its partner
		// would: a » with a letter right after it (و»الجزيرة،
		// لـ»المدينة»), a « with none («الحكومة قوية « ثم)
		switch {
		case k == "»" && !s.unclosed && !u.unclosed && after(toks, int(s.tok)) == ctxLetter:
			s.reversed = true
			return []stray{s}, true
		case k == "«" && s.unclosed && u.unclosed && after(toks, int(u.tok)) != ctxLetter:
			u.reversed = true
			return []stray{u}, true
		}
		return nil, false
	})
}

// quoteFamily is the family of a double quote whose glyph does not tell
// opening from closing: 0 for ", 1 for “ and ”.
func quoteFamily(key string) (int32, bool) {
	switch key {
	case `"`:
		return 0, true
	case "“", "”":
		return 1, true
	}
	return 0, false
}

// pairFamily names the family a mark pairs within.
func pairFamily(key string) rune {
	switch key {
	case "«", "»":
		return '«'
	case "“", "”", "\u2033":
		return '“'
	case "(", ")":
		return '('
	case "[", "]":
		return '['
	}
	return '"'
}
