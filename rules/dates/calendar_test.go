package dates

import (
	"testing"
	"time"
)

// Known Umm al-Qura dates, checked against the official calendar.
func TestUmmAlQura(t *testing.T) {
	for _, c := range []struct {
		y, m, d    int
		gy, gm, gd int
	}{
		{1446, 5, 20, 2024, 11, 22}, // the seed dateline: Friday
		{1446, 5, 1, 2024, 11, 3},   // Jumada I 1446 began 3 Nov 2024
		{1445, 9, 1, 2024, 3, 11},   // Ramadan 1445
		{1445, 10, 1, 2024, 4, 10},  // Eid al-Fitr 1445
		{1446, 1, 1, 2024, 7, 7},    // Hijri new year 1446
		{1444, 12, 10, 2023, 6, 28}, // Eid al-Adha 1444
	} {
		g, ok := hijriToGregorian(c.y, c.m, c.d)
		if !ok {
			t.Errorf("%d/%d/%d: not converted", c.d, c.m, c.y)
			continue
		}
		if g.Year() != c.gy || int(g.Month()) != c.gm || g.Day() != c.gd {
			t.Errorf("%d/%d/%d = %s, want %d-%02d-%02d", c.d, c.m, c.y, g.Format("2006-01-02"), c.gy, c.gm, c.gd)
		}
		y, m, d, ok := gregorianToHijri(g)
		if !ok || y != c.y || m != c.m || d != c.d {
			t.Errorf("back: %d/%d/%d, want %d/%d/%d", d, m, y, c.d, c.m, c.y)
		}
	}
	// Jumada I 1446 had 29 days: the 30th does not exist.
	if _, ok := hijriToGregorian(1446, 5, 30); ok {
		t.Error("30 Jumada I 1446 accepted")
	}
	if n := hijriMonthLength(1446, 5); n != 29 {
		t.Errorf("Jumada I 1446 has %d days, want 29", n)
	}
	if _, ok := hijriToGregorian(1446, 13, 1); ok {
		t.Error("month 13 accepted")
	}
	if g, _ := civil(2024, 11, 22); g.Weekday() != time.Friday {
		t.Errorf("22 Nov 2024 is %s", g.Weekday())
	}
	if _, ok := civil(2024, 4, 31); ok {
		t.Error("31 April accepted")
	}
	if _, ok := civil(2023, 2, 29); ok {
		t.Error("29 February 2023 accepted")
	}
	if daysIn(0, 2) != 29 || daysIn(2023, 2) != 28 || daysIn(2024, 4) != 30 {
		t.Error("daysIn")
	}
}
