package facts_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	_ "github.com/daqiq/daqiq/rules/dates" // the printed dateline
	"github.com/daqiq/daqiq/rules/facts"
)

// region is a marked span of an article of the test set.
type region struct{ start, end int }

// unmark strips the ⟦planted⟧ and ⟪trap⟫ marks of an article.
func unmark(src string) (text string, planted, traps []region) {
	var b strings.Builder
	var open [2]int
	for _, r := range src {
		switch r {
		case '⟦':
			open[0] = b.Len()
		case '⟧':
			planted = append(planted, region{open[0], b.Len()})
		case '⟪':
			open[1] = b.Len()
		case '⟫':
			traps = append(traps, region{open[1], b.Len()})
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), planted, traps
}

// TestSet runs the facts rules over the articles of testdata/facts: at
// least 90% of the planted discrepancies must be found, and nothing else
// flagged, traps above all.
func TestSet(t *testing.T) {
	var active []lint.Active
	for _, mk := range []func() (*lint.Rule, error){facts.AgeBirth, facts.CountList, facts.PercentSum, facts.TotalParts} {
		r, err := mk()
		if err != nil {
			t.Fatal(err)
		}
		active = append(active, lint.Active{Rule: r, Level: r.Level})
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "facts", "*.txt"))
	if err != nil || len(files) < 8 {
		t.Fatalf("want 8 articles or more in testdata/facts, have %d (%v)", len(files), err)
	}
	var planted, found, traps, trapped, stray int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, ps, ts := unmark(string(data))
		doc, err := source.New(filepath.Base(f), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		ds := runner.RunFacts(doc, active, &lint.Facts{})
		hit := make([]bool, len(ps))
		for _, d := range ds {
			in := false
			for k, p := range ps {
				if d.Start < p.end && d.End > p.start {
					hit[k], in = true, true
				}
			}
			if in {
				continue
			}
			stray++
			for _, tr := range ts {
				if d.Start < tr.end && d.End > tr.start {
					trapped++
				}
			}
			t.Errorf("%s:%d: %s flags %q: %s", f, doc.Pos(d.Start).Line, d.Rule, text[d.Start:d.End], d.Message)
		}
		for k, h := range hit {
			if h {
				found++
			} else {
				t.Logf("%s:%d: not found: %q", f, doc.Pos(ps[k].start).Line, text[ps[k].start:ps[k].end])
			}
		}
		planted += len(ps)
		traps += len(ts)
	}
	t.Logf("%d articles: %d of %d planted discrepancies found (%.1f%%); %d traps, %d flagged; %d findings elsewhere",
		len(files), found, planted, 100*float64(found)/float64(planted), traps, trapped, stray)
	if planted < 25 || traps < 50 {
		t.Errorf("the set is too small: %d planted (want 25), %d traps (want 50)", planted, traps)
	}
	if found*10 < planted*9 {
		t.Errorf("%d of %d planted discrepancies found: want 90%%", found, planted)
	}
}
