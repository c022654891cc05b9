package output

import (
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
)

// The summary line counts levels and families, the families most found
// first, and the safe fixes when asked.
func TestTallySummary(t *testing.T) {
	safe := []lint.SuggestedFix{lint.Replace(0, 1, "x", lint.Safe)}
	unsafe := []lint.SuggestedFix{lint.Replace(0, 1, "x", lint.Unsafe)}
	var a, b Tally
	a.Add([]lint.Diagnostic{
		{Rule: "spelling/misspelling", Level: lint.Error, Fixes: safe},
		{Rule: "punctuation/spacing", Level: lint.Warning, Fixes: safe},
	})
	b.Add([]lint.Diagnostic{
		{Rule: "spelling/missing-hamza", Level: lint.Warning, Fixes: unsafe},
		{Rule: "dates/weekday-mismatch", Level: lint.Error},
	})
	var all Tally
	all.Merge(a)
	all.Merge(b)
	all.Merge(Tally{})
	want := "4 problems (2 errors, 2 warnings): spelling 2, dates 1, punctuation 1; 2 fixable with --fix"
	if got := all.Summary(true); got != want {
		t.Errorf("Summary = %q\nwant      %q", got, want)
	}
	if got := all.Summary(false); got != want[:len(want)-len("; 2 fixable with --fix")] {
		t.Errorf("Summary without the hint = %q", got)
	}
	if got, want := all.UnsafeHint(false), "1 more fix available with --fix --unsafe-fixes (unsafe: check the meaning)"; got != want {
		t.Errorf("UnsafeHint = %q, want %q", got, want)
	}
	if got := all.UnsafeHint(true); !strings.HasPrefix(got, "1 more fix available with --unsafe-fixes ") {
		t.Errorf("UnsafeHint when fixing = %q", got)
	}
	if got := a.UnsafeHint(false); got != "" {
		t.Errorf("UnsafeHint with no unsafe fix = %q", got)
	}
	if got := (Tally{}).Summary(true); got != "" {
		t.Errorf("empty Summary = %q", got)
	}
}
