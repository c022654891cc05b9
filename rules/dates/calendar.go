package dates

import (
	"time"

	hijri "github.com/hablullah/go-hijri"
)

// Umm al-Qura through github.com/hablullah/go-hijri, which covers 1356–1500
// AH (1937–2077). Two of its traps are handled here: its Weekday field is
// off by one (use time.Weekday of the Gregorian date) and ToGregorian does
// not validate (30 Jumada I 1446 silently becomes 2 December 2024), so a
// Hijri date is valid only if it survives the round trip.

const minHijriYear, maxHijriYear = 1356, 1500

// civil returns the Gregorian date at noon UTC, and whether it exists
// (time.Date turns 31 April into 1 May).
func civil(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
	return t, t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// daysIn returns the number of days of a Gregorian month; for a month with
// no year, February has 29.
func daysIn(y, m int) int {
	if m < 1 || m > 12 {
		return 0
	}
	if y == 0 {
		y = 2024 // a leap year
	}
	return time.Date(y, time.Month(m)+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// hijriToGregorian converts an Umm al-Qura date; ok is false when the date
// does not exist or is outside the table.
func hijriToGregorian(y, m, d int) (time.Time, bool) {
	if y < minHijriYear || y > maxHijriYear || m < 1 || m > 12 || d < 1 || d > 30 {
		return time.Time{}, false
	}
	g := hijri.UmmAlQuraDate{Year: int64(y), Month: int64(m), Day: int64(d)}.ToGregorian()
	g = time.Date(g.Year(), g.Month(), g.Day(), 12, 0, 0, 0, time.UTC)
	back, err := hijri.CreateUmmAlQuraDate(g)
	if err != nil || back.Year != int64(y) || back.Month != int64(m) || back.Day != int64(d) {
		return time.Time{}, false
	}
	return g, true
}

// gregorianToHijri converts to Umm al-Qura; ok is false outside the table.
func gregorianToHijri(t time.Time) (y, m, d int, ok bool) {
	h, err := hijri.CreateUmmAlQuraDate(time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, time.UTC))
	if err != nil || h.Year < minHijriYear || h.Year > maxHijriYear {
		return 0, 0, 0, false
	}
	return int(h.Year), int(h.Month), int(h.Day), true
}

// hijriMonthLength returns 29 or 30 for a month inside the table, else 0.
func hijriMonthLength(y, m int) int {
	if _, ok := hijriToGregorian(y, m, 30); ok {
		return 30
	}
	if _, ok := hijriToGregorian(y, m, 29); ok {
		return 29
	}
	return 0
}

// days between two dates (b - a).
func days(a, b time.Time) int {
	return int(b.Sub(a).Round(time.Hour).Hours() / 24)
}
