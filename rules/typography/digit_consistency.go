package typography

import (
	"github.com/daqiq/daqiq/lint"
)

// DigitConsistency makes the rule typography/digit-consistency.
func DigitConsistency() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "typography/digit-consistency",
		Kind:     lint.Code,
		Category: "typography",
		Level:    lint.Info,
		Summary:  "numbers in a digit set the rest of the text does not use (٣٢٠ among ASCII numbers)",
		Doc: lint.Doc{
			What: "In a text that writes numbers with more than one digit set (ASCII 0-9, Arabic-Indic ٠-٩, Persian ۰-۹), flags the numbers in the sets fewer numbers use. " +
				"Numbers that belong to a Latin name or code (G20، COVID-19، iPhone 15) neither count nor are flagged; a number mixing two sets is left to typography/mixed-digits.",
			Why:   "House style picks one digit set; a text that switches between them looks pasted together from several sources, and searches for a figure miss the other spelling.",
			Wrong: "صوّت 214 نائبا من أصل ٣٢٠ لصالح القانون في جلسة استمرت 9 ساعات.",
			Right: "صوّت 214 نائبا من أصل 320 لصالح القانون في جلسة استمرت 9 ساعات.",
			Fix:   "Safe: converts the digits to the majority set (ties: the set that comes first). Into ASCII the Arabic separators ٫ ٬ become . and ,; ASCII separators are kept as written.",
		},
		Run: digitConsistency,
	}, nil
}

func digitConsistency(p *lint.Pass) {
	ns := scanNumbers(p)
	used := 0
	for _, c := range ns.count {
		if c > 0 {
			used++
		}
	}
	if used < 2 {
		return
	}
	to := ns.majority()
	for _, n := range ns.all {
		if n.latin || n.sets == to || n.sets&(n.sets-1) != 0 {
			continue
		}
		t := p.Tokens[n.tok]
		s := p.Text[t.Start:t.End]
		fixed := convert(s, to)
		p.Report(lint.Diagnostic{Start: t.Start, End: t.End,
			Message: p.T("message", s, setName(p, n.sets), setName(p, to), ns.count[setIndex(to)], ns.count[setIndex(n.sets)], fixed),
			Fixes: []lint.SuggestedFix{{Message: p.T("use", setName(p, to)), Applicability: lint.Safe,
				Edits: []lint.TextEdit{{Start: t.Start, End: t.End, New: fixed}}}}})
	}
}
