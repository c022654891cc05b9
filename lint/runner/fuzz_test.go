package runner_test

// An external test package: rules imports lint/runner, so the built-in
// rules can only be loaded from outside package runner.

import (
	"bytes"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint/internal/fuzzseed"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
)

// FuzzFix: on any valid UTF-8 text, fixing with the built-in rules does
// not panic; every round's output is the input with the edits of the fixes
// Apply took spliced in and every other byte unchanged, and is valid
// UTF-8; FixAll gives the same bytes, and a second FixAll applies nothing.
// FixParsed lists, rule by rule, as many fixes as the rounds after the
// first took outside what the first round reported (the test follows
// those spans through the edits on its own), on spans of the final text.
func FuzzFix(f *testing.F) {
	set, err := rules.Load(nil)
	if err != nil {
		f.Fatal(err)
	}
	active := set.For("f.txt")
	seeds := fuzzseed.Load(f, "FuzzFix", "testdata/articles/draft.txt")
	// a first fix makes a consistency rule flag a word check never did: fixed
	// and listed
	seeds = append(seeds, []byte("وأوضح مسئول أمني أن المسؤلين سيحضرون الاجتماع."))
	for _, s := range seeds {
		f.Add(string(s), false)
		f.Add(string(s), true)
	}
	newDoc := func(b []byte) (*source.Document, error) { return source.New("f.txt", b) }
	f.Fuzz(func(t *testing.T, text string, unsafe bool) {
		if !utf8.ValidString(text) {
			return
		}
		src := []byte(text)
		doc, err := newDoc(src)
		if err != nil {
			t.Fatal(err)
		}

		// FixParsed's rounds, one by one, checking each Apply
		cur, total := src, 0
		var reported []bool
		outside := map[string]int{} // the fixes taken outside them, by rule
		for round := 0; round < 10; round++ {
			d, err := newDoc(cur)
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			ds := runner.Check(runner.Parsed{Doc: d}, active)
			checkDiagnostics(t, cur, ds)
			if round == 0 {
				reported = reportedMask(cur, ds)
			}
			out, n := runner.Apply(cur, ds, unsafe)
			want, took, edits, fixed := splice(t, cur, ds, unsafe)
			if round > 0 {
				for _, d := range fixed {
					for _, e := range firstFix(d, unsafe).Edits {
						if !covered(reported, e) {
							outside[d.Rule]++
							break
						}
					}
				}
			}
			if n != took {
				t.Fatalf("round %d: Apply reports %d fixes, took %d", round, n, took)
			}
			if !bytes.Equal(out, want) {
				t.Fatalf("round %d: Apply changed bytes outside its edits:\n in: %q\nout: %q\nwant %q", round, cur, out, want)
			}
			if !utf8.Valid(out) {
				t.Fatalf("round %d: fixed text is not valid UTF-8: %q", round, out)
			}
			if n == 0 {
				break
			}
			reported = followMask(reported, edits)
			total += n
			cur = out
		}

		out, _, n, err := runner.FixAll(doc, active, unsafe, newDoc)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, cur) || n != total {
			t.Fatalf("FixAll = %q (%d fixes), rounds gave %q (%d)", out, n, cur, total)
		}
		_, _, _, _, also, err := runner.FixParsed(runner.Parsed{Doc: doc}, active, unsafe, func(b []byte) (runner.Parsed, error) {
			d, err := newDoc(b)
			return runner.Parsed{Doc: d}, err
		})
		if err != nil {
			t.Fatal(err)
		}
		listed := map[string]int{}
		for _, d := range also {
			if d.Start < 0 || d.Start > d.End || d.End > len(out) || !utf8.Valid(out[d.Start:d.End]) || d.Level != lint.Info || len(d.Fixes) > 0 {
				t.Fatalf("listed %+v on %q", d, out)
			}
			if !strings.HasPrefix(d.Message, "…") {
				listed[d.Rule]++
			}
		}
		for rule, k := range outside {
			if listed[rule] != min(k, runner.MaxPerRule) {
				t.Fatalf("%s: %d fixes outside what was reported, %d listed\n in: %q\nout: %q", rule, k, listed[rule], text, out)
			}
		}
		if len(listed) > len(outside) {
			t.Fatalf("listed %v, the rounds took %v outside what was reported", listed, outside)
		}
		doc2, err := newDoc(out)
		if err != nil {
			t.Fatal(err)
		}
		out2, ds2, n2, err := runner.FixAll(doc2, active, unsafe, newDoc)
		if err != nil || n2 != 0 || !bytes.Equal(out2, out) {
			var left []string
			for _, d := range ds2 {
				left = append(left, d.Rule+" "+string(out[d.Start:d.End]))
			}
			t.Fatalf("second FixAll applied %d fixes (err %v):\n in: %q\n1st: %q\n2nd: %q\nfindings: %q", n2, err, text, out, out2, left)
		}
	})
}

// checkDiagnostics: spans and edits lie inside the source, on rune
// boundaries, and replacements are valid UTF-8.
func checkDiagnostics(t *testing.T, src []byte, ds []lint.Diagnostic) {
	t.Helper()
	boundary := func(i int) bool { return i >= 0 && i <= len(src) && (i == len(src) || utf8.RuneStart(src[i])) }
	for _, d := range ds {
		if !boundary(d.Start) || !boundary(d.End) || d.Start > d.End {
			t.Fatalf("%s: span %d..%d in %d bytes (%q)", d.Rule, d.Start, d.End, len(src), src)
		}
		for _, fx := range d.Fixes {
			for _, e := range fx.Edits {
				if !boundary(e.Start) || !boundary(e.End) || e.Start > e.End || !utf8.ValidString(e.New) {
					t.Fatalf("%s: edit %+v on %d bytes (%q)", d.Rule, e, len(src), src)
				}
			}
		}
	}
}

// splice works out which fixes Apply takes (the fixes it counts as it is
// given longer and longer prefixes of ds: it goes through them in order
// and keeps what it took), checks that their edits do not overlap, and
// returns src with them spliced in, their number, their edits, sorted, and
// the diagnostics whose fixes they are.
func splice(t *testing.T, src []byte, ds []lint.Diagnostic, unsafe bool) ([]byte, int, []lint.TextEdit, []lint.Diagnostic) {
	t.Helper()
	var edits []lint.TextEdit
	var fixed []lint.Diagnostic
	took := 0
	for k, d := range ds {
		if _, n := runner.Apply(src, ds[:k+1], unsafe); n == took {
			continue
		}
		took++
		fix := firstFix(d, unsafe)
		if fix == nil {
			t.Fatalf("Apply took a fix of %s, which has none it may apply: %+v", d.Rule, d.Fixes)
		}
		edits = append(edits, fix.Edits...)
		fixed = append(fixed, d)
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var out []byte
	pos := 0
	for i, e := range edits {
		if e.Start < pos || i > 0 && e.Start == e.End && edits[i-1].Start == e.Start && edits[i-1].End == e.Start {
			t.Fatalf("Apply took overlapping edits: %+v", edits)
		}
		out = append(out, src[pos:e.Start]...)
		out = append(out, e.New...)
		pos = e.End
	}
	if took == 0 {
		return src, 0, nil, nil
	}
	return append(out, src[pos:]...), took, edits, fixed
}

// firstFix is the fix of d that Apply would try: the first it may apply.
func firstFix(d lint.Diagnostic, unsafe bool) *lint.SuggestedFix {
	for i, fx := range d.Fixes {
		if fx.Applicability == lint.DisplayOnly || fx.Applicability == lint.Unsafe && !unsafe {
			continue
		}
		return &d.Fixes[i]
	}
	return nil
}

// The spans the first round reported, as a mask over the text's byte
// boundaries (even indexes: 2i is the boundary before byte i) and bytes
// (odd: 2i+1 is byte i), so that two spans that do not touch stay apart.
func reportedMask(src []byte, ds []lint.Diagnostic) []bool {
	m := make([]bool, 2*len(src)+1)
	mark := func(s, e int) {
		for i := 2 * s; i <= 2*e; i++ {
			m[i] = true
		}
	}
	for _, d := range ds {
		mark(d.Start, d.End)
		for _, f := range d.Fixes {
			for _, e := range f.Edits {
				mark(e.Start, e.End)
			}
		}
	}
	return m
}

// covered: every boundary and byte of the edit is in the mask.
func covered(m []bool, e lint.TextEdit) bool {
	for i := 2 * e.Start; i <= 2*e.End; i++ {
		if !m[i] {
			return false
		}
	}
	return true
}

// followMask is the mask of the text after the edits (sorted): the text an
// edit writes is in it if the edit was. An edit that was not keeps the
// boundary before it as it was (a deletion: in if either of its edges
// was), and the boundary after it.
func followMask(m []bool, edits []lint.TextEdit) []bool {
	var out []bool
	pos := 0 // a boundary of the old text
	carry := false
	for _, e := range edits {
		seg := m[2*pos : 2*e.Start]
		if len(seg) > 0 && carry {
			out = append(out, true)
			seg = seg[1:]
			carry = false
		}
		out = append(out, seg...)
		in := covered(m, e)
		switch {
		case in:
			for range 2 * len(e.New) {
				out = append(out, true)
			}
			carry = carry && len(e.New) == 0
		case len(e.New) > 0:
			out = append(out, m[2*e.Start] || carry)
			for range 2*len(e.New) - 1 {
				out = append(out, false)
			}
			carry = false
		default:
			carry = carry || m[2*e.Start]
		}
		pos = e.End
	}
	tail := m[2*pos:]
	if carry {
		out = append(out, true)
		tail = tail[1:]
	}
	return append(out, tail...)
}
