package source

import "github.com/daqiq/daqiq/lint"

// Number makes the rule source/number.
func Number() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "source/number",
		Summary: "a number that differs from the wire's number about the same thing",
		Doc: lint.Doc{
			What:   "With a wire copy (check --source), aligns each sentence of the article with the wire sentences it shares most words with, and compares the numbers that count the same thing (the same noun or unit after them, else the same word before them) as values: ٣ = 3 = ثلاثة, 1.5 مليون = مليون ونصف. نحو, قرابة and حوالي accept a figure within 15%, أكثر من a larger one, أقل من a smaller one. A number with no counterpart in the wire (background) is not compared; numbers inside dates are source/date's.",
			Why:    "A casualty toll, an amount or a count copied wrong from the wire is a factual error the story then carries under the paper's name.",
			Wrong:  "قالت الحكومة إنها طردت 14 دبلوماسيا إيرانيا.",
			Right:  "قالت الحكومة إنها طردت أربعين دبلوماسيا إيرانيا.",
			Fix:    "Unsafe: the wire's number, as the wire writes it.",
			Source: "قالت الحكومة الألبانية إنها طردت 40 دبلوماسيا إيرانيا.",
		},
	}, runNumber)
}

func runNumber(p *lint.Pass, c *compared) {
	for si, nums := range c.artNums {
		for _, a := range nums {
			var cands []number
			for pass := 0; pass < 2 && len(cands) == 0; pass++ {
				for _, ws := range c.aligned[si] {
					for _, w := range c.wireNums[ws] {
						if pass == 0 && a.noun != 0 && a.noun == w.noun ||
							pass == 1 && a.prev != 0 && a.prev == w.prev && (a.noun == 0 || w.noun == 0) {
							cands = append(cands, w)
						}
					}
				}
			}
			if len(cands) == 0 {
				continue
			}
			ok := false
			for _, w := range cands {
				ok = ok || agree(a, w)
			}
			if ok {
				continue
			}
			w := cands[0]
			start, end := c.art.toks[a.lo].Start, c.art.toks[a.hi-1].End
			wtext := c.wire.src[c.wire.toks[w.lo].Start:c.wire.toks[w.hi-1].End]
			p.Report(lint.Diagnostic{
				Start: start, End: end,
				Message: p.T("differs", p.Text[start:end], c.where(c.wire.toks[w.lo].Start), wtext),
				Fixes:   []lint.SuggestedFix{lint.Replace(start, end, wtext, lint.Unsafe)},
			})
		}
	}
}
