package dates

import (
	"github.com/daqiq/daqiq/lint"
)

// ImpossibleDate makes the rule dates/impossible-date.
func ImpossibleDate() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "dates/impossible-date",
		Level:   lint.Error,
		Summary: "a Gregorian date that does not exist (31 أبريل، 29 فبراير 2023)",
		Doc: lint.Doc{
			What:  "Flags a Gregorian date whose day is past the end of its month (31 April, 30 February, 29 February in a year that is not a leap year) and numeric dates with a month past 12.",
			Why:   "An impossible date is a typing slip that hides the real one; the reader cannot tell which digit is wrong.",
			Wrong: "ومن المقرر أن تبدأ المحاكمة في 31 أبريل 2025.",
			Right: "ومن المقرر أن تبدأ المحاكمة في 30 أبريل 2025.",
			Fix:   "No automatic fix: only the writer knows the right day.",
		},
	}, func(p *lint.Pass, v *vocab) {
		for _, m := range parse(p, v).mentions {
			if m.hijri || m.day == 0 {
				continue
			}
			msg := ""
			switch n := daysIn(m.year, m.month); {
			case m.month < 1 || m.month > 12:
				msg = p.T("no-month", text(p, m.date), m.month)
			case m.day > n && m.month == 2 && m.day == 29:
				msg = p.T("not-leap", text(p, m.date), m.year)
			case m.day > n:
				msg = p.T("month-days", text(p, m.date), v.month(p.Lang(), m.month), daysIn(0, m.month))
			default:
				continue
			}
			p.Report(lint.Diagnostic{Start: m.date.start, End: m.date.end, Message: msg})
		}
	})
}
