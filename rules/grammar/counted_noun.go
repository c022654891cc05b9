package grammar

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// CountedNoun makes the rule grammar/counted-noun.
func CountedNoun() (*lint.Rule, error) {
	d, err := loadCounted()
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "grammar/counted-noun",
		Kind:     lint.Code,
		Category: "grammar",
		Level:    lint.Warning,
		Summary:  "the counted noun after a numeral in digits (30 كيلومترا، 5 أشخاص، 100 كيلومتر)",
		Doc: lint.Doc{
			What:  "After a number written in digits, checks the form of a counted noun from a curated list of what news copy counts (units, currencies, people, days, ألف and مليون): after 3–10 the noun is plural (5 أشخاص), after 11–99 singular and accusative (30 كيلومترا، 25 طبيبا), after 100, 200, 1000… singular (100 كيلومتر). For larger numbers the last two digits decide (103 أشخاص، 120 كيلومترا).",
			Why:   "Digits hide the numeral's grammar from the writer, so the noun after them is often left in the form of the dictionary.",
			Wrong: "وتقع القرية على مسافة 30 كيلومتر من العاصمة، وأصيب فيها 5 شخص.",
			Right: "وتقع القرية على مسافة 30 كيلومترا من العاصمة، وأصيب فيها 5 أشخاص.",
			Fix:   "Safe: the form follows from the number. ألف، مليون، مليار and يوم followed by a word are left alone after 11–99 (30 ألف دولار is an idafa).",
		},
		Run: func(p *lint.Pass) { runCounted(p, d) },
	}, nil
}

func runCounted(p *lint.Pass, d *countedData) {
	toks := p.Tokens
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Kind != arabic.Number {
			continue
		}
		num, sp, w := &toks[i], &toks[i+1], &toks[i+2]
		if sp.Kind != arabic.Space || sp.Breaks > 0 || w.Kind != arabic.Word || !w.Arabic {
			continue
		}
		ref, ok := d.forms[w.Key]
		if !ok {
			continue
		}
		n, ok := value(num.Key)
		if !ok || i > 0 && toks[i-1].Kind == arabic.Punct && strings.Contains("-–/.:", toks[i-1].Key) && i > 1 && toks[i-2].Kind == arabic.Number {
			continue // 3.5, 10:30, 2024/11 and ranges 3-5 are read elsewhere
		}
		if n >= 1800 && n <= 2100 && len(num.Key) == 4 {
			continue // a year: 5 يناير 2025 مشروع قانون
		}
		noun := d.nouns[ref[0]]
		form := ref[1]
		var want string
		switch r := n % 100; {
		case n < 3:
			continue
		case r >= 3 && r <= 10:
			if form == formPlural {
				continue
			}
			want = noun.Plural
		case r >= 11 && r <= 99:
			if form == formAccusative || noun.Accusative == "" && form == formSingular {
				continue
			}
			if noun.Construct && form == formSingular && followedByWord(toks, i+2) {
				continue
			}
			want = noun.Accusative
			if want == "" {
				want = noun.Singular
			}
		default: // 100, 200, 1000, 101, 102 …
			if form == formSingular {
				continue
			}
			want = noun.Singular
		}
		p.Report(lint.Diagnostic{
			Start: w.Start, End: w.End,
			Message: fmt.Sprintf("after %s the counted noun is %s, not %s", p.Text[num.Start:num.End], q(want), q(p.Text[w.Start:w.End])),
			Fixes:   []lint.SuggestedFix{lint.Replace(w.Start, w.End, want, lint.Safe)},
		})
	}
}

// value reads a whole number (thousands separators allowed, no decimals).
func value(key string) (int, bool) {
	if strings.ContainsAny(key, ".") {
		return 0, false
	}
	n, err := strconv.Atoi(strings.ReplaceAll(key, ",", ""))
	return n, err == nil
}

// followedByWord reports whether the word at i is directly followed, on
// the same line, by another Arabic word (an idafa: 30 ألف دولار).
func followedByWord(toks []arabic.Token, i int) bool {
	return i+2 < len(toks) && toks[i+1].Kind == arabic.Space && toks[i+1].Breaks == 0 &&
		toks[i+2].Kind == arabic.Word && toks[i+2].Arabic
}
