package dates

import (
	"fmt"
	"sync"
	"time"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
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

// describe writes a Gregorian day for a message: "Friday 22 November 2024 (الجمعة)".
func (v *vocab) describe(t time.Time) string {
	return fmt.Sprintf("%s %d %s %d (%s)", t.Weekday(), t.Day(), t.Month(), t.Year(), v.weekdayName[t.Weekday()])
}

func (v *vocab) hijriString(y, m, d int) string {
	if y == 0 {
		return fmt.Sprintf("%d %s", d, v.hijriName[m])
	}
	return fmt.Sprintf("%d %s %d", d, v.hijriName[m], y)
}

func q(s string) string { return "“" + s + "”" }

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
