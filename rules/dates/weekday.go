package dates

import (
	"fmt"

	"github.com/daqiq/daqiq/lint"
)

// WeekdayMismatch makes the rule dates/weekday-mismatch.
func WeekdayMismatch() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "dates/weekday-mismatch",
		Level:   lint.Error,
		Summary: "a weekday that does not match its date (يوم الأحد 30 نوفمبر 2024 was a Saturday)",
		Doc: lint.Doc{
			What:  "Flags a weekday written with a date (Gregorian or Hijri, named or numeric) when that date fell on another day. A date without a year is read in the year nearest the dateline.",
			Why:   "A wrong weekday is the most visible date error in a news story: readers notice it, and it usually means one of the two was copied from an older story.",
			Wrong: "وعقد المجلس جلسته يوم الأحد 30 نوفمبر 2024.",
			Right: "وعقد المجلس جلسته يوم السبت 30 نوفمبر 2024.",
			Fix:   "Unsafe: the suggestion corrects the weekday, but the date may be the wrong half.",
		},
	}, func(p *lint.Pass, v *vocab) {
		pr := parse(p, v)
		for _, m := range pr.mentions {
			if m.weekday < 0 || m.day == 0 {
				continue
			}
			t, ok := m.resolve(pr.dateline)
			if !ok || int(t.Weekday()) == m.weekday {
				continue
			}
			right := m.wdPrefix + v.weekdayName[t.Weekday()]
			p.Report(lint.Diagnostic{
				Start: m.wd.start, End: m.wd.end,
				Message: fmt.Sprintf("%s does not match the date %s: that day is %s",
					q(text(p, m.wd)), q(text(p, m.date)), v.describe(t)),
				Fixes: []lint.SuggestedFix{lint.Replace(m.wd.start, m.wd.end, right, lint.Unsafe)},
			})
		}
	})
}
