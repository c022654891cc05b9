package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// span is a byte range of the lintable text.
type span struct{ start, end int }

// mention is a date written in the text: any of weekday, day, month and
// year, as far as they were found together.
type mention struct {
	span              // the whole mention
	weekday  int      // 0 = Sunday; -1 when none
	wd       span     // the weekday word
	wdPrefix string   // proclitic bytes written on the weekday word
	weekRel  int      // -1 "<weekday> الماضي", +1 "<weekday> المقبل", 0 none
	day      int      // 0 when none
	month    int      // 1..12
	year     int      // 0 when none
	hijri    bool     // a Hijri month name or era
	date     span     // day .. year, without the weekday
	relative wordKind // wPast, wFuture or wCurrent after the month
	monthTok [2]int   // token indexes of the month name
	line     int      // index of the line (count of line breaks before)
	lastTok  int      // last token of the mention
	firstTok int
}

// full reports whether the mention has a day, a month and a year.
func (m *mention) full() bool { return m.day > 0 && m.month > 0 && m.year > 0 }

// anchor is a relative day naming a weekday: اليوم الأربعاء, أمس الثلاثاء.
type anchor struct {
	offset   int  // days from the dateline: 0, -1, -2, +1
	words    span // the relative word(s)
	weekday  int
	wd       span
	wdPrefix string
}

// parsed is everything the date rules need from one document.
type parsed struct {
	mentions    []*mention
	anchors     []anchor
	dateline    time.Time
	hasDateline bool
	datelineOf  *mention // the mention it came from, nil for --date
}

const memoKey = "dates.parsed"

// parse returns the document's dates, parsed once for all date rules.
func parse(p *lint.Pass, v *vocab) *parsed {
	return p.Memo(memoKey, func() any { return doParse(p, v) }).(*parsed)
}

type scanner struct {
	p    *lint.Pass
	v    *vocab
	toks []arabic.Token
}

// next returns the next non-space token after i on the same line, or -1.
func (s *scanner) next(i int) int {
	for j := i + 1; j < len(s.toks); j++ {
		t := s.toks[j]
		if t.Kind != arabic.Space {
			return j
		}
		if t.Breaks > 0 {
			return -1
		}
	}
	return -1
}

// kind classifies a word, with a proclitic و ف ب ك ل allowed.
func (s *scanner) kind(i int) wordKind {
	if i < 0 || s.toks[i].Kind != arabic.Word {
		return wNone
	}
	if m, ok := s.v.words.MatchAt(s.toks, s.p.Splits, i); ok && m.Last == i {
		return wordKind(m.Value)
	}
	return wNone
}

func (s *scanner) isKey(i int, keys map[string]bool) bool {
	return i >= 0 && s.toks[i].Kind == arabic.Word && keys[s.toks[i].Key]
}

// weekday reads a weekday at token i; ambiguous forms only when allowed.
func (s *scanner) weekday(i int, allowAmbiguous bool) (n int, sp span, prefix string, ok bool) {
	if i < 0 || s.toks[i].Kind != arabic.Word {
		return 0, span{}, "", false
	}
	m, found := s.v.weekdays.MatchAt(s.toks, s.p.Splits, i)
	if !found || m.Value >= ambiguous && !allowAmbiguous {
		return 0, span{}, "", false
	}
	t := s.toks[i]
	pre := arabic.SplitPrefix(s.p.Text[t.Start:t.End], m.Prefix)
	return m.Value % ambiguous, span{t.Start, t.End}, s.p.Text[t.Start : t.Start+pre], true
}

// month reads a month name (possibly two words) at token i.
func (s *scanner) month(i int, allowAmbiguous bool) (n int, hijri bool, last int, ok bool) {
	if i < 0 || s.toks[i].Kind != arabic.Word {
		return 0, false, 0, false
	}
	m, found := s.v.months.MatchAt(s.toks, s.p.Splits, i)
	if !found || m.Value >= ambiguous && !allowAmbiguous {
		return 0, false, 0, false
	}
	val := m.Value % ambiguous
	if val > hijriBase {
		return val - hijriBase, true, m.Last, true
	}
	return val, false, m.Last, true
}

func (s *scanner) number(i int) (int, string, bool) {
	if i < 0 || s.toks[i].Kind != arabic.Number {
		return 0, "", false
	}
	k := s.toks[i].Key
	n, err := strconv.Atoi(k)
	if err != nil {
		return 0, k, false
	}
	return n, k, true
}

func (s *scanner) punct(i int, marks string) bool {
	return i >= 0 && s.toks[i].Kind == arabic.Punct && strings.Contains(marks, s.toks[i].Key)
}

func doParse(p *lint.Pass, v *vocab) *parsed {
	s := &scanner{p: p, v: v, toks: p.Tokens}
	out := &parsed{}
	line := 0
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if t.Kind == arabic.Space {
			line += int(t.Breaks)
			continue
		}
		if !s.mayStart(i) {
			continue
		}
		// a relative day naming a weekday
		if a, wd, ok := s.parseAnchor(i); ok {
			out.anchors = append(out.anchors, a)
			i = wd - 1 // the weekday may start a date: اليوم الأربعاء 7 سبتمبر
			continue
		}
		if m := s.parseDate(i); m != nil {
			m.line = line
			out.mentions = append(out.mentions, m)
			i = m.lastTok
		}
	}
	// the dateline: the one the caller gave or the front matter's, else
	// the first full date in the opening lines, which the facts then hold
	if dl := p.Facts.Dateline; dl.Known() && dl.From != lint.InText {
		y, m, d := dl.Date.Date()
		out.dateline, out.hasDateline = time.Date(y, m, d, 12, 0, 0, 0, time.UTC), true
	}
	if !out.hasDateline {
		limit := openingLines(p.Text, 5)
		for _, m := range out.mentions {
			if m.start >= limit {
				break
			}
			if !m.full() {
				continue
			}
			if t, ok := m.resolve(time.Time{}); ok {
				out.dateline, out.hasDateline, out.datelineOf = t, true, m
				y, mo, d := t.Date()
				p.Facts.Dateline = lint.Dateline{
					Date: time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), From: lint.InText,
					Start: m.start, End: m.end,
				}
				break
			}
		}
	}
	return out
}

// mayStart reports whether token i can start a date or a relative day: a
// number, or a word whose first letters are those of a listed name.
func (s *scanner) mayStart(i int) bool {
	switch s.toks[i].Kind {
	case arabic.Number:
		return true
	case arabic.Word:
		if !s.v.trigger.MayMatch(s.p.Splits, i) {
			return false
		}
		_, ok := s.v.trigger.MatchAt(s.toks, s.p.Splits, i)
		return ok
	}
	return false
}

// openingLines returns the offset where the n-th non-empty line ends. A
// line ends at \n, \r\n or a lone \r (the empty "line" between the \r and
// the \n of a CRLF is skipped as any empty line is).
func openingLines(text string, n int) int {
	seen := 0
	for i := 0; i < len(text); {
		j := strings.IndexAny(text[i:], "\r\n")
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		if strings.TrimSpace(text[i:end]) != "" {
			seen++
			if seen == n {
				return end
			}
		}
		i = end + 1
	}
	return len(text)
}

// parseDate reads a date starting at token i:
//
//	[يوم] [weekday [الماضي|المقبل]] [،] [الموافق] day month [year [era]] [الماضي|المقبل|الجاري]
//	[weekday …] dd/mm/yyyy | yyyy-mm-dd | dd.mm.yyyy [era]
//	month year | month الماضي|المقبل|الجاري
func (s *scanner) parseDate(i int) *mention {
	if t := s.toks[i]; t.Kind != arabic.Word && t.Kind != arabic.Number {
		return nil
	}
	var mv mention // on the stack until it is a date
	m := &mv
	m.weekday, m.firstTok = -1, i
	j := i
	if s.kind(j) == wDay {
		k := s.next(j)
		n, sp, pre, ok := s.weekday(k, true)
		if !ok {
			return nil
		}
		m.weekday, m.wd, m.wdPrefix = n, sp, pre
		j = s.next(k)
	} else if n, sp, pre, ok := s.weekday(j, false); ok {
		m.weekday, m.wd, m.wdPrefix = n, sp, pre
		j = s.next(j)
	}
	if m.weekday >= 0 {
		m.start = m.wd.start
		switch s.kind(j) {
		case wPast:
			m.weekRel, j = -1, s.next(j)
		case wFuture:
			m.weekRel, j = 1, s.next(j)
		}
		if s.punct(j, "،,") {
			j = s.next(j)
		}
		if s.kind(j) == wEquivalence {
			j = s.next(j)
		}
	}
	if j < 0 {
		return nil
	}
	if s.numericDate(m, j) || s.namedDate(m, j) {
		if m.weekday < 0 {
			m.start = m.date.start
		}
		m.end = m.date.end
		found := mv
		return &found
	}
	return nil
}

// namedDate reads "day month [year [era]] [relative]", "month year" or
// "month relative" at token j.
func (s *scanner) namedDate(m *mention, j int) bool {
	day, key, isNum := s.number(j)
	k := j
	if isNum {
		if len(key) > 2 || day < 1 {
			return false
		}
		k = s.next(j)
	}
	n, hijri, last, ok := s.month(k, isNum || s.yearAfter(k))
	if !ok {
		return false
	}
	start := s.toks[j].Start
	m.month, m.hijri, m.monthTok = n, hijri, [2]int{k, last}
	if isNum {
		m.day = day
	}
	end, lastTok := s.toks[last].End, last
	y := s.next(last)
	if year, key, ok := s.number(y); ok && len(key) >= 3 && len(key) <= 4 {
		m.year = year
		end, lastTok = s.toks[y].End, y
		if e := s.next(y); e >= 0 {
			switch s.kind(e) {
			case wHijriEra:
				m.hijri = true
				end, lastTok = s.toks[e].End, e
			case wGregorianEra:
				end, lastTok = s.toks[e].End, e
			}
		} else if y+1 < len(s.toks) && s.toks[y+1].Kind == arabic.Word && s.kind(y+1) == wHijriEra {
			m.hijri = true
			end, lastTok = s.toks[y+1].End, y+1
		}
	} else if r := s.kind(y); r == wPast || r == wFuture || r == wCurrent {
		m.relative = r
		end, lastTok = s.toks[y].End, y
	}
	if m.day == 0 && m.year == 0 && m.relative == wNone {
		return false
	}
	m.date = span{start, end}
	m.lastTok = lastTok
	return true
}

// yearAfter reports whether the month name at k is followed by a year or
// a relative word, which makes an ambiguous month name (مارس، آب) a month.
func (s *scanner) yearAfter(k int) bool {
	if k < 0 || s.toks[k].Kind != arabic.Word {
		return false
	}
	m, ok := s.v.months.MatchAt(s.toks, s.p.Splits, k)
	if !ok {
		return false
	}
	y := s.next(m.Last)
	if _, key, ok := s.number(y); ok && len(key) == 4 {
		return true
	}
	r := s.kind(y)
	return r == wPast || r == wFuture || r == wCurrent
}

// numericDate reads dd/mm/yyyy, yyyy/mm/dd (also with - or .) at token j.
func (s *scanner) numericDate(m *mention, j int) bool {
	if j < 0 || s.toks[j].Kind != arabic.Number {
		return false
	}
	var parts []string
	last := j
	if k := s.toks[j].Key; strings.Count(k, ".") == 2 {
		parts = strings.Split(k, ".")
	} else {
		// number sep number sep number, with nothing between
		parts = []string{k}
		sep := ""
		for len(parts) < 3 {
			if last+2 >= len(s.toks) || s.toks[last+1].Kind != arabic.Punct || s.toks[last+2].Kind != arabic.Number {
				break
			}
			sp := s.toks[last+1].Key
			if !strings.Contains("/-.", sp) || sep != "" && sp != sep {
				break
			}
			sep = sp
			parts = append(parts, s.toks[last+2].Key)
			last += 2
		}
	}
	if len(parts) != 3 {
		return false
	}
	a, err1 := strconv.Atoi(parts[0])
	b, err2 := strconv.Atoi(parts[1])
	c, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil {
		return false
	}
	switch {
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		m.day, m.month, m.year = a, b, c
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		m.year, m.month, m.day = a, b, c
	default:
		return false
	}
	end := s.toks[last].End
	if e := s.next(last); s.kind(e) == wHijriEra {
		m.hijri = true
		end, last = s.toks[e].End, e
	} else if last+1 < len(s.toks) && s.kind(last+1) == wHijriEra {
		m.hijri = true
		end, last = s.toks[last+1].End, last+1
	}
	m.date = span{s.toks[j].Start, end}
	m.lastTok = last
	return true
}

// parseAnchor reads "اليوم|أمس|أول أمس|أمس الأول|يوم أمس|غدا [،] weekday".
func (s *scanner) parseAnchor(i int) (anchor, int, bool) {
	if s.toks[i].Kind != arabic.Word {
		return anchor{}, 0, false
	}
	a := anchor{words: span{s.toks[i].Start, s.toks[i].End}}
	j := i
	switch s.kind(i) {
	case wToday:
		a.offset = 0
	case wYesterday:
		a.offset = -1
		if k := s.next(i); k >= 0 && s.isDayBefore(i, k) {
			a.offset, j = -2, k
		}
	case wTomorrow:
		a.offset = 1
	case wDay:
		k := s.next(i)
		switch s.kind(k) {
		case wYesterday:
			a.offset, j = -1, k
		case wTomorrow:
			a.offset, j = 1, k
		default:
			return anchor{}, 0, false
		}
	default:
		k := s.next(i)
		if k < 0 || !s.isDayBefore(i, k) {
			return anchor{}, 0, false
		}
		a.offset, j = -2, k
	}
	a.words.end = s.toks[j].End
	k := s.next(j)
	if s.punct(k, "،,") {
		k = s.next(k)
	}
	n, sp, pre, ok := s.weekday(k, true)
	if !ok {
		return anchor{}, 0, false
	}
	a.weekday, a.wd, a.wdPrefix = n, sp, pre
	return a, k, true
}

func (s *scanner) isDayBefore(i, k int) bool {
	for _, pair := range s.v.dayBefore {
		if s.isKey(i, pair[0]) && s.isKey(k, pair[1]) {
			return true
		}
	}
	return false
}

// resolve returns the Gregorian day a mention names. Without a year, the
// year is the one that puts the date nearest to ref (the dateline); with no
// ref either, ok is false.
func (m *mention) resolve(ref time.Time) (time.Time, bool) {
	if m.day == 0 || m.month == 0 {
		return time.Time{}, false
	}
	if m.hijri {
		if m.year > 0 {
			return hijriToGregorian(m.year, m.month, m.day)
		}
		if ref.IsZero() {
			return time.Time{}, false
		}
		hy, _, _, ok := gregorianToHijri(ref)
		if !ok {
			return time.Time{}, false
		}
		return nearest(ref, func(dy int) (time.Time, bool) { return hijriToGregorian(hy+dy, m.month, m.day) })
	}
	if m.year > 0 {
		return civil(m.year, m.month, m.day)
	}
	if ref.IsZero() {
		return time.Time{}, false
	}
	return nearest(ref, func(dy int) (time.Time, bool) { return civil(ref.Year()+dy, m.month, m.day) })
}

func nearest(ref time.Time, at func(int) (time.Time, bool)) (time.Time, bool) {
	var best time.Time
	found := false
	for _, dy := range []int{0, -1, 1} {
		t, ok := at(dy)
		if !ok {
			continue
		}
		if !found || abs(days(ref, t)) < abs(days(ref, best)) {
			best, found = t, true
		}
	}
	return best, found
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
