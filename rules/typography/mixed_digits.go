package typography

import (
	"github.com/daqiq/daqiq/lint"
)

// MixedDigits makes the rule typography/mixed-digits.
func MixedDigits() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "typography/mixed-digits",
		Kind:     lint.Code,
		Category: "typography",
		Level:    lint.Error,
		Summary:  "one number written with two digit sets (١2٣، 20٢4)",
		Doc: lint.Doc{
			What:  "Flags a number whose digits come from two sets: ASCII (0-9), Arabic-Indic (٠-٩) or Persian (۰-۹).",
			Why:   "A number typed half on one keyboard layout and half on another looks right to the eye but is not a number to search, sorting or screen readers, and some fonts draw the two sets differently.",
			Wrong: "بلغ عدد الزوار 20٢4 زائرا في 2023.",
			Right: "بلغ عدد الزوار 2024 زائرا في 2023.",
			Fix:   "Unsafe: converts the digits to the set most numbers of the text use (ties: the set that comes first; a text with no other number: the set most of the number's own digits use). Check that the value is the one meant.",
		},
		Run: mixedDigits,
	}, nil
}

func mixedDigits(p *lint.Pass) {
	ns := scanNumbers(p)
	for _, n := range ns.all {
		if n.sets&(n.sets-1) == 0 {
			continue
		}
		t := p.Tokens[n.tok]
		s := p.Text[t.Start:t.End]
		to := ns.majority()
		if to == 0 {
			counts, first := digitCount(s)
			to = first
			for _, set := range [...]uint8{asciiDigits, arabicIndic, persianDigits} {
				if counts[setIndex(set)] > counts[setIndex(to)] {
					to = set
				}
			}
		}
		fixed := convert(s, to)
		p.Report(lint.Diagnostic{Start: t.Start, End: t.End,
			Message: p.T("message", s, setList(p, n.sets), fixed),
			Fixes: []lint.SuggestedFix{{Message: p.T("use", setName(p, to)), Applicability: lint.Unsafe,
				Edits: []lint.TextEdit{{Start: t.Start, End: t.End, New: fixed}}}}})
	}
}
