package output

import (
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
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
	if got := all.Summary(i18n.En, true); got != want {
		t.Errorf("Summary = %q\nwant      %q", got, want)
	}
	if got := all.Summary(i18n.En, false); got != want[:len(want)-len("; 2 fixable with --fix")] {
		t.Errorf("Summary without the hint = %q", got)
	}
	if got, want := all.UnsafeHint(i18n.En, false), "1 more fix available with --fix --unsafe-fixes (unsafe: check the meaning)"; got != want {
		t.Errorf("UnsafeHint = %q, want %q", got, want)
	}
	if got := all.UnsafeHint(i18n.En, true); !strings.HasPrefix(got, "1 more fix available with --unsafe-fixes ") {
		t.Errorf("UnsafeHint when fixing = %q", got)
	}
	if got := a.UnsafeHint(i18n.En, false); got != "" {
		t.Errorf("UnsafeHint with no unsafe fix = %q", got)
	}
	if got := (Tally{}).Summary(i18n.En, true); got != "" {
		t.Errorf("empty Summary = %q", got)
	}
}

// TestSummaryArabic: the summary in Arabic, with the number forms of
// Arabic grammar and the families' Arabic names.
func TestSummaryArabic(t *testing.T) {
	var all Tally
	all.Add([]lint.Diagnostic{
		{Rule: "spelling/a", Level: lint.Error, Fixes: []lint.SuggestedFix{{Applicability: lint.Safe}}},
		{Rule: "spelling/b", Level: lint.Error},
		{Rule: "dates/c", Level: lint.Warning},
	})
	want := "3 مشكلات (خطآن، تنبيه واحد): الإملاء 2، التواريخ 1؛ يمكن إصلاح 1 منها بـ --fix"
	if got := all.Summary(i18n.Ar, true); got != want {
		t.Errorf("Summary =\n%s\nwant\n%s", got, want)
	}
	for n, want := range map[int]string{1: "مشكلة واحدة", 2: "مشكلتان", 7: "7 مشكلات", 11: "11 مشكلة", 100: "100 مشكلة", 103: "103 مشكلات"} {
		if got := i18n.Count(i18n.Ar, "problems", n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}
