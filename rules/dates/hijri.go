package dates

import (
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// HijriMismatch makes the rule dates/hijri-mismatch.
func HijriMismatch() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "dates/hijri-mismatch",
		Level:   lint.Error,
		Summary: "a Hijri date that does not match its Gregorian twin (Umm al-Qura), or cannot exist",
		Doc: lint.Doc{
			What:  "Compares a Gregorian date with the Hijri date printed beside it (الموافق …) under the Umm al-Qura calendar. One day apart is accepted (Egypt and the Maghreb may differ from Umm al-Qura by a day), two days is a warning, three or more an error. Also flags Hijri dates that cannot exist, such as the 30th of a 29-day month.",
			Why:   "Datelines carry both calendars; a Hijri date left over from another day, or typed from memory, contradicts the Gregorian one.",
			Wrong: "الجمعة 22 نوفمبر 2024 الموافق 25 جمادى الأولى 1446",
			Right: "الجمعة 22 نوفمبر 2024 الموافق 20 جمادى الأولى 1446",
			Fix:   "No automatic fix: the message gives the Umm al-Qura date.",
		},
	}, func(p *lint.Pass, v *vocab) {
		pr := parse(p, v)
		invalid := map[*mention]bool{}
		for _, m := range pr.mentions {
			if !m.hijri || m.day == 0 || m.year == 0 {
				continue
			}
			if _, ok := hijriToGregorian(m.year, m.month, m.day); ok {
				continue
			}
			invalid[m] = true
			msg := ""
			switch n := hijriMonthLength(m.year, m.month); {
			case m.month > 12:
				msg = p.T("no-month", text(p, m.date))
			case n > 0:
				msg = p.T("month-length", text(p, m.date), v.hijriName[m.month], m.year, n)
			case m.day > 30:
				msg = p.T("day-31", text(p, m.date))
			default:
				invalid[m] = false // outside the Umm al-Qura table: nothing to say
				continue
			}
			p.Report(lint.Diagnostic{Start: m.date.start, End: m.date.end, Message: msg})
		}
		for i := 1; i < len(pr.mentions); i++ {
			a, b := pr.mentions[i-1], pr.mentions[i]
			if a.hijri == b.hijri || a.day == 0 || b.day == 0 || !between(p, v, a, b) {
				continue
			}
			g, h := a, b
			if a.hijri {
				g, h = b, a
			}
			if invalid[h] {
				continue
			}
			gt, ok := g.resolve(pr.dateline)
			if !ok {
				continue
			}
			ht, ok := h.resolve(gt)
			if !ok {
				continue
			}
			diff := days(gt, ht)
			if abs(diff) <= 1 {
				continue
			}
			sev := lint.Error
			if abs(diff) == 2 {
				sev = lint.Warning
			}
			n := i18n.Plural(p.Lang(), p.Rule.ID, "days", abs(diff))
			msg := p.T("off", text(p, h.date), n, text(p, g.date), v.day(p.Lang(), ht))
			if hy, hm, hd, ok := gregorianToHijri(gt); ok {
				msg = p.T("off-was", text(p, h.date), n, text(p, g.date), v.day(p.Lang(), ht), v.day(p.Lang(), gt), v.hijriString(hy, hm, hd))
			}
			p.Report(lint.Diagnostic{Start: h.date.start, End: h.date.end, Level: sev, Message: msg})
		}
	})
}
