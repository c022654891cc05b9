package runner

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/linttest/scaling"
	"github.com/daqiq/daqiq/lint/source"
)

// oneLineFixes is n misspellings on one line, each with a safe fix, as the
// runner reports them: sorted by position.
func oneLineFixes(n int) ([]byte, []lint.Diagnostic) {
	const word = "المسؤل "
	src := []byte(strings.Repeat(word, n))
	ds := make([]lint.Diagnostic, n)
	// in three arrays, read in order: the test times Apply, not the
	// caches' misses on a million scattered objects
	fixes := make([]lint.SuggestedFix, n)
	edits := make([]lint.TextEdit, n)
	for i := range ds {
		s := i * len(word)
		e := s + len(word) - 1
		edits[i] = lint.TextEdit{Start: s, End: e, New: "المسؤول"}
		fixes[i] = lint.SuggestedFix{Edits: edits[i : i+1 : i+1]}
		ds[i] = lint.Diagnostic{Start: s, End: e, Fixes: fixes[i : i+1 : i+1]}
	}
	return src, ds
}

// Apply is one pass over the sorted fixes: it used to compare each edit
// with every edit taken (50 MB of one-line fixes: 161 s).
func TestApplyScales(t *testing.T) {
	scaling.Linear(t, 50_000, func(n int) func() {
		src, ds := oneLineFixes(n)
		return func() {
			if _, k := Apply(src, ds, false); k != n {
				t.Fatalf("applied %d of %d", k, n)
			}
		}
	})
}

// applyQuadratic is Apply as it was before it became one pass: each edit
// compared with every edit taken. TestApplySameAsQuadratic holds the new
// one to its results.
func applyQuadratic(src []byte, ds []lint.Diagnostic, unsafe bool) ([]byte, int) {
	sorted := func(es []lint.TextEdit) []lint.TextEdit {
		out := append([]lint.TextEdit{}, es...)
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
		return out
	}
	var edits []lint.TextEdit
	applied := 0
	taken := func(e lint.TextEdit) bool {
		for _, t := range edits {
			if e.Start < t.End && t.Start < e.End || e.Start == t.Start && e.End == t.End {
				return true
			}
			if e.Start == e.End && (e.Start == t.Start || e.Start == t.End) {
				return true
			}
		}
		return false
	}
	for _, d := range ds {
		for _, f := range d.Fixes {
			if f.Applicability == lint.DisplayOnly || f.Applicability == lint.Unsafe && !unsafe {
				continue
			}
			clash := false
			own := sorted(f.Edits)
			for k, e := range own {
				clash = clash || taken(e) || e.Start > e.End ||
					k > 0 && (e.Start < own[k-1].End || e.Start == own[k-1].Start)
			}
			if !clash {
				edits = append(edits, f.Edits...)
				applied++
			}
			break
		}
	}
	if applied == 0 {
		return src, 0
	}
	edits = sorted(edits)
	out := make([]byte, 0, len(src))
	pos := 0
	for _, e := range edits {
		out = append(out, src[pos:e.Start]...)
		out = append(out, e.New...)
		pos = e.End
	}
	out = append(out, src[pos:]...)
	return out, applied
}

// Random fixes, in random order or sorted, with one to three edits each
// (insertions, replacements, deletions, edits before the diagnostic and
// in no order), some of them clashing: the one-pass Apply gives the bytes
// and the count the quadratic one gave.
func TestApplySameAsQuadratic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	src := []byte(strings.Repeat("abcdefghij", 6))
	edit := func() lint.TextEdit {
		s := rng.IntN(len(src) + 1)
		e := s
		if rng.IntN(3) > 0 {
			e = min(len(src), s+rng.IntN(6))
		}
		return lint.TextEdit{Start: s, End: e, New: string(rune('A' + rng.IntN(26)))}
	}
	for iter := range 6000 {
		ds := make([]lint.Diagnostic, rng.IntN(40))
		for i := range ds {
			for range 1 + rng.IntN(2) {
				f := lint.SuggestedFix{Applicability: lint.Applicability(rng.IntN(3))}
				for range 1 + rng.IntN(3) {
					f.Edits = append(f.Edits, edit())
				}
				if rng.IntN(20) == 0 {
					f.Edits[0].Start, f.Edits[0].End = f.Edits[0].End, f.Edits[0].Start
				}
				ds[i].Fixes = append(ds[i].Fixes, f)
			}
			ds[i].Start = ds[i].Fixes[0].Edits[0].Start
		}
		if iter%2 == 0 {
			sort.SliceStable(ds, func(i, j int) bool { return ds[i].Start < ds[j].Start })
		}
		unsafe := iter%3 == 0
		got, n := Apply(src, ds, unsafe)
		want, m := applyQuadratic(src, ds, unsafe)
		if string(got) != string(want) || n != m {
			t.Fatalf("Apply = %q, %d; quadratic: %q, %d\nfixes: %+v", got, n, want, m, ds)
		}
	}
}

// FixAll over n fixes on one line, past the cap but for a thousand of
// them, the rounds following the reported spans: linear too.
func TestFixAllScales(t *testing.T) {
	rebuild := func(b []byte) (*source.Document, error) { return source.New("f.txt", b) }
	rules := []lint.Active{active(wordRule("t/spell", lint.Error, map[string]string{"المسؤل": "المسؤول"}), lint.Error)}
	scaling.Linear(t, 20_000, func(n int) func() {
		src, _ := oneLineFixes(n)
		doc, err := source.New("f.txt", src)
		if err != nil {
			t.Fatal(err)
		}
		return func() {
			if _, _, k, err := FixAll(doc, rules, false, rebuild); k != n || err != nil {
				t.Fatalf("FixAll: %d of %d fixes, %v", k, n, err)
			}
		}
	})
}
