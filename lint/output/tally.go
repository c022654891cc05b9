package output

import (
	"fmt"
	"sort"
	"strings"

	"github.com/daqiq/daqiq/lint"
)

// Tally counts findings for check's summary line: by level, by family
// (the part of a rule id before its slash), how many a safe fix resolves
// and how many more only an unsafe fix does.
type Tally struct {
	Total, Fixable, Unsafe int
	ByLevel                map[lint.Level]int
	ByFamily               map[string]int
}

// Add counts the findings of one file.
func (t *Tally) Add(ds []lint.Diagnostic) {
	if t.ByLevel == nil {
		t.ByLevel, t.ByFamily = map[lint.Level]int{}, map[string]int{}
	}
	for _, d := range ds {
		t.Total++
		t.ByLevel[d.Level]++
		family, _, _ := strings.Cut(d.Rule, "/")
		t.ByFamily[family]++
		if len(d.Fixes) > 0 && d.Fixes[0].Applicability == lint.Safe {
			t.Fixable++
		} else if hasUnsafe(d.Fixes) {
			t.Unsafe++
		}
	}
}

// Merge adds another tally's counts.
func (t *Tally) Merge(o Tally) {
	if o.Total == 0 {
		return
	}
	if t.ByLevel == nil {
		t.ByLevel, t.ByFamily = map[lint.Level]int{}, map[string]int{}
	}
	t.Total += o.Total
	t.Fixable += o.Fixable
	t.Unsafe += o.Unsafe
	for k, n := range o.ByLevel {
		t.ByLevel[k] += n
	}
	for k, n := range o.ByFamily {
		t.ByFamily[k] += n
	}
}

// Summary is the summary line: "12 problems (2 errors, 10 warnings):
// spelling 7, punctuation 5; 9 fixable with --fix", the families most
// found first. fixHint adds the fixable count. "" when nothing was found.
func (t Tally) Summary(fixHint bool) string {
	if t.Total == 0 {
		return ""
	}
	var levels []string
	for _, l := range []lint.Level{lint.Error, lint.Warning, lint.Info} {
		if n := t.ByLevel[l]; n > 0 {
			levels = append(levels, fmt.Sprintf("%d %s", n, countNoun(n, l.String(), l.String()+"s")))
		}
	}
	families := make([]string, 0, len(t.ByFamily))
	for f := range t.ByFamily {
		families = append(families, f)
	}
	sort.Slice(families, func(i, j int) bool {
		a, b := families[i], families[j]
		if t.ByFamily[a] != t.ByFamily[b] {
			return t.ByFamily[a] > t.ByFamily[b]
		}
		return a < b
	})
	for i, f := range families {
		families[i] = fmt.Sprintf("%s %d", f, t.ByFamily[f])
	}
	msg := fmt.Sprintf("%d %s (%s): %s", t.Total, countNoun(t.Total, "problem", "problems"), strings.Join(levels, ", "), strings.Join(families, ", "))
	if fixHint && t.Fixable > 0 {
		msg += fmt.Sprintf("; %d fixable with --fix", t.Fixable)
	}
	return msg
}

func hasUnsafe(fs []lint.SuggestedFix) bool {
	for _, f := range fs {
		if f.Applicability == lint.Unsafe {
			return true
		}
	}
	return false
}

// UnsafeHint is the line that tells of the fixes --unsafe-fixes would
// add: "3 more fixes available with --fix --unsafe-fixes" ("with
// --unsafe-fixes" when fixing already). "" when there are none.
func (t Tally) UnsafeHint(fixing bool) string {
	if t.Unsafe == 0 {
		return ""
	}
	with := "--fix --unsafe-fixes"
	if fixing {
		with = "--unsafe-fixes"
	}
	return fmt.Sprintf("%d more %s available with %s (unsafe: check the meaning)", t.Unsafe, countNoun(t.Unsafe, "fix", "fixes"), with)
}
