package output

import (
	"fmt"
	"sort"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
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

// Summary is the summary line in lang: "12 problems (2 errors, 10
// warnings): spelling 7, punctuation 5; 9 fixable with --fix", «12 مشكلة
// (خطآن، 10 تنبيهات): الإملاء 7، الترقيم 5؛ يمكن إصلاح 9 منها بـ --fix»,
// the families most found first. fixHint adds the fixable count. "" when
// nothing was found.
func (t Tally) Summary(lang i18n.Lang, fixHint bool) string {
	if t.Total == 0 {
		return ""
	}
	var levels []string
	for _, l := range []lint.Level{lint.Error, lint.Warning, lint.Info} {
		if n := t.ByLevel[l]; n > 0 {
			levels = append(levels, i18n.Count(lang, l.String()+"s", n))
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
		name := f
		if s, ok := i18n.Lookup(lang, "text", "family."+f); ok {
			name = s
		}
		families[i] = fmt.Sprintf("%s %d", name, t.ByFamily[f])
	}
	list := i18n.Text(lang, "list")
	msg := i18n.Text(lang, "summary", i18n.Count(lang, "problems", t.Total), strings.Join(levels, list), strings.Join(families, list))
	if fixHint && t.Fixable > 0 {
		msg += i18n.Text(lang, "clauses") + i18n.Text(lang, "fixable", t.Fixable)
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

// UnsafeHint is the line in lang that tells of the fixes --unsafe-fixes
// would add: "3 more fixes available with --fix --unsafe-fixes" ("with
// --unsafe-fixes" when fixing already). "" when there are none.
func (t Tally) UnsafeHint(lang i18n.Lang, fixing bool) string {
	if t.Unsafe == 0 {
		return ""
	}
	with := "--fix --unsafe-fixes"
	if fixing {
		with = "--unsafe-fixes"
	}
	return i18n.Text(lang, "unsafe-hint", i18n.Count(lang, "more-fixes", t.Unsafe), with)
}
