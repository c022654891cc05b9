package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/linttest"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
)

// TestBuiltinFixtures runs every built-in rule over its fixture,
// testdata/rules/<id>.txt, and requires each fixture to hold at least one
// case the rule must flag and one Arabic line it must leave alone.
func TestBuiltinFixtures(t *testing.T) {
	builtin, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range builtin {
		t.Run(r.ID, func(t *testing.T) {
			skipUnavailable(t, r)
			path := filepath.Join("..", "testdata", "rules", filepath.FromSlash(r.ID)+".txt")
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("rule %s has no fixture %s", r.ID, path)
			}
			wants, silent := linttest.Run(t, r, path)
			if wants == 0 {
				t.Errorf("%s: no positive case (mark one with ⟦…⟧)", path)
			}
			if silent == 0 {
				t.Errorf("%s: no negative case (an Arabic line with no marker)", path)
			}
		})
	}
}

// TestBuiltinMetadata checks what daqiq rules and daqiq explain show.
func TestBuiltinMetadata(t *testing.T) {
	set, err := rules.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	// every fixture under testdata/rules names a built-in rule, and
	// every built-in rule has one (TestBuiltinFixtures): the set is the
	// one the fixtures describe, not merely "some rules"
	fixtures, err := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*lint.Rule{}
	for _, r := range set.Rules() {
		byID[r.ID] = r
	}
	for _, f := range fixtures {
		id := filepath.Base(filepath.Dir(f)) + "/" + strings.TrimSuffix(filepath.Base(f), ".txt")
		if byID[id] == nil {
			t.Errorf("fixture %s: no built-in rule %s", f, id)
		}
	}
	if len(set.Rules()) != len(fixtures) {
		t.Errorf("%d rules, %d fixtures", len(set.Rules()), len(fixtures))
	}
	for _, r := range set.Rules() {
		family, name, ok := strings.Cut(r.ID, "/")
		if !ok || name == "" || r.Category != family || r.Level == 0 || r.Summary == "" {
			t.Errorf("%s: incomplete metadata %+v", r.ID, r)
		}
		if _, err := os.Stat(family); err != nil {
			t.Errorf("%s: no package rules/%s for its family", r.ID, family)
		}
		if k := r.Kind.String(); strings.HasPrefix(k, "Kind(") {
			t.Errorf("%s: unknown kind %s", r.ID, k)
		}
		if r.Doc.What == "" || r.Doc.Why == "" || r.Doc.Wrong == "" || r.Doc.Right == "" {
			t.Errorf("%s: documentation needs what, why, a wrong and a right example", r.ID)
		}
	}
}

// TestDocExamples requires each rule to flag its documented wrong example
// and stay silent on the right one, so the docs cannot drift from the code.
func TestDocExamples(t *testing.T) {
	builtin, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range builtin {
		if r.Unavailable != "" {
			continue // TestBuiltinFixtures says so
		}
		if r.Category == "source" && r.Doc.Source == "" {
			t.Errorf("%s: a source rule's documents need the wire its examples were written from (Doc.Source)", r.ID)
		}
		if n := countWith(t, r, r.Doc.Wrong, r.Doc.Source); n == 0 {
			t.Errorf("%s: the documented wrong example is not flagged", r.ID)
		}
		if n := countWith(t, r, r.Doc.Right, r.Doc.Source); n != 0 {
			t.Errorf("%s: the documented right example is flagged %d times", r.ID, n)
		}
	}
}

// skipUnavailable skips a rule that cannot run on this machine (the
// lexicon rules without a Hunspell dictionary), except in CI, which
// installs hunspell-ar.
func skipUnavailable(t *testing.T, r *lint.Rule) {
	t.Helper()
	if r.Unavailable == "" {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s: %s", r.ID, r.Unavailable)
	}
	t.Skipf("%s: %s", r.ID, r.Unavailable)
}

// countWith counts the findings of r on text, checked against the wire
// copy wire when it is not empty (the source rules).
func countWith(t *testing.T, r *lint.Rule, text, wire string) int {
	t.Helper()
	doc, err := source.New("doc", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	facts := &lint.Facts{}
	if wire != "" {
		if facts.Source, err = linttest.NewSource("wire.txt", []byte(wire)); err != nil {
			t.Fatal(err)
		}
	}
	return len(runner.RunFacts(doc, []lint.Active{{Rule: r, Level: r.Level}}, facts))
}

// TestCleanArticles holds the built-in rule set to silence on edited
// Arabic: every article in testdata/articles/clean is correct copy.
func TestCleanArticles(t *testing.T) {
	set, err := rules.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "articles", "clean", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no clean articles: %v", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := source.New(p, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range runner.Run(doc, set.For(p)) {
			pos := doc.Pos(d.Start)
			t.Errorf("%s:%d:%d: %s flagged %q: %s", p, pos.Line, pos.Column, d.Rule, data[d.Start:d.End], d.Message)
		}
	}
}

// TestForConcurrent: For is called by many goroutines at once (the
// engine's callers check files side by side); run with -race.
func TestForConcurrent(t *testing.T) {
	cfg, err := config.Parse("t.toml", []byte(`fail-level = "warn"
[rules."spelling/misspelling"]
level = "warn"
[[override]]
paths = ["opinion/**"]
[override.rules."typography/tatweel"]
enabled = false
[[override]]
paths = ["sport/**"]
[override.rules."orthography/final-yeh"]
level = "info"
`))
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"a.txt", "opinion/b.txt", "sport/c.txt", "opinion/d.md", "sport/e.md", "f.html"}
	want := map[string]int{}
	for _, p := range paths {
		want[p] = len(set.For(p))
	}
	set, _ = rules.Load(cfg) // a fresh cache, filled side by side
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for i := 0; i < 50; i++ {
				p := paths[(g+i)%len(paths)]
				if n := len(set.For(p)); n != want[p] {
					t.Errorf("%s: %d rules, want %d", p, n, want[p])
				}
			}
		})
	}
	wg.Wait()
	if want["opinion/b.txt"] != want["a.txt"]-1 {
		t.Errorf("the override did not turn tatweel off: %d and %d rules", want["opinion/b.txt"], want["a.txt"])
	}
	for _, a := range set.For("a.txt") {
		if a.ID == "spelling/misspelling" && a.Level != lint.Warning {
			t.Errorf(`level = "warn" gave %s`, a.Level)
		}
	}
}
