package dates

import (
	"fmt"
	"sync"
	"time"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/i18n"
)

// loadOnce parses the vocabulary the first time a date rule is made.
var loadOnce = sync.OnceValues(func() (*vocab, error) { return loadVocab(datesData) })

// newRule completes a date rule: its Run receives the vocabulary.
func newRule(r lint.Rule, run func(p *lint.Pass, v *vocab)) (*lint.Rule, error) {
	v, err := loadOnce()
	if err != nil {
		return nil, err
	}
	r.Kind = lint.Code
	r.Category = "dates"
	r.Run = func(p *lint.Pass) { run(p, v) }
	return &r, nil
}

// describe writes a Gregorian day for a message in the pass's language:
// "Friday 22 November 2024 (الجمعة)", "الجمعة 22 نوفمبر 2024".
func (v *vocab) describe(p *lint.Pass, t time.Time) string {
	if p.Lang() == i18n.En {
		return fmt.Sprintf("%s %d %s %d (%s)", t.Weekday(), t.Day(), t.Month(), t.Year(), v.weekdayName[t.Weekday()])
	}
	return fmt.Sprintf("%s %d %s %d", v.weekdayName[t.Weekday()], t.Day(), v.monthName[t.Month()], t.Year())
}

// weekday names a weekday for a message: "Monday (الاثنين)", "الاثنين".
func (v *vocab) weekday(p *lint.Pass, wd int) string {
	if p.Lang() == i18n.En {
		return fmt.Sprintf("%s (%s)", time.Weekday(wd), v.weekdayName[wd])
	}
	return v.weekdayName[wd]
}

// month names a Gregorian month for a message: "April", "أبريل".
func (v *vocab) month(lang i18n.Lang, m int) string {
	if lang == i18n.En {
		return time.Month(m).String()
	}
	return v.monthName[m]
}

// date writes a Gregorian date for a message: "2 January 2006", "2 يناير 2006".
func (v *vocab) date(lang i18n.Lang, y, m, d int) string {
	return fmt.Sprintf("%d %s %d", d, v.month(lang, m), y)
}

// day writes t as date does.
func (v *vocab) day(lang i18n.Lang, t time.Time) string {
	return v.date(lang, t.Year(), int(t.Month()), t.Day())
}

// Day writes a day for a message in lang: "2 January 2006" in English,
// "2 يناير 2006" in Arabic, with the month names of data/dates.toml.
func Day(lang i18n.Lang, t time.Time) string {
	v, err := loadOnce()
	if err != nil || lang == i18n.En {
		return t.Format("2 January 2006")
	}
	return v.day(lang, t)
}

func (v *vocab) hijriString(y, m, d int) string {
	if y == 0 {
		return fmt.Sprintf("%d %s", d, v.hijriName[m])
	}
	return fmt.Sprintf("%d %s %d", d, v.hijriName[m], y)
}

// text returns the source text of a span.
func text(p *lint.Pass, s span) string { return p.Text[s.start:s.end] }

// between reports whether only spaces, punctuation, era markers and
// equivalence words (الموافق) lie between two mentions on one line.
func between(p *lint.Pass, v *vocab, a, b *mention) bool {
	if a.line != b.line {
		return false
	}
	n := 0
	for i := a.lastTok + 1; i < b.firstTok; i++ {
		t := p.Tokens[i]
		switch t.Kind {
		case arabic.Space:
			continue
		case arabic.Punct:
		case arabic.Word:
			switch v.word(t.Key) {
			case wEquivalence, wHijriEra, wGregorianEra:
			default:
				return false
			}
		default:
			return false
		}
		n++
	}
	return n <= 4
}
