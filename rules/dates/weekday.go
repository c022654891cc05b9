package dates

import (
	"strconv"

	"github.com/daqiq/daqiq/lint"
)

// WeekdayMismatch makes the rule dates/weekday-mismatch.
func WeekdayMismatch() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "dates/weekday-mismatch",
		Level:   lint.Error,
		Summary: "a weekday that does not match its date (يوم الأحد 30 نوفمبر 2024 was a Saturday)",
		Doc: lint.Doc{
			What:  "Flags a weekday written with a date (Gregorian or Hijri, named, numeric or ordinal: الخميس السابع من سبتمبر) when that date fell on another day. A weekday with both calendars is checked on the Gregorian date; a Hijri date alone may be a day off Umm al-Qura. In a dated story a date without a year takes the year the story gives another date of the same month (الأحد 10 ديسمبر beside 17 ديسمبر 2017), else it is read from the dateline (8 مارس الماضي is the last 8 March before it, 5 أيلول المقبل the next); with no dateline it is not checked.",
			Why:   "A wrong weekday is the most visible date error in a news story: readers notice it, and it usually means one of the two was copied from an older story.",
			Wrong: "وعقد المجلس جلسته يوم الأحد 30 نوفمبر 2024.",
			Right: "وعقد المجلس جلسته يوم السبت 30 نوفمبر 2024.",
			Fix:   "None as a rule: read on published copy, the weekday was the right half four times in five (a year typed from last year, a day or a month off by a slip), so no weekday is suggested. The message says when the same day of the year before or after fits the weekday; when that day is near the dateline and the date written is not, the year is offered as an unsafe fix.",
		},
	}, func(p *lint.Pass, v *vocab) {
		pr := parse(p, v)
		var years map[int]int // month → the one year the story gives it, -1 for several
		for i, m := range pr.mentions {
			if m.weekday < 0 || m.day == 0 {
				continue
			}
			// a date with its twin in the other calendar (الأحد 10 شوال
			// 1436 الموافق 26 يوليو 2015) is checked on the Gregorian
			// one, and a weekday that fits either twin is left alone: a
			// twin a day off is tolerated, one further off is
			// hijri-mismatch's to report. A Hijri date alone may be a
			// day off Umm al-Qura where the month began on another
			// sighting.
			dated, twin, slack := m, (*mention)(nil), 0
			if i+1 < len(pr.mentions) {
				if n := pr.mentions[i+1]; n.hijri != m.hijri && n.day > 0 && between(p, v, m, n) {
					twin = n
				}
			}
			switch {
			case m.hijri && twin != nil:
				dated, twin = twin, m
			case m.hijri:
				slack = 1
			}
			if dated.year == 0 && !dated.hijri && dated.relative == wNone && pr.hasDateline {
				// a date without a year in a dated story that gives one
				// for another date of that month (الأحد 10 ديسمبر … 17
				// ديسمبر 2017): that year, not the nearest to the
				// dateline. Without a dateline the date stays unchecked:
				// a timeline's dates are of many years
				if years == nil {
					years = yearsOfMonths(pr)
				}
				if y := years[dated.month]; y > 0 {
					d := *dated
					d.year = y
					dated = &d
				}
			}
			t, ok := dated.resolve(pr.dateline)
			if !ok || int(t.Weekday()) == m.weekday || !dated.hijri && t.Year() < 1583 {
				continue // before 1583 the press dates by the Julian calendar
			}
			if slack > 0 && (int(t.AddDate(0, 0, -1).Weekday()) == m.weekday || int(t.AddDate(0, 0, 1).Weekday()) == m.weekday) {
				continue
			}
			if twin != nil {
				if h, ok := twin.resolve(t); ok && int(h.Weekday()) == m.weekday {
					continue
				}
			}
			d := lint.Diagnostic{Start: m.wd.start, End: m.wd.end}
			wd, written, that := text(p, m.wd), text(p, dated.date), v.describe(p, t)
			// No fix by default: in published copy the weekday is more
			// often the right half (a year typed from last year, a day or
			// a month off by a slip). The same day of the year before or
			// after may fit the weekday: said in the message, and, when
			// that day is near the dateline and the date written is not
			// (اليوم الاثنين 16 يناير 2016 in a story dated 16 January
			// 2017), offered as the fix, the finding then spanning
			// weekday to year.
			if y, ok := yearSlip(dated, m.weekday, pr); ok && dated.yearTok.end > m.wd.start {
				d.End = dated.yearTok.end
				d.Message = p.T("mismatch-year-slip", wd, written, that, v.date(p.Lang(), y, dated.month, dated.day), v.weekday(p, m.weekday))
				old := text(p, dated.yearTok)
				d.Fixes = append(d.Fixes, lint.Replace(dated.yearTok.start, dated.yearTok.end, sameDigits(old, y), lint.Unsafe))
			} else if y, ok := adjacentYear(dated, m.weekday); ok {
				d.Message = p.T("mismatch-year", wd, written, that, v.date(p.Lang(), y, dated.month, dated.day), v.weekday(p, m.weekday))
			} else {
				d.Message = p.T("mismatch", wd, written, that)
			}
			p.Report(d)
		}
	})
}

// yearsOfMonths maps each month to the one year the story gives its
// Gregorian dates, or -1 when it gives several.
func yearsOfMonths(pr *parsed) map[int]int {
	out := map[int]int{}
	for _, o := range pr.mentions {
		if o.hijri || o.year == 0 || o == pr.datelineOf {
			continue
		}
		switch y := out[o.month]; {
		case y == 0:
			out[o.month] = o.year
		case y != o.year:
			out[o.month] = -1
		}
	}
	return out
}

// yearSlip returns the year before or after a Gregorian date's own in
// which the same day falls on the weekday, when that day is within a
// month of the dateline and the date as written is not, and the year is a
// token of its own. Without a dateline a wrong weekday fits the year
// before or after two times in seven by chance: no fix then.
func yearSlip(m *mention, weekday int, pr *parsed) (int, bool) {
	if m.yearTok.end == 0 || !pr.hasDateline {
		return 0, false
	}
	written, ok := civil(m.year, m.month, m.day)
	if !ok || abs(days(pr.dateline, written)) <= 31 {
		return 0, false
	}
	y, ok := adjacentYear(m, weekday)
	if !ok {
		return 0, false
	}
	t, _ := civil(y, m.month, m.day)
	return y, abs(days(pr.dateline, t)) <= 31
}

// adjacentYear returns the year before or after a Gregorian date's own in
// which the same day falls on the weekday.
func adjacentYear(m *mention, weekday int) (int, bool) {
	if m.hijri || m.year == 0 {
		return 0, false
	}
	for _, y := range []int{m.year + 1, m.year - 1} {
		if t, ok := civil(y, m.month, m.day); ok && int(t.Weekday()) == weekday {
			return y, true
		}
	}
	return 0, false
}

// sameDigits writes n in the digits old is written in (ASCII,
// Arabic-Indic or Persian).
func sameDigits(old string, n int) string {
	s := strconv.Itoa(n)
	var zero rune = '0'
	for _, r := range old {
		switch {
		case r >= '٠' && r <= '٩':
			zero = '٠'
		case r >= '۰' && r <= '۹':
			zero = '۰'
		}
		break
	}
	if zero == '0' {
		return s
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		out = append(out, zero+(r-'0'))
	}
	return string(out)
}
