package kinds_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/linttest"
	"github.com/daqiq/daqiq/rules/kinds"
)

func fixture(name string) string { return filepath.Join("..", "..", "testdata", "kinds", name) }

func meta(id string) lint.Rule { return lint.Rule{ID: id, Level: lint.Warning} }

// run checks a rule against its fixture and that the fixture has both
// positive and negative cases.
func run(t *testing.T, r *lint.Rule, name string) {
	t.Helper()
	wants, silent := linttest.Run(t, r, fixture(name))
	if wants == 0 || silent == 0 {
		t.Errorf("%s: %d positive and %d negative cases; need both", name, wants, silent)
	}
}

func TestSubstitution(t *testing.T) {
	entries, err := kinds.ParseWordList("test", []byte(`
[all]
"الوزيز" = "الوزير"
[noart]
"لاكن" = "لكن"
[exact]
"على الصعيد الدولي" = "دوليا"
`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := kinds.NewSubstitution(kinds.Substitution{Rule: meta("test/substitution"), Entries: entries})
	if err != nil {
		t.Fatal(err)
	}
	run(t, r, "substitution.txt")
}

func TestExistence(t *testing.T) {
	r, err := kinds.NewExistence(kinds.Existence{Rule: meta("test/existence"), Entries: []kinds.WordEntry{
		{Key: "مصدر مطلع", Class: arabic.ClassAll},
		{Key: "كافة", Class: arabic.ClassExact, Value: "write جميع"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	run(t, r, "existence.txt")
}

func TestConsistency(t *testing.T) {
	sets := kinds.SetsFromLists([][]string{{"الإمارات", "الامارات"}, {"يناير", "كانون الثاني"}}, arabic.ClassAll)
	r, err := kinds.NewConsistency(kinds.Consistency{Rule: meta("test/consistency"), Sets: sets})
	if err != nil {
		t.Fatal(err)
	}
	run(t, r, "consistency.txt")
}

func TestPattern(t *testing.T) {
	pct, err := kinds.NewPattern(kinds.Pattern{Rule: meta("test/percent"), Expr: `([0-9٠-٩]+) ?%`, Replacement: "${1} في المئة"})
	if err != nil {
		t.Fatal(err)
	}
	lately, err := kinds.NewPattern(kinds.Pattern{Rule: meta("test/lately"), Expr: `{clitic}الآونة الأخيرة`})
	if err != nil {
		t.Fatal(err)
	}
	both := &lint.Rule{ID: "test/pattern", Level: lint.Warning, Run: func(p *lint.Pass) {
		pct.Run(p)
		lately.Run(p)
	}}
	run(t, both, "pattern.txt")
	if _, err := kinds.NewPattern(kinds.Pattern{Rule: meta("test/bad"), Expr: `(`}); err == nil {
		t.Error("a bad expression compiled")
	}
}

func TestRepeatedWord(t *testing.T) {
	r := kinds.NewRepeatedWord(kinds.RepeatedWord{Rule: meta("test/repetition"), Allow: []string{"بيت"}, Short: []string{"في"}})
	run(t, r, "repetition.txt")
}

func TestWordListErrors(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{`[nouns]` + "\n" + `"أ" = "ب"`, "unknown table [nouns]"},
		{`[all]` + "\n" + `"أ" = `, "test:2:"},
		{`[all]` + "\n" + `"أ" = "ب"` + "\n" + `"أ" = "ج"`, "test:3:"},
	} {
		_, err := kinds.ParseWordList("test", []byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseWordList(%q) error %v, want %q", c.data, err, c.want)
		}
	}
	// the same key in two tables is caught when the rule is built
	entries, err := kinds.ParseWordList("test", []byte("[all]\n\"أدي\" = \"أدى\"\n[verb]\n\"أدي\" = \"أدى\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kinds.NewSubstitution(kinds.Substitution{Rule: meta("test/dup"), Entries: entries}); err == nil {
		t.Error("a key listed twice was accepted")
	}
}

func TestVariantSets(t *testing.T) {
	_, err := kinds.NewConsistency(kinds.Consistency{Rule: meta("test/v"), Sets: []kinds.VariantSet{
		{Name: "uneven", Variants: [][]string{{"مسؤول", "مسؤولة"}, {"مسئول"}}},
	}})
	if err == nil || !strings.Contains(err.Error(), "forms") {
		t.Errorf("uneven variant lists: %v", err)
	}
}
