package dates

import (
	"sort"
	"strconv"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// EventDate makes the rule dates/event-date.
func EventDate() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "dates/event-date",
		Level:   lint.Warning,
		Summary: "one event given two different days in one article (عُقد الاجتماع الثلاثاء … الاجتماع الذي عُقد الأربعاء)",
		Doc: lint.Doc{
			What: "Reads the day given to an event of one day (الاجتماع، اللقاء، الجلسة، الهجوم، الانفجار، الحادث، الزلزال، " +
				"المباراة، الاستفتاء …, with the article) when a weekday or a date follows it within three words in the same " +
				"sentence (عُقد الاجتماع يوم الثلاثاء، الاجتماع الذي عُقد الأربعاء), and flags a later paragraph that gives the same " +
				"event another weekday or another date. A weekday and a date are compared through the dateline. Silent where " +
				"the event may be another one: an adjective that counts or places it (الاجتماع المقبل، الثاني، الأخير، المقرر), " +
				"two different adjectives (الاجتماع الوزاري، الاجتماع الطارئ), another year, a sentence that spans days (بدأ، " +
				"اختتم، حتى، يومي) or a day before or after it (قبل، منذ، عشية، من … إلى), an event put off (تأجيل، إرجاء, بدلا من), and two " +
				"days in one paragraph.",
			Why: "Rewritten and updated copy keeps the day of the first version in one paragraph and the corrected one in " +
				"another; the reader cannot tell which is right.",
			Wrong: "وعُقد الاجتماع يوم الثلاثاء في مقر الوزارة.\n\nوقال مصدر إن الاجتماع الذي عقد الأربعاء ناقش الموازنة.",
			Right: "وعُقد الاجتماع يوم الثلاثاء في مقر الوزارة.\n\nوقال مصدر إن الاجتماع الذي عقد الثلاثاء ناقش الموازنة.",
		},
	}, runEventDate)
}

// eventNouns are events of one day, without the article: an event of
// several days (قمة، مؤتمر، معرض، زيارة، انتخابات) may be given two days
// rightly.
var eventNouns = keySet("اجتماع", "لقاء", "جلسة", "هجوم", "انفجار", "حادث", "حادثة", "زلزال", "تفجير", "حريق",
	"مباراة", "اقتراع", "استفتاء", "اغتيال", "انقلاب", "تصويت", "اتصال", "حفل", "قرعة", "اعتداء", "تحطم", "غرق")

// instanceWords after the noun make it one of several (الاجتماع المقبل،
// الثاني، الأخير) or a plan that may have moved (المقرر).
var instanceWords = keySet("المقبل", "المقبلة", "القادم", "القادمة", "التالي", "التالية", "الأول", "الأولى",
	"الثاني", "الثانية", "الثالث", "الثالثة", "الرابع", "الرابعة", "الأخير", "الأخيرة", "السابق", "السابقة",
	"الماضي", "الماضية", "الآخر", "الأخرى", "الجديد", "الجديدة", "المرتقب", "المرتقبة", "المزمع", "المزمعة",
	"المقرر", "المقررة", "المنتظر", "المنتظرة", "الأسبوعي", "الأسبوعية", "الشهري", "الشهرية", "الدوري",
	"الدورية", "السنوي", "السنوية", "الأسبق", "المماثل", "المماثلة", "نفسه", "نفسها", "ذاته", "ذاتها")

// spanWords in the sentence of a day say that the event spans days, or
// that the day is another one's.
var spanWords = keySet("بدأ", "بدأت", "تبدأ", "يبدأ", "انطلق", "انطلقت", "تنطلق", "ينطلق", "اختتم", "اختتمت",
	"يختتم", "تختتم", "ينتهي", "تنتهي", "انتهى", "انتهت", "تستمر", "يستمر", "استمر", "استمرت", "حتى", "لمدة",
	"مدى", "يومي", "يومين", "أيام", "مطلع", "نهاية", "منتصف", "وحتى", "مقررا", "مقررة",
	"سيعقد", "ستعقد", "يعقد", "تعقد", "سيقام", "ستقام", "يستأنف", "تستأنف", "استئناف")

// beforeDay words right before the day make it another day than the
// event's (قبل الثلاثاء، منذ الأربعاء).
var beforeDay = keySet("قبل", "بعد", "منذ", "حتى", "إلى", "من", "عشية", "غداة", "قبيل", "بعيد", "مساء", "صباح",
	"ليلة", "فجر", "ظهر", "وقبل", "وبعد", "ومنذ", "كل", "بين", "وإلى")

// putOff words in a sentence of the event say that its day moved.
var putOff = keySet("تأجيل", "تأجيله", "تأجيلها", "أرجئ", "أرجئت", "إرجاء", "تأجل", "تأجلت", "أجلت", "أجل",
	"بدلا", "بدل", "تقديم", "موعده", "موعدها", "موعد", "أرجأ", "أرجأت", "يؤجل", "تؤجل")

func keySet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[arabic.FoldHamza(arabic.Key(w))] = true
	}
	return m
}

// eventDay is a day given to an event.
type eventDay struct {
	noun, qual string // the noun without the article; the adjective after it
	line       int
	weekday    int // -1: none
	day, month int // 0: none
	year       int
	at         span // the day as written, what a finding spans
	first      int  // its first token
	nounTok    int
}

func runEventDate(p *lint.Pass, v *vocab) {
	pr := parse(p, v)
	s := &scanner{p: p, v: v, toks: p.Tokens}
	var days []eventDay
	taken := map[int]bool{}
	add := func(d eventDay) {
		if e, ok := s.eventBefore(d.first); ok {
			d.noun, d.qual, d.nounTok = e.noun, e.qual, e.nounTok
			days = append(days, d)
		}
	}
	for _, m := range pr.mentions {
		if m == pr.datelineOf || m.hijri && m.year == 0 {
			continue
		}
		if m.weekday >= 0 {
			taken[m.wd.start] = true
		}
		if m.day == 0 && m.weekday < 0 {
			continue // a month or a year alone
		}
		add(eventDay{line: m.line, weekday: m.weekday, day: m.day, month: m.month, year: m.year, at: m.span, first: m.firstTok})
	}
	for _, a := range pr.anchors {
		taken[a.wd.start] = true
	}
	// bare weekdays: عُقد الاجتماع الثلاثاء، يوم الأربعاء
	line := 0
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if t.Kind == arabic.Space {
			line += int(t.Breaks)
			continue
		}
		// only a weekday or يوم starts a bare weekday: the lexicons'
		// quick tests (no false negatives) before any match
		if t.Kind != arabic.Word || !s.v.weekdays.MayMatch(s.p.Splits, i) && !s.v.words.MayMatch(s.p.Splits, i) {
			continue
		}
		first, k, amb := i, i, false
		if s.kind(i) == wDay {
			if k = s.next(i); k < 0 {
				continue
			}
			amb = true
		}
		n, sp, pre, ok := s.weekday(k, amb)
		if !ok || taken[sp.start] || strings.ContainsAny(pre, "وف") {
			continue
		}
		// الثلاثاء والأربعاء: two days
		if nx := s.next(k); nx >= 0 {
			if _, _, pre2, ok := s.weekday(nx, false); ok && strings.ContainsAny(pre2, "وف") {
				continue
			}
		}
		add(eventDay{line: line, weekday: n, at: sp, first: first})
		i = k
	}
	if len(days) < 2 {
		return
	}
	sort.Slice(days, func(i, j int) bool { return days[i].at.start < days[j].at.start })
	// drop days whose sentence spans days or puts the event off
	off := map[string]bool{}
	kept := days[:0]
	for _, d := range days {
		lo, hi := s.sentenceOf(d.first)
		spans := false
		for i := lo; i <= hi; i++ {
			if s.toks[i].Kind != arabic.Word {
				continue
			}
			w := strings.TrimPrefix(arabic.FoldHamza(s.toks[i].Key), "و")
			if putOff[w] && !(w == "اجل" && s.prevKey(i) == "من") {
				off[d.noun] = true
			}
			if spanWords[w] || spanWords[arabic.FoldHamza(s.toks[i].Key)] {
				spans = true
			}
		}
		if !spans {
			kept = append(kept, d)
		}
	}
	days = kept
	// a noun read with two different adjectives names two events: its
	// uses without one could be either
	quals := map[string]string{}
	for _, d := range days {
		if d.qual == "" {
			continue
		}
		if q, ok := quals[d.noun]; ok && q != d.qual {
			off[d.noun] = true
		}
		quals[d.noun] = d.qual
	}
	for i := range days {
		a := &days[i]
		if off[a.noun] {
			continue
		}
		// the day most of the others agree with is the reference
		best, bestAgree := -1, -1
		group := 0
		for j := range days {
			b := &days[j]
			if !oneEvent(a, b) {
				continue
			}
			group++
			agree := 0
			for l := range days {
				if c := &days[l]; oneEvent(b, c) && !conflict(b, c, pr) {
					agree++
				}
			}
			if agree > bestAgree {
				best, bestAgree = j, agree
			}
		}
		if group < 2 || best == i {
			continue
		}
		ref := &days[best]
		if ref.line == a.line || !conflict(a, ref, pr) {
			continue
		}
		p.Report(lint.Diagnostic{
			Start: a.at.start, End: a.at.end,
			Message: p.T("conflict", text(p, a.at), text(p, span{s.toks[a.nounTok].Start, s.toks[a.nounTok].End}),
				text(p, ref.at), strconv.Itoa(p.Doc.Pos(ref.at.start).Line)),
		})
	}
}

// oneEvent: the same noun, no two different adjectives, no two years.
func oneEvent(a, b *eventDay) bool {
	return a.noun == b.noun && (a.qual == "" || b.qual == "" || a.qual == b.qual) &&
		(a.year == 0 || b.year == 0 || a.year == b.year)
}

// conflict reports whether two days given to one event cannot both be
// right.
func conflict(a, b *eventDay, pr *parsed) bool {
	if a.year != 0 && b.year != 0 && a.year != b.year {
		return false // another year: another event
	}
	if a.day != 0 && b.day != 0 {
		if a.day != b.day || a.month != b.month {
			return true
		}
		return false // one date: its weekday is weekday-mismatch's
	}
	if a.weekday >= 0 && b.weekday >= 0 {
		return a.weekday != b.weekday
	}
	// a weekday and a date: through the date's year or the dateline
	wd, dated := a, b
	if a.weekday < 0 {
		wd, dated = b, a
	}
	if wd.weekday < 0 || dated.day == 0 {
		return false
	}
	m := mention{day: dated.day, month: dated.month, year: dated.year}
	var ref = pr.dateline
	if !pr.hasDateline && dated.year == 0 {
		return false
	}
	t, ok := m.resolve(ref)
	return ok && int(t.Weekday()) != wd.weekday
}

// event is the noun a day is given to.
type event struct {
	noun, qual string
	nounTok    int
}

// eventBefore finds the event noun among the four words before token i
// (a day) in the same clause: الاجتماع [الذي عُقد] [يوم] الثلاثاء.
func (s *scanner) eventBefore(i int) (event, bool) {
	if w := s.prev(i); w >= 0 && beforeDay[arabic.FoldHamza(s.toks[w].Key)] {
		return event{}, false
	}
	j := i
	for words := 0; words < 4; words++ {
		j = s.prevSameClause(j)
		if j < 0 {
			return event{}, false
		}
		noun, ok := definiteNoun(arabic.FoldHamza(s.toks[j].Key))
		if !ok || !eventNouns[noun] {
			continue
		}
		e := event{noun: noun, nounTok: j}
		if n := s.next(j); n >= 0 && n < i && s.toks[n].Kind == arabic.Word {
			q := arabic.FoldHamza(s.toks[n].Key)
			if instanceWords[q] {
				return event{}, false
			}
			if strings.HasPrefix(q, "ال") && s.kind(n) == wNone && !s.isWeekday(n) && q != "الذي" && q != "التي" {
				e.qual = q
			}
		}
		return e, true
	}
	return event{}, false
}

func (s *scanner) isWeekday(i int) bool {
	_, _, _, ok := s.weekday(i, true)
	return ok
}

// definiteNoun strips the article and a proclitic before it (والاجتماع،
// بالاجتماع، للاجتماع).
func definiteNoun(key string) (string, bool) {
	if rest, ok := strings.CutPrefix(key, "لل"); ok {
		return rest, true
	}
	for _, c := range []string{"وال", "فال", "بال", "كال", "وبال", "ال"} {
		if rest, ok := strings.CutPrefix(key, c); ok {
			return rest, true
		}
	}
	return "", false
}

// prevSameClause returns the word before token i with only spaces (no
// line break) between, or -1.
func (s *scanner) prevSameClause(i int) int {
	for j := i - 1; j >= 0; j-- {
		t := s.toks[j]
		switch {
		case t.Kind == arabic.Space && t.Breaks == 0:
		case t.Kind == arabic.Word:
			return j
		default:
			return -1
		}
	}
	return -1
}

func (s *scanner) prevKey(i int) string {
	if j := s.prevSameClause(i); j >= 0 {
		return arabic.FoldHamza(s.toks[j].Key)
	}
	return ""
}

// sentenceOf returns the token span of the sentence around token i.
func (s *scanner) sentenceOf(i int) (int, int) {
	end := func(t arabic.Token) bool {
		switch t.Kind {
		case arabic.Space:
			return t.Breaks > 0
		case arabic.Punct:
			return strings.Contains(".؟?!؛;", t.Key)
		}
		return false
	}
	lo, hi := i, i
	for lo > 0 && !end(s.toks[lo-1]) {
		lo--
	}
	for hi+1 < len(s.toks) && !end(s.toks[hi+1]) {
		hi++
	}
	return lo, hi
}
