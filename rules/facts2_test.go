package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
)

// TestFacts2 runs the rules that check an article against itself on
// names, titles and dates over the articles of testdata/facts2: ⟦…⟧ is a
// planted discrepancy that must be flagged on that span, ⟪…⟫ a trap that
// must stay silent. At least 90% of the planted ones must be found, no
// trap flagged, and nothing else flagged.
func TestFacts2(t *testing.T) {
	ids := map[string]bool{"consistency/person-name": true, "entities/title-change": true, "dates/event-date": true}
	all, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var active []lint.Active
	for _, r := range all {
		if ids[r.ID] {
			active = append(active, lint.Active{Rule: r, Level: r.Level})
		}
	}
	if len(active) != len(ids) {
		t.Fatalf("%d of the %d rules found", len(active), len(ids))
	}
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "facts2", "*.txt"))
	if err != nil || len(paths) < 8 {
		t.Fatalf("want at least 8 articles, have %d (%v)", len(paths), err)
	}
	planted, found, traps, trapped, other := 0, 0, 0, 0, 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text, plants, trapSpans := parseMarks(string(data))
		doc, err := source.New(path, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		ds := runner.RunFacts(doc, active, &lint.Facts{})
		planted += len(plants)
		traps += len(trapSpans)
		matched := make([]bool, len(ds))
		for _, p := range plants {
			ok := false
			for i, d := range ds {
				if d.Start == p[0] && d.End == p[1] {
					ok, matched[i] = true, true
				}
			}
			if ok {
				found++
			} else {
				t.Logf("%s: missed %q", path, text[p[0]:p[1]])
			}
		}
		for _, tr := range trapSpans {
			for _, d := range ds {
				if d.Start < tr[1] && tr[0] < d.End {
					trapped++
					t.Errorf("%s: trap %q flagged by %s: %s", path, text[tr[0]:tr[1]], d.Rule, d.Message)
				}
			}
		}
		for i, d := range ds {
			if !matched[i] {
				other++
				t.Errorf("%s: unexpected %s on %q: %s", path, d.Rule, text[d.Start:d.End], d.Message)
			}
		}
	}
	t.Logf("facts2: %d articles, %d/%d planted found (%.0f%%), %d traps, %d flagged, %d other findings",
		len(paths), found, planted, 100*float64(found)/float64(planted), traps, trapped, other)
	if planted < 25 || traps < 50 {
		t.Errorf("the test set needs at least 25 planted discrepancies and 50 traps: %d and %d", planted, traps)
	}
	if 10*found < 9*planted {
		t.Errorf("%d of %d planted discrepancies found: below 90%%", found, planted)
	}
}

// parseMarks removes the marks ⟦…⟧ (planted) and ⟪…⟫ (traps) and returns
// the text with the spans they marked.
func parseMarks(s string) (string, [][2]int, [][2]int) {
	var b strings.Builder
	var plants, traps [][2]int
	open := map[string]int{}
	for _, r := range s {
		switch r {
		case '⟦', '⟪':
			open[string(r)] = b.Len()
		case '⟧':
			plants = append(plants, [2]int{open["⟦"], b.Len()})
		case '⟫':
			traps = append(traps, [2]int{open["⟪"], b.Len()})
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), plants, traps
}
