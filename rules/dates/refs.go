package dates

import (
	"sort"
	"time"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// Ref is a day a text names, as the date rules read it: a relative day
// with its weekday (اليوم الأربعاء، أمس الثلاثاء) or a written date (الأربعاء
// 7 سبتمبر 2022، 8 مارس الماضي). The source rules compare an article's
// with its wire copy's, each resolved against its own dateline.
type Ref struct {
	Start, End int // the whole reference in the pass's text
	// Relative: اليوم، أمس، غدا … (Offset days from the dateline).
	Relative bool
	Offset   int
	// Weekday is the weekday named (0 = Sunday), -1 when none.
	Weekday int
	// DateStart and DateEnd locate the day, month and year of a written
	// date (without its weekday); both 0 for a relative day.
	DateStart, DateEnd int
	// Day is the day it names; zero when it cannot be resolved (a
	// relative day without a dateline, a date without a day).
	Day time.Time
	// Dateline: the reference is the dateline itself.
	Dateline bool
}

// Refs returns the relative days and the dates with a day of the pass's
// text in order, resolved against its dateline (p.Facts.Dateline).
func Refs(p *lint.Pass) []Ref {
	v, err := loadOnce()
	if err != nil {
		return nil
	}
	pr := parse(p, v)
	out := make([]Ref, 0, len(pr.anchors)+len(pr.mentions))
	dl := p.Facts.Dateline
	for _, a := range pr.anchors {
		r := Ref{Start: a.words.start, End: a.wd.end, Relative: true, Offset: a.offset, Weekday: a.weekday}
		if pr.hasDateline {
			r.Day = pr.dateline.AddDate(0, 0, a.offset)
		}
		out = append(out, r)
	}
	for _, m := range pr.mentions {
		if m.day == 0 {
			continue
		}
		r := Ref{Start: m.start, End: m.end, Weekday: m.weekday, DateStart: m.date.start, DateEnd: m.date.end}
		r.Dateline = dl.From == lint.InText && m.start <= dl.Start && dl.Start < m.end
		var ref time.Time
		if pr.hasDateline {
			ref = pr.dateline
		}
		if t, ok := m.resolve(ref); ok {
			y, mo, d := t.Date()
			r.Day = time.Date(y, mo, d, 12, 0, 0, 0, time.UTC)
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// Describe writes a day for a message of the pass: its weekday and date
// ("الجمعة 22 نوفمبر 2024"; in English "Friday 22 November 2024 (الجمعة)").
func Describe(p *lint.Pass, t time.Time) string {
	v, err := loadOnce()
	if err != nil {
		return t.Format("Monday 2 January 2006")
	}
	return v.describe(p, t)
}

// Written writes a day as an Arabic text does, whatever the language of
// the messages: "الأربعاء 7 سبتمبر 2022".
func Written(t time.Time) string {
	v, err := loadOnce()
	if err != nil {
		return t.Format("2006-01-02")
	}
	return v.weekdayName[t.Weekday()] + " " + v.day(i18n.Ar, t)
}
