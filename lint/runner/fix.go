package runner

import (
	"hash/maphash"
	"sort"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/source"
)

func sorted(es []lint.TextEdit) []lint.TextEdit {
	out := append([]lint.TextEdit{}, es...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// Apply applies the first applicable fix of each diagnostic to src: safe
// fixes, and unsafe ones too when unsafe is set. A fix whose edits overlap
// an edit already taken is skipped (the next run picks it up). It returns
// the new bytes and the number of fixes applied.
func Apply(src []byte, ds []lint.Diagnostic, unsafe bool) ([]byte, int) {
	var edits []lint.TextEdit
	applied := 0
	taken := func(e lint.TextEdit) bool {
		for _, t := range edits {
			if e.Start < t.End && t.Start < e.End || e.Start == t.Start && e.End == t.End {
				return true
			}
			// two insertions at one point, or an insertion at an edit's edge
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

// Parsed is a document and the filter its format applies to diagnostics
// (markup drops suppressed findings and fixes that would touch markup);
// Filter may be nil.
type Parsed struct {
	Doc    *source.Document
	Filter func([]lint.Diagnostic) []lint.Diagnostic
	// Facts is what is known of the document (nil: nothing); the rules
	// add what they learn.
	Facts *lint.Facts
}

// Check lints a parsed document and applies its filter.
func Check(p Parsed, rules []lint.Active) []lint.Diagnostic {
	ds := RunFacts(p.Doc, rules, p.Facts)
	if p.Filter != nil {
		ds = p.Filter(ds)
	}
	return ds
}

// FixAll is FixParsed for documents without a filter (plain text): newDoc
// rebuilds the document from fixed bytes. It returns the final bytes, the
// diagnostics that remain and the number of fixes applied.
func FixAll(doc *source.Document, rules []lint.Active, unsafe bool, newDoc func([]byte) (*source.Document, error)) ([]byte, []lint.Diagnostic, int, error) {
	out, _, ds, n, err := FixParsed(Parsed{Doc: doc}, rules, unsafe, func(b []byte) (Parsed, error) {
		d, err := newDoc(b)
		return Parsed{Doc: d}, err
	})
	return out, ds, n, err
}

// FixParsed applies fixes and lints again until nothing changes (at most
// 10 rounds), so that a second run finds nothing to fix. parse rebuilds the
// document from fixed bytes. It returns the final bytes, the last parse,
// its diagnostics and the number of fixes applied.
//
// Two rules whose fixes undo each other would make the text go round a
// cycle; the loop stops at the first text it meets again, and returns that
// text with the fixes that led to it, so that a second run, starting
// there, changes nothing either.
func FixParsed(p Parsed, rules []lint.Active, unsafe bool, parse func([]byte) (Parsed, error)) ([]byte, Parsed, []lint.Diagnostic, int, error) {
	total := 0
	ds := Check(p, rules)
	// the texts met so far, by hash and length (not their bytes: a long
	// file would be kept ten times over), with the fixes that led to each
	type state struct {
		hash uint64
		size int
	}
	seen := map[state]int{}
	seed := maphash.MakeSeed()
	remember := func(src []byte, total int) (int, bool) {
		st := state{maphash.Bytes(seed, src), len(src)}
		if before, ok := seen[st]; ok {
			return before, true
		}
		seen[st] = total
		return 0, false
	}
	for round := 0; round < 10; round++ {
		out, n := Apply(p.Doc.Src, ds, unsafe)
		if n == 0 {
			break
		}
		if round == 0 {
			remember(p.Doc.Src, 0)
		}
		total += n
		var err error
		if p, err = parse(out); err != nil {
			return nil, Parsed{}, nil, 0, err
		}
		ds = Check(p, rules)
		if before, again := remember(out, total); again {
			// p is that text again: report it with the fixes up to it
			total = before
			break
		}
	}
	return p.Doc.Src, p, ds, total, nil
}
