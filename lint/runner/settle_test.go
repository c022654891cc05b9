package runner

import (
	"testing"

	"github.com/daqiq/daqiq/lint"
)

// One span, two rules, two different fixes: the family that comes first
// in precedence keeps its finding; a finding without a fix, or with the
// same fix, is not a conflict.
func TestSettle(t *testing.T) {
	fix := func(rule, s string) lint.Diagnostic {
		return lint.Diagnostic{Start: 10, End: 16, Rule: rule, Fixes: []lint.SuggestedFix{lint.Replace(10, 16, s, lint.Safe)}}
	}
	bare := lint.Diagnostic{Start: 10, End: 16, Rule: "dates/weekday-mismatch"}
	for _, c := range []struct {
		name string
		in   []lint.Diagnostic
		want []string // rules kept, in order
	}{
		{"list over habit", []lint.Diagnostic{fix("orthography/final-yeh", "الي"), fix("spelling/missing-hamza", "إلى")}, []string{"spelling/missing-hamza"}},
		{"habit second", []lint.Diagnostic{fix("spelling/missing-hamza", "إلى"), fix("orthography/final-yeh", "الي")}, []string{"spelling/missing-hamza"}},
		{"a newsroom's rule first", []lint.Diagnostic{fix("spelling/misspelling", "أ"), fix("house/names", "ب")}, []string{"house/names"}},
		{"safe over unsafe", []lint.Diagnostic{{Start: 10, End: 16, Rule: "orthography/final-yeh", Fixes: []lint.SuggestedFix{lint.Replace(10, 16, "مرةأخري", lint.Unsafe)}}, fix("typography/run-together", "مرة أخرى")}, []string{"typography/run-together"}},
		{"no fix is no conflict", []lint.Diagnostic{fix("typography/tatweel", "اسلام"), bare}, []string{"typography/tatweel", "dates/weekday-mismatch"}},
		{"another span", []lint.Diagnostic{fix("typography/tatweel", "اسلام"), {Start: 10, End: 12, Rule: "spelling/x", Fixes: []lint.SuggestedFix{lint.Replace(10, 12, "y", lint.Safe)}}}, []string{"typography/tatweel", "spelling/x"}},
	} {
		got := settle(append([]lint.Diagnostic(nil), c.in...))
		var rules []string
		for _, d := range got {
			rules = append(rules, d.Rule)
		}
		if len(rules) != len(c.want) {
			t.Errorf("%s: kept %v, want %v", c.name, rules, c.want)
			continue
		}
		for i := range rules {
			if rules[i] != c.want[i] {
				t.Errorf("%s: kept %v, want %v", c.name, rules, c.want)
			}
		}
	}
}
