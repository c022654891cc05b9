package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/linttest"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
)

// TestBuiltinFixtures runs every built-in rule over its fixture,
// testdata/rules/<id>.txt, and requires each fixture to hold at least one
// case the rule must flag and one Arabic line it must leave alone.
func TestBuiltinFixtures(t *testing.T) {
	builtin, err := lint.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range builtin {
		t.Run(r.ID, func(t *testing.T) {
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
	if len(set.Rules()) < 7 {
		t.Fatalf("only %d rules", len(set.Rules()))
	}
	for _, r := range set.Rules() {
		if r.ID == "" || r.Kind == "" || r.Category == "" || r.Level == 0 || r.Summary == "" {
			t.Errorf("%s: incomplete metadata %+v", r.ID, r)
		}
		if r.Doc.What == "" || r.Doc.Why == "" || r.Doc.Wrong == "" || r.Doc.Right == "" {
			t.Errorf("%s: documentation needs what, why, a wrong and a right example", r.ID)
		}
	}
}

// TestDocExamples requires each rule to flag its documented wrong example
// and stay silent on the right one, so the docs cannot drift from the code.
func TestDocExamples(t *testing.T) {
	builtin, err := lint.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range builtin {
		if n := count(t, r, r.Doc.Wrong); n == 0 {
			t.Errorf("%s: the documented wrong example is not flagged", r.ID)
		}
		if n := count(t, r, r.Doc.Right); n != 0 {
			t.Errorf("%s: the documented right example is flagged %d times", r.ID, n)
		}
	}
}

func count(t *testing.T, r *lint.Rule, text string) int {
	t.Helper()
	doc, err := source.New("doc", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return len(runner.Run(doc, []runner.Active{{Rule: r, Level: r.Level}}))
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
