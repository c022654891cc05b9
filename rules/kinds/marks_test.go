package kinds_test

import (
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules/kinds"
)

func TestCarryMarks(t *testing.T) {
	for _, c := range []struct {
		flagged, repl, want string
		ok                  bool
	}{
		{"مسؤل", "مسؤول", "مسؤول", true}, // no harakat: the replacement as it is
		// a letter changed in place keeps its harakat
		{"إِسْتِقبال", "استقبال", "اِسْتِقبال", true},
		{"عَلَي", "على", "عَلَى", true},
		// an inserted letter gets none, the others keep theirs
		{"شُؤن", "شؤون", "شُؤون", true},
		{"مَسْؤلِيَّة", "مسؤولية", "مَسْؤولِيَّة", true},
		// a dropped letter takes its own with it
		{"ذالِكَ", "ذلك", "ذلِكَ", true},
		{"هاَذا", "هذا", "هذا", true},
		// tatweel is dropped, the harakat around it kept
		{"مـَسـؤلْ", "مسؤول", "مَسؤولْ", true},
		// the replacement's own harakat win on their letter
		{"مُسْؤل", "مَسؤول", "مَسْؤول", true},
		// phrases: spaces are letters too
		{"انشاءَ\nاللهُ", "إن شاء الله", "إن شاءَ اللهُ", true},
		// two ي, one goes: without harakat on them it does not matter...
		{"مُوالِيين", "موالين", "مُوالِين", true},
		// ...with a kasra on one it does: which one went is a guess
		{"مواليِين", "موالين", "موالين", false},
		{"موالِيِين", "موالين", "موالين", false},
		// too long to align
		{"مسؤل" + strings.Repeat("َ", 300), "مسؤول", "مسؤول", false},
	} {
		got, ok := kinds.CarryMarks(c.flagged, c.repl)
		if got != c.want || ok != c.ok {
			t.Errorf("CarryMarks(%q, %q) = %q, %v; want %q, %v", c.flagged, c.repl, got, ok, c.want, c.ok)
		}
	}
}

// fixOf runs a rule on src and returns the first fix of each finding.
func fixOf(t *testing.T, r *lint.Rule, src string) []lint.SuggestedFix {
	t.Helper()
	doc, err := source.New("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out []lint.SuggestedFix
	for _, d := range runner.Run(doc, []lint.Active{{Rule: r, Level: r.Level}}) {
		out = append(out, d.Fixes[0])
	}
	return out
}

// A substitution keeps the harakat of the flagged word, and its fix is
// unsafe when it cannot tell where they go; so is a consistency fix.
func TestFixesKeepHarakat(t *testing.T) {
	sub, err := kinds.NewSubstitution(kinds.Substitution{Rule: meta("test/substitution"), Entries: []kinds.WordEntry{
		{Key: "مواليين", Value: "موالين", Class: arabic.ClassAll},
		{Key: "شؤن", Value: "شؤون", Class: arabic.ClassAll},
	}})
	if err != nil {
		t.Fatal(err)
	}
	cons, err := kinds.NewConsistency(kinds.Consistency{Rule: meta("test/consistency"),
		Sets: kinds.SetsFromLists([][]string{{"مسؤولية", "مسئولية"}}, arabic.ClassAll)})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		rule *lint.Rule
		src  string
		want string
		app  lint.Applicability
	}{
		{sub, "قابل الوزير عناصر مُوالِيين للحكومة.", "مُوالِين", lint.Safe},
		{sub, "قابل الوزير عناصر مواليِين للحكومة.", "موالين", lint.Unsafe},
		{sub, "ناقش المجلس الشُّؤن المحلية.", "الشُّؤون", lint.Safe},
		{cons, "تتحمل الحكومة المسؤولية، والمسؤولية مشتركة، لكن المَسْئولِيَّة الكبرى عليها.", "المَسْؤولِيَّة", lint.Safe},
	} {
		fixes := fixOf(t, c.rule, c.src)
		if len(fixes) != 1 {
			t.Errorf("%q: %d findings, want 1", c.src, len(fixes))
			continue
		}
		if got := fixes[0].Edits[0].New; got != c.want || fixes[0].Applicability != c.app {
			t.Errorf("%q: fix %q (%v), want %q (%v)", c.src, got, fixes[0].Applicability, c.want, c.app)
		}
	}
}
