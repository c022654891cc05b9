package dates

import (
	"time"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

func init() { lint.RegisterDatelineFinder(FindDateline) }

// datelineLines is how many non-empty lines at the top of a text may hold
// its dateline: a kicker (عاجل), a headline, the dateline, the byline.
const datelineLines = 5

// FindDateline reads the dateline printed at the top of a text: the first
// of its opening lines that is either
//
//   - a line of nothing but a full date, with its weekday, its twin in the
//     other calendar and words such as الموافق or نشر في
//     ("الجمعة 22 نوفمبر 2024 الموافق 20 جمادى الأولى 1446"), or
//   - a line that opens as agencies open a story: a place of one to three
//     words, a dash, comma or colon, then a full date
//     ("تيرانا - الثلاثاء 12 نوفمبر 2024 - …", "الرياض، 22 يوليو 2015 (واس)").
//
// A date in a sentence, a quotation, a deadline or a history is never a
// dateline, and neither is a date without a year. When the line gives
// both calendars the Gregorian date is taken.
func FindDateline(p *lint.Pass) (lint.Dateline, bool) {
	v, err := loadOnce()
	if err != nil {
		return lint.Dateline{}, false
	}
	s := &scanner{p: p, v: v, toks: p.Tokens}
	limit := openingLines(p.Text, datelineLines)
	var found *mention
	var date time.Time
	colon := false // the line before ended with a colon: a list follows
	for lo := 0; lo < len(s.toks) && s.toks[lo].Start < limit; {
		hi := lo
		for hi < len(s.toks) && !(s.toks[hi].Kind == arabic.Space && s.toks[hi].Breaks > 0) {
			hi++
		}
		last := hi - 1
		for last >= lo && s.toks[last].Kind == arabic.Space {
			last--
		}
		endsColon := last >= lo && s.punct(last, ":")
		// a date that heads a list (البرنامج: / الأحد 2 أبريل 2017 :)
		// is a schedule, not a dateline
		if m := s.datelineLine(lo, hi); m != nil && !colon && !endsColon {
			if t, ok := m.resolve(time.Time{}); ok {
				if found != nil && !t.Equal(date) {
					return lint.Dateline{}, false // two dates on lines of their own: a schedule
				}
				if found == nil {
					found, date = m, t
				}
			}
		}
		if last >= lo {
			colon = endsColon
		}
		lo = hi + 1
	}
	if found == nil {
		return lint.Dateline{}, false
	}
	y, mo, d := date.Date()
	return lint.Dateline{Date: time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), From: lint.InText, Start: found.start, End: found.end}, true
}

// datelineLine returns the date of the line of tokens [lo, hi) when the
// line is a dateline, else nil.
func (s *scanner) datelineLine(lo, hi int) *mention {
	var ms []*mention
	covered := func(i int) bool {
		for _, m := range ms {
			if i >= m.firstTok && i <= m.lastTok {
				return true
			}
		}
		return false
	}
	for i := lo; i < hi; i++ {
		if s.toks[i].Kind == arabic.Space || !s.mayStart(i) {
			continue
		}
		if m := s.parseDate(i); m != nil && m.lastTok < hi {
			ms = append(ms, m)
			i = m.lastTok
		}
	}
	if len(ms) == 0 {
		return nil
	}
	pick := func(cands []*mention) *mention {
		var h *mention
		for _, m := range cands {
			if !m.full() {
				continue
			}
			if !m.hijri {
				return m
			}
			if h == nil {
				h = m
			}
		}
		return h
	}
	// a line of dates only
	only, paren := true, 0
	for i := lo; i < hi && only; i++ {
		t := s.toks[i]
		switch {
		case t.Kind == arabic.Space || covered(i):
		case t.Kind == arabic.Punct:
			switch t.Key {
			case "(":
				paren++
			case ")":
				paren--
			}
		case t.Kind == arabic.Word && paren > 0: // (واس)
		case t.Kind == arabic.Number && (s.punct(i-1, ":") || s.punct(i+1, ":")): // 10:30
		case t.Kind == arabic.Word:
			switch s.kind(i) {
			case wEquivalence, wHijriEra, wGregorianEra, wDatelineLabel:
			default:
				only = false
			}
		default:
			only = false
		}
	}
	if only {
		return pick(ms)
	}
	// an agency's opening: place, separator, date, then punctuation or
	// the end of the line
	first := ms[0]
	words, i := 0, lo
	for ; i < first.firstTok; i++ {
		t := s.toks[i]
		if t.Kind == arabic.Space {
			continue
		}
		if t.Kind != arabic.Word || s.mayStart(i) {
			break
		}
		words++
	}
	if words < 1 || words > 3 || i >= first.firstTok || !s.punct(i, "-–—،,:") || s.next(i) != first.firstTok || !first.full() {
		return nil
	}
	if after := s.next(first.lastTok); after >= 0 && after < hi && s.toks[after].Kind != arabic.Punct {
		return nil
	}
	// the Hijri twin of an agency's date may follow it
	return pick(ms[:min(2, len(ms))])
}
