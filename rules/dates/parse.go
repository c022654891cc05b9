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
	yearTok  span     // the year's digits when they are a token of their own
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
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != arabic.Word {
		return wNone
	}
	if m, ok := s.v.words.MatchAt(s.toks, s.p.Splits, i); ok && m.Last == i {
		return wordKind(m.Value)
	}
	return wNone
}

func (s *scanner) isKey(i int, keys map[string]bool) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].Kind == arabic.Word && keys[s.toks[i].Key]
}

// weekday reads a weekday at token i; ambiguous forms only when allowed.
func (s *scanner) weekday(i int, allowAmbiguous bool) (n int, sp span, prefix string, ok bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != arabic.Word {
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
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != arabic.Word {
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
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != arabic.Number {
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
	return i >= 0 && i < len(s.toks) && s.toks[i].Kind == arabic.Punct && strings.Contains(marks, s.toks[i].Key)
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
	// the dateline: the one the caller gave, the front matter's or the
	// one printed at the top of the text (FindDateline), never a date of
	// the body
	if !p.Facts.Dateline.Known() {
		// relative dates need a dateline: say how many went unchecked
		n := len(out.anchors)
		for _, m := range out.mentions {
			if m.weekRel != 0 || m.relative != wNone && !m.hijri {
				n++
			}
		}
		p.Facts.Undated = n
	}
	if dl := p.Facts.Dateline; dl.Known() {
		y, m, d := dl.Date.Date()
		out.dateline, out.hasDateline = time.Date(y, m, d, 12, 0, 0, 0, time.UTC), true
		if dl.From == lint.InText {
			for _, m := range out.mentions {
				if m.start == dl.Start {
					out.datelineOf = m
				}
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
		if s.articleNumber(i) {
			return true
		}
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
		if s.punct(j, "(") { // الجمعة (7 سبتمبر)
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
// "month relative" at token j. The day may be a number (7, 7 من, الـ7 من)
// or an ordinal word (السابع من, الحادي والعشرين من); the month may be
// followed by its name in another system (أبريل (نيسان), يوليو/تموز).
func (s *scanner) namedDate(m *mention, j int) bool {
	day, k, form := s.dayAt(j)
	if day == 0 && form != dayNone {
		return false
	}
	n, hijri, last, ok := s.month(k, form == dayNumber || s.yearAfter(k))
	if !ok {
		return false
	}
	start := s.toks[j].Start
	m.month, m.hijri, m.monthTok = n, hijri, [2]int{k, last}
	m.day = day
	last = s.twinMonth(last, n, hijri)
	end, lastTok := s.toks[last].End, last
	y := s.next(last)
	if year, key, ok := s.number(y); ok && len(key) >= 3 && len(key) <= 4 {
		m.year, m.yearTok = year, span{s.toks[y].Start, s.toks[y].End}
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

type dayForm uint8

const (
	dayNone    dayForm = iota // no day: the month comes first
	dayNumber                 // 7, 7 من, الـ7 من
	dayOrdinal                // السابع من
)

// dayAt reads a day at token j and returns it with the token where the
// month should be. With form dayNone, k is j itself; a day that is no day
// (a number past 31, an ordinal without من) returns 0 and another form.
func (s *scanner) dayAt(j int) (day, k int, form dayForm) {
	if s.articleNumber(j) { // الـ7 من سبتمبر
		j++
		n, key, _ := s.number(j)
		if len(key) > 2 || n < 1 || n > 31 {
			return 0, j, dayNumber
		}
		k = s.next(j)
		if s.kind(k) == wOf {
			k = s.next(k)
		}
		return n, k, dayNumber
	}
	if n, key, ok := s.number(j); ok {
		if len(key) > 2 || n < 1 || n > 31 {
			return 0, j, dayNumber
		}
		k = s.next(j)
		if s.kind(k) == wOf {
			k = s.next(k)
		}
		return n, k, dayNumber
	}
	if n, last := s.ordinalAt(j); n > 0 {
		k = s.next(last)
		if s.kind(k) != wOf {
			return 0, j, dayOrdinal
		}
		return n, s.next(k), dayOrdinal
	}
	return 0, j, dayNone
}

// articleNumber reports whether token i is the article written before a
// number (الـ7، ال7).
func (s *scanner) articleNumber(i int) bool {
	return i+1 < len(s.toks) && s.toks[i].Kind == arabic.Word && s.toks[i].Key == "ال" &&
		s.toks[i+1].Kind == arabic.Number && s.toks[i+1].Start == s.toks[i].End
}

// ordinalAt reads an ordinal day number (السابع، الحادي عشر، الثاني
// والعشرين، الثلاثين) at token j: the day and its last token, or 0.
func (s *scanner) ordinalAt(j int) (int, int) {
	key := func(i int) string {
		if i < 0 || s.toks[i].Kind != arabic.Word {
			return ""
		}
		return fold(s.toks[i].Key)
	}
	o := &s.v.ordinal
	w := key(j)
	if t, ok := o.ten[w]; ok {
		return t, j
	}
	u, ok := o.unit[w]
	if !ok {
		return 0, 0
	}
	k := s.next(j)
	next := key(k)
	if next == o.teen && u < 10 {
		return 10 + u, k
	}
	if strings.HasPrefix(next, "و") {
		if t, ok := o.ten[next[len("و"):]]; ok && u < 10 {
			return t + u, k
		}
	}
	if w == o.one {
		return 0, 0 // الحادي alone is no day
	}
	return u, j
}

// twinMonth reads the same month named in another system right after the
// month ending at token last: "أبريل (نيسان)", "يوليو/تموز", "كانون
// الأول (ديسمبر)". It returns the last token of the pair, or last.
func (s *scanner) twinMonth(last, n int, hijri bool) int {
	t := last + 1
	for t < len(s.toks) && s.toks[t].Kind == arabic.Space && s.toks[t].Breaks == 0 {
		t++
	}
	if t >= len(s.toks) || s.toks[t].Kind != arabic.Punct {
		return last
	}
	switch s.toks[t].Key {
	case "(":
		n2, h2, l2, ok := s.month(s.next(t), true)
		if c := s.next(l2); ok && n2 == n && h2 == hijri && s.punct(c, ")") {
			return c
		}
	case "/":
		if n2, h2, l2, ok := s.month(s.next(t), true); ok && n2 == n && h2 == hijri {
			return l2
		}
	}
	return last
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
		if last != j {
			m.yearTok = span{s.toks[last].Start, s.toks[last].End}
		}
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		m.year, m.month, m.day = a, b, c
		if last != j {
			m.yearTok = span{s.toks[j].Start, s.toks[j].End}
		}
	default:
		return false
	}
	// three numbers that cannot be a day and a month are a reference
	// (القرار 3-40-2012), a score or a code, and so is any number after رقم
	if m.month < 1 || m.month > 12 || m.day < 1 || m.day > 31 || s.reference(j) {
		return false
	}
	// a year between 1300 and 1500 is Hijri, with or without هـ
	if m.year >= 1300 && m.year <= 1500 {
		m.hijri = true
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

// reference reports whether the number at token j follows a word such as
// رقم, directly or after an opening parenthesis.
func (s *scanner) reference(j int) bool {
	i := s.prev(j)
	if s.punct(i, "(") {
		i = s.prev(i)
	}
	return s.kind(i) == wReference
}

// prev returns the previous non-space token before i on the same line, or -1.
func (s *scanner) prev(i int) int {
	for j := i - 1; j >= 0; j-- {
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

// parseAnchor reads "اليوم|أمس|غدا|يوم أمس|يوم غد|أول أمس|أول من أمس|أمس
// الأول|بعد غد [،] [(] weekday". A weekday with و (اليوم والخميس: two
// days) or a bare ambiguous form (يعد اليوم أحد أهم الكتب: "one of") is
// no anchor.
func (s *scanner) parseAnchor(i int) (anchor, int, bool) {
	if s.toks[i].Kind != arabic.Word {
		return anchor{}, 0, false
	}
	a := anchor{words: span{s.toks[i].Start, s.toks[i].End}}
	j := i
	if off, last, ok := s.phraseAt(i); ok {
		a.offset, j = off, last
	} else {
		switch s.kind(i) {
		case wToday:
			a.offset = 0
		case wYesterday:
			a.offset = -1
		case wTomorrow:
			a.offset = 1
		case wDay:
			k := s.next(i)
			if off, last, ok := s.phraseAt(k); ok { // يوم أمس الأول
				a.offset, j = off, last
				break
			}
			switch s.kind(k) {
			case wYesterday:
				a.offset, j = -1, k
			case wTomorrow:
				a.offset, j = 1, k
			default:
				return anchor{}, 0, false
			}
		default:
			return anchor{}, 0, false
		}
	}
	a.words.end = s.toks[j].End
	k := s.next(j)
	if s.punct(k, "،,") {
		k = s.next(k)
	}
	if s.punct(k, "(") { // اليوم (الاثنين)
		k = s.next(k)
	}
	n, sp, pre, ok := s.weekday(k, false)
	if !ok || strings.ContainsAny(pre, "وف") {
		return anchor{}, 0, false
	}
	if r := s.kind(s.next(k)); r == wPast || r == wFuture {
		return anchor{}, 0, false // يوم غد الخميس الماضي: the weekday is dated by الماضي, not by غد
	}
	a.weekday, a.wd, a.wdPrefix = n, sp, pre
	return a, k, true
}

// phraseAt reads a relative day of several words (أول أمس، أول من أمس، أمس
// الأول، بعد غد) at token i, و or ف allowed on its first word: its offset
// in days and its last token.
func (s *scanner) phraseAt(i int) (offset, last int, ok bool) {
	if i < 0 || s.toks[i].Kind != arabic.Word {
		return 0, 0, false
	}
	first := s.toks[i].Key
	bare := strings.TrimPrefix(strings.TrimPrefix(first, "و"), "ف")
	for _, ph := range s.v.phrases {
		if !ph.words[0][first] && !ph.words[0][bare] {
			continue
		}
		k, matched := i, true
		for _, w := range ph.words[1:] {
			k = s.next(k)
			if !s.isKey(k, w) {
				matched = false
				break
			}
		}
		if matched {
			return ph.offset, k, true
		}
	}
	return 0, 0, false
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
	switch m.relative {
	case wPast: // 8 مارس الماضي: the last 8 March before the dateline
		t, ok := civil(ref.Year(), m.month, m.day)
		if ok && !t.Before(ref) {
			t, ok = civil(ref.Year()-1, m.month, m.day)
		}
		return t, ok
	case wFuture: // 5 أيلول المقبل: the next one
		t, ok := civil(ref.Year(), m.month, m.day)
		if ok && !t.After(ref) {
			t, ok = civil(ref.Year()+1, m.month, m.day)
		}
		return t, ok
	case wCurrent: // 22 اغسطس الجاري: the dateline's year
		return civil(ref.Year(), m.month, m.day)
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
