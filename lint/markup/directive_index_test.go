package markup

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/linttest/scaling"
)

// resolveScan and suppressedScan are resolveDirectives and Suppressed
// before they were indexed, verbatim but for the names: a scan of the
// open regions for each enable, of the line from its start for each
// next-line directive, and of every directive for each diagnostic.
func resolveScan(src []byte, ds []Directive) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Start < ds[j].Start })
	var open []int // indexes of Disable directives not yet closed
	line, at := 1, 0
	for i := range ds {
		d := &ds[i]
		line += strings.Count(string(src[at:d.Start]), "\n")
		at = d.Start
		d.Line = line
		switch d.Kind {
		case DisableNextLine:
			_, next := lineAt(src, lineStart(src, max(d.End-1, d.Start)))
			if next < len(src) {
				_, after := lineAt(src, next)
				d.From, d.To = next, after
			}
		case Disable:
			d.From, d.To = d.End, len(src)
			open = append(open, i)
		case Enable:
			kept := open[:0]
			for _, o := range open {
				if len(d.Rules) == 0 || sameRulesScan(ds[o].Rules, d.Rules) {
					ds[o].To = d.Start
					d.used = true
				} else {
					kept = append(kept, o)
				}
			}
			open = kept
		}
	}
}

func sameRulesScan(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = append([]string{}, a...), append([]string{}, b...)
	sort.Strings(a)
	sort.Strings(b)
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func suppressedScan(ds []Directive, rule string, off int) bool {
	hit := false
	for i := range ds {
		d := &ds[i]
		if d.Kind != Enable && d.From <= off && off < d.To && d.Matches(rule) {
			d.used = true
			hit = true
		}
	}
	return hit
}

// TestDirectivesSameAsScan compares the indexed directives with the scans
// they replace on random documents of directives and random diagnostics:
// what each silences, which it silences, which are left unused.
func TestDirectivesSameAsScan(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 10))
	ruleNames := []string{"spelling", "spelling/x", "spelling/xy", "dates", "dates/a", "a", "a/b", "a/b/c", "a/", "/a", "typography/whitespace"}
	pieces := []string{"أ ", "ب\n", "\n", "كلمة كلمة\n", "\n\n"}
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := r.IntN(25); n > 0; n-- {
			if r.IntN(2) == 0 {
				b.WriteString(pieces[r.IntN(len(pieces))])
				continue
			}
			kind := []string{"daqiq-disable-next-line", "daqiq-disable", "daqiq-enable"}[r.IntN(3)]
			var rules []string
			for k := r.IntN(4) - 1; k > 0; k-- {
				rules = append(rules, ruleNames[r.IntN(len(ruleNames))])
			}
			sep := []string{" ", "\n"}[r.IntN(2)]
			fmt.Fprintf(&b, "<!-- %s%s%s -->", kind, sep, strings.Join(rules, ", "))
			if r.IntN(2) == 0 {
				b.WriteString("\n")
			}
		}
		src := b.String()
		name := []string{"a.md", "a.html"}[r.IntN(2)]
		_, x, err := Parse(name, []byte(src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		ref := append([]Directive{}, x.Directives...)
		for k := range ref {
			ref[k].From, ref[k].To, ref[k].Line, ref[k].used = 0, 0, 0, false
		}
		resolveScan([]byte(src), ref)
		for k := range ref {
			if g, w := x.Directives[k], ref[k]; g.From != w.From || g.To != w.To || g.Line != w.Line || g.used != w.used {
				t.Fatalf("%q: directive %d resolved to %+v, the scan says %+v", src, k, g, w)
			}
		}
		for q := r.IntN(20); q > 0; q-- {
			rule := ruleNames[r.IntN(len(ruleNames))] + []string{"", "/z"}[r.IntN(2)]
			off := r.IntN(len(src)+2) - 1
			if got, want := x.Suppressed(rule, off), suppressedScan(ref, rule, off); got != want {
				t.Fatalf("%q: Suppressed(%q, %d) = %v, the scan says %v", src, rule, off, got, want)
			}
		}
		for k := range ref {
			if x.Directives[k].used != ref[k].used {
				t.Fatalf("%q: directive %+v used %v, the scan says %v", src, x.Directives[k], x.Directives[k].used, ref[k].used)
			}
		}
	}
}

// TestSuppressedLinear: each diagnostic was checked against every
// directive, so a file of thousands of directives and as many findings
// took quadratic time. Half the directives are bare (every one of them
// silences every finding after it, and is marked used once), half name
// another rule.
func TestSuppressedLinear(t *testing.T) {
	scaling.Linear(t, 4000, func(n int) func() {
		var b strings.Builder
		for i := range n {
			if i%2 == 0 {
				b.WriteString("<!-- daqiq-disable dates/weekday -->\n")
			} else {
				b.WriteString("<!-- daqiq-disable -->\n")
			}
		}
		text := b.Len()
		b.WriteString(strings.Repeat("كلمة\n", n))
		src := []byte(b.String())
		return func() {
			_, x, err := Parse("a.md", src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			ds := make([]lint.Diagnostic, n)
			for i := range ds {
				ds[i] = lint.Diagnostic{Rule: "spelling/misspelling", Start: text + i*len("كلمة\n"), End: text + i*len("كلمة\n") + len("كلمة")}
			}
			if kept := x.Filter(ds); len(kept) != 0 {
				t.Fatalf("%d kept", len(kept))
			}
			if u := x.Unused(); len(u) != n/2 {
				t.Fatalf("%d unused, want %d", len(u), n/2)
			}
		}
	})
}

// TestDirectivesResolveLinear: each enable read every region still open,
// and each next-line directive its line from the start, so thousands of
// regions that an enable of other rules does not close, or of next-line
// directives on one line, took quadratic time.
func TestDirectivesResolveLinear(t *testing.T) {
	t.Run("enables", func(t *testing.T) {
		scaling.Linear(t, 4000, func(n int) func() {
			src := []byte(strings.Repeat("<!-- daqiq-disable spelling -->\n", n) + strings.Repeat("<!-- daqiq-enable dates -->\n", n) + "نص\n")
			return func() {
				if _, x, err := Parse("a.html", src, Options{}); err != nil || len(x.Directives) != 2*n {
					t.Fatal(err)
				}
			}
		})
	})
	t.Run("next-line", func(t *testing.T) {
		scaling.Linear(t, 4000, func(n int) func() {
			src := []byte(strings.Repeat("<!-- daqiq-disable-next-line -->", n) + "\n" + strings.Repeat("نص ", 10*n) + "\n")
			return func() {
				_, x, err := Parse("a.html", src, Options{})
				if err != nil || len(x.Directives) != n || x.Directives[n-1].To != len(src) {
					t.Fatal(err)
				}
			}
		})
	})
}
