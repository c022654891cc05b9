package lint

import (
	"sort"

	"github.com/daqiq/daqiq/lint/source"
)

// File is one checked document and its findings, in source offsets: what
// the output formats write and the baseline records.
type File struct {
	Doc         *source.Document
	Diagnostics []Diagnostic
}

// Suggestions returns, for each fix of d, the text that replaces the
// flagged text. An edit that covers the whole span (deleting a repeated
// line with its line break) gives its new text as the replacement.
func Suggestions(src []byte, d Diagnostic) []string {
	var out []string
	for _, f := range d.Fixes {
		s, ok := replacement(src, d, f)
		if ok {
			out = append(out, s)
		}
	}
	return out
}

func replacement(src []byte, d Diagnostic, f SuggestedFix) (string, bool) {
	edits := sortedEdits(f.Edits)
	for _, e := range edits {
		if e.Start <= d.Start && e.End >= d.End {
			return e.New, true
		}
	}
	var b []byte
	pos := d.Start
	for _, e := range edits {
		if e.Start < d.Start || e.End > d.End {
			continue
		}
		b = append(b, src[pos:e.Start]...)
		b = append(b, e.New...)
		pos = e.End
	}
	b = append(b, src[pos:d.End]...)
	return string(b), true
}

func sortedEdits(es []TextEdit) []TextEdit {
	out := append([]TextEdit{}, es...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
