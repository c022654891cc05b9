package runner_test

// An external test package: rules imports lint/runner, so the built-in
// rules can only be loaded from outside package runner.

import (
	"bytes"
	"sort"
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
// UTF-8; the rounds after the first take only fixes inside what the first
// round reported (the test follows those spans through the edits on its
// own); FixAll gives the same bytes, and a second FixAll applies nothing
// unless the first left a fix in the findings it reported.
func FuzzFix(f *testing.F) {
	set, err := rules.Load(nil)
	if err != nil {
		f.Fatal(err)
	}
	active := set.For("f.txt")
	seeds := fuzzseed.Load(f, "FuzzFix", "testdata/articles/draft.txt")
	// a first fix makes a consistency rule flag a word check never did
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
		for round := 0; round < 10; round++ {
			d, err := newDoc(cur)
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			ds := runner.Check(runner.Parsed{Doc: d}, active)
			checkDiagnostics(t, cur, ds)
			if round == 0 {
				reported = reportedMask(cur, ds)
			} else {
				ds = onlyReported(ds, reported, unsafe)
			}
			out, n := runner.Apply(cur, ds, unsafe)
			want, took, edits := splice(t, cur, ds, unsafe)
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

		out, left, n, err := runner.FixAll(doc, active, unsafe, newDoc)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, cur) || n != total {
			t.Fatalf("FixAll = %q (%d fixes), rounds gave %q (%d)", out, n, cur, total)
		}
		doc2, err := newDoc(out)
		if err != nil {
			t.Fatal(err)
		}
		out2, ds2, n2, err := runner.FixAll(doc2, active, unsafe, newDoc)
		if err != nil || (n2 != 0 || !bytes.Equal(out2, out)) && !fixable(left, unsafe) {
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
// returns src with them spliced in, their number and their edits, sorted.
func splice(t *testing.T, src []byte, ds []lint.Diagnostic, unsafe bool) ([]byte, int, []lint.TextEdit) {
	t.Helper()
	var edits []lint.TextEdit
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
		return src, 0, nil
	}
	return append(out, src[pos:]...), took, edits
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

func fixable(ds []lint.Diagnostic, unsafe bool) bool {
	for _, d := range ds {
		if firstFix(d, unsafe) != nil {
			return true
		}
	}
	return false
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

// onlyReported drops the diagnostics whose fix (the one Apply would try)
// has an edit outside the mask.
func onlyReported(ds []lint.Diagnostic, m []bool, unsafe bool) []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, d := range ds {
		if f := firstFix(d, unsafe); f != nil {
			ok := true
			for _, e := range f.Edits {
				ok = ok && covered(m, e)
			}
			if !ok {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// followMask is the mask of the text after the edits (sorted): the text an
// edit writes is in it if the edit was.
func followMask(m []bool, edits []lint.TextEdit) []bool {
	var out []bool
	pos := 0 // a boundary of the old text
	for _, e := range edits {
		out = append(out, m[2*pos:2*e.Start]...)
		in := covered(m, e)
		for range 2 * len(e.New) {
			out = append(out, in)
		}
		pos = e.End
	}
	return append(out, m[2*pos:]...)
}
