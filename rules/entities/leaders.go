package entities

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/dates"
)

// Office is an office a Term is held in.
type Office uint8

const (
	NoOffice Office = iota
	HeadOfState
	HeadOfGovernment
	ForeignMinister
	UNSecretaryGeneral
	ArabLeagueSecretaryGeneral
)

var officeNames = [...]string{"", "head_of_state", "head_of_government", "foreign_minister",
	"un_secretary_general", "arab_league_secretary_general"}

func (o Office) String() string { return officeNames[o] }

// Day is a date as days since 1 January 1970 (UTC).
type Day int32

// Open is the end of a term not yet over.
const Open Day = math.MaxInt32

func dayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Time is the day at 00:00 UTC.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Term is one term of a person in an office.
type Term struct {
	Office Office
	Title  string // as the data writes it: رئيس الوزراء
	From   Day
	To     Day  // Open while in office
	Fuzzy  bool // a bound is approximate to the month
}

// slack is how far past a bound a date may fall and still be read as
// inside the term.
func (t Term) slack() Day {
	if t.Fuzzy {
		return 31
	}
	return 1
}

// termData is a [[person.term]] table of data/leaders_*.toml.
type termData struct {
	Office string    `toml:"office"`
	Title  string    `toml:"title"`
	From   time.Time `toml:"from"`
	To     time.Time `toml:"to"`
	Fuzzy  bool      `toml:"fuzzy"`
}

func (t termData) term() (Term, error) {
	var o Office
	for i, n := range officeNames {
		if i > 0 && n == t.Office {
			o = Office(i)
		}
	}
	if o == NoOffice {
		return Term{}, fmt.Errorf("office %q: want one of %s", t.Office, strings.Join(officeNames[1:], ", "))
	}
	if t.From.IsZero() {
		return Term{}, fmt.Errorf("office %s: no from date", t.Office)
	}
	out := Term{Office: o, Title: t.Title, From: dayOf(t.From), To: Open, Fuzzy: t.Fuzzy}
	if !t.To.IsZero() {
		out.To = dayOf(t.To)
		if out.To <= out.From {
			return Term{}, fmt.Errorf("office %s: from %s is not before to %s", t.Office,
				t.From.Format(time.DateOnly), t.To.Format(time.DateOnly))
		}
	}
	return out, nil
}

// addPersons adds the persons of the data, merging those with the same
// first name (in people.toml and in one or more leaders files, or a
// country's leaders) into one with every alias and every term. A person
// given two countries is an error.
func (k *Knowledge) addPersons(persons []personData, docs []string) error {
	byName := map[string]int{}
	for i, p := range k.Persons {
		byName[arabic.Key(p.Names[0])] = i
	}
	for i, p := range persons {
		c, ok := k.byCode[p.Country]
		if !ok {
			return fmt.Errorf("%s: person %v: unknown country %q", docs[i], p.Names, p.Country)
		}
		if len(p.Names) == 0 {
			return fmt.Errorf("%s: a person of %s has no names", docs[i], p.Country)
		}
		var terms []Term
		for _, td := range p.Term {
			t, err := td.term()
			if err != nil {
				return fmt.Errorf("%s: person %s: %v", docs[i], p.Names[0], err)
			}
			terms = append(terms, t)
		}
		key := arabic.Key(p.Names[0])
		j, seen := byName[key]
		if !seen {
			byName[key] = len(k.Persons)
			k.Persons = append(k.Persons, Person{Names: append([]string(nil), p.Names...), Country: c, Role: p.Role, Terms: terms})
			continue
		}
		q := &k.Persons[j]
		if q.Country != c {
			return fmt.Errorf("%s: person %s: country %s, but %s elsewhere", docs[i], p.Names[0], p.Country, k.Countries[q.Country].Code)
		}
		for _, n := range p.Names {
			if !containsStr(q.Names, n) {
				q.Names = append(q.Names, n)
			}
		}
		if q.Role == "" {
			q.Role = p.Role
		}
		q.Terms = append(q.Terms, terms...)
	}
	return nil
}

// title is what titleBefore read before a person.
type title struct {
	office    Office
	un, arab  bool // the secretary-general of the UN, of the Arab League
	countries []int
	start     int // byte offset where the title starts
	// atStart..at is what السابق follows: the adjective, the country or
	// the organisation
	atStart, at int
	feminine    bool // رئيسة، وزيرة: السابقة
}

// blockers are nouns that make the title another person's office: نائب
// رئيس الوزراء، المتحدث باسم الرئيس.
var blockers = wordSet("نائب", "نائبة", "مساعد", "مساعدة", "مستشار", "مستشارة", "مكتب", "ديوان", "باسم",
	"متحدث", "المتحدث", "ناطق", "الناطق", "زوجة", "زوج", "حرم", "عقيلة", "أرملة", "نجل", "ابن", "ابنة", "شقيق",
	"شقيقة", "مبعوث", "المبعوث", "ممثل", "سفير", "منصب", "لمنصب", "قصر", "حكومة", "إدارة", "عهد", "ولاية", "فترة",
	"خلف", "سلف", "مرشح", "المرشح", "خليفة", "مقر", "موكب", "طائرة", "حراس", "أمن", "مدير", "أمين", "رئيس", "والد",
	"والدة", "ضيف", "صورة", "صور", "اغتيال", "وفاة", "جنازة", "أنصار", "معارضو", "مؤيدو", "حزب", "حكم", "ظل",
	"زمن", "أيام", "عصر", "سقوط", "نظام", "رحيل", "مقتل", "إطاحة", "الإطاحة")

// bare strips a proclitic off a title word: والرئيس، للرئيس، بالرئيس →
// الرئيس; وزير after و → وزير.
func bare(key string) string {
	if rest, ok := strings.CutPrefix(key, "لل"); ok {
		return "ال" + rest
	}
	for _, c := range []string{"وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"} {
		if rest, ok := strings.CutPrefix(key, c); ok && len(rest) >= 6 && (strings.HasPrefix(rest, "ال") || titleHeads[rest]) {
			return rest
		}
	}
	return key
}

var titleHeads = wordSet("رئيس", "رئيسة", "وزير", "وزيرة", "ملك", "ملكة", "أمير", "سلطان", "عاهل", "أمين")

// foldAt is the folded key of word token i, "" for anything else.
func foldAt(toks []arabic.Token, i int) string {
	if i < 0 || toks[i].Kind != arabic.Word {
		return ""
	}
	return fold(toks[i])
}

// titleEnd walks back from the word before token first (a person
// mention) over rank words, qualifiers and the words that make a title
// former (السابق …), four words at most, to the word a title would end
// with: its index (-1: the text starts first) and whether a former word
// was met. stop, when set, ends the walk at a word it accepts.
func titleEnd(toks []arabic.Token, first int, stop func(w string) bool) (i int, former bool) {
	i = prevWord(toks, first)
	for steps := 0; i >= 0 && steps < 4; steps++ {
		w := foldAt(toks, i)
		if stop != nil && stop(w) {
			break
		}
		if formerWords[w] {
			former = true
		} else if !ranks[w] && !qualifiers[w] {
			break
		}
		i = prevWord(toks, i)
	}
	return i, former
}

// titleBefore reads the title before person mention n: a title, the
// country's adjective (or a country name after a title in construct, or
// the organisation of a secretary-general), rank words. ok is false when
// there is no clear title; former when السابق or the like stands between.
func (k *Knowledge) titleBefore(p *lint.Pass, ms []mention, n int) (t title, former, ok bool) {
	toks := p.Tokens
	key := func(i int) string { return foldAt(toks, i) }
	i, former := titleEnd(toks, ms[n].first, nil)
	if i < 0 {
		return t, former, false
	}
	construct := false
	if a := mentionEndingAt(ms, n-1, i); a >= 0 {
		am := &ms[a]
		e := &k.entries[am.entry]
		switch {
		case am.language:
			return t, former, false
		case e.has(func(s sense) bool { return s.kind.adjective() }) && am.definite(p):
			t.countries, _ = k.sensesOf(am, func(s sense) bool { return s.kind.adjective() })
		case e.has(func(s sense) bool { return s.kind == KindName }) && !am.definite(p) && am.prefix == "":
			t.countries, _ = k.sensesOf(am, func(s sense) bool { return s.kind == KindName })
			construct = true
		default:
			return t, former, false
		}
		t.atStart, t.at = am.start, am.end
		i = prevWord(toks, am.first)
	} else {
		// الأمين العام للأمم المتحدة، لجامعة الدول العربية، للجامعة العربية
		w1, w2 := key(i), key(prevWord(toks, i))
		switch {
		case w1 == "المتحدة" && (w2 == "للامم" || w2 == "الامم"):
			t.un = true
		case w1 == "العربية" && (w2 == "للجامعة" || w2 == "الجامعة" || w2 == "الدول"):
			t.arab = true
		default:
			return t, former, false
		}
		t.atStart, t.at = toks[prevWord(toks, i)].Start, toks[i].End
		i = prevWord(toks, prevWord(toks, i))
		if t.arab && w2 == "الدول" {
			if w := key(i); w != "لجامعة" && w != "جامعة" {
				return t, former, false
			}
			i = prevWord(toks, i)
		}
		if key(i) != "العام" || bare(key(prevWord(toks, i))) != "الامين" && bare(key(prevWord(toks, i))) != "امين" {
			return t, former, false
		}
		i = prevWord(toks, i)
		t.start = toks[i].Start
		t.office = UNSecretaryGeneral
		if t.arab {
			t.office = ArabLeagueSecretaryGeneral
		}
		return t, former, !blockers[bare(key(prevWord(toks, i)))]
	}
	if i < 0 {
		return t, former, false
	}
	w, head := key(i), i
	prev := bare(key(prevWord(toks, i)))
	switch {
	case !construct && (w == "الوزراء" || w == "الحكومة") || construct && w == "وزراء":
		if prev == "رئيس" || prev == "رئيسة" {
			t.office, head = HeadOfGovernment, prevWord(toks, i)
		}
	case !construct && w == "الخارجية" || construct && w == "خارجية":
		if prev == "وزير" || prev == "وزيرة" {
			t.office, head = ForeignMinister, prevWord(toks, i)
		}
	case !construct && (w == "الجمهورية" || w == "الدولة"):
		if prev == "رئيس" || prev == "رئيسة" {
			t.office, head = HeadOfState, prevWord(toks, i)
		}
	default:
		switch b := bare(w); {
		// a monarch keeps the title of king or emir after abdicating (الملك
		// خوان كارلوس، الأمير الوالد): only العاهل, the reigning one, is checked
		case !construct && (b == "الرئيس" || b == "الرئيسة" || b == "العاهل"):
			t.office = HeadOfState
		case construct && (b == "رئيس" || b == "رئيسة" || b == "عاهل"):
			t.office = HeadOfState
		case !construct && (b == "المستشار" || b == "المستشارة"):
			t.office = HeadOfGovernment
		}
	}
	if t.office == NoOffice {
		return t, former, false
	}
	t.start = toks[head].Start
	t.feminine = strings.HasSuffix(key(head), "ة")
	return t, former, !blockers[bare(key(prevWord(toks, head)))]
}

// person is the one person a mention names (an index of k.Persons), or
// -1 when it names none or two persons of that name.
func (k *Knowledge) person(m *mention) int {
	who := -1
	for _, s := range k.entries[m.entry].senses {
		if s.kind != KindPerson {
			continue
		}
		if who >= 0 && who != s.form {
			return -1
		}
		who = s.form
	}
	return who
}

// terms checks a title before a person against the person's terms in that
// office (knowledge-claim, with a dateline): رئيس الوزراء الهولندي مارك
// روته in an article dated after 2 July 2024.
func (k *Knowledge) terms(p *lint.Pass, ms []mention, today Day) {
	toks := p.Tokens
	for n := range ms {
		m := &ms[n]
		who := k.person(m)
		if who < 0 || len(k.Persons[who].Terms) == 0 || m.conjoined() {
			continue
		}
		pr := &k.Persons[who]
		t, former, ok := k.titleBefore(p, ms, n)
		if !ok || former || t.countries != nil && !containsInt(t.countries, pr.Country) {
			continue
		}
		var last *Term
		inside, started := false, false
		for i := range pr.Terms {
			tm := &pr.Terms[i]
			if tm.Office != t.office {
				continue
			}
			if tm.From-tm.slack() <= today {
				started = true
			}
			if tm.From-tm.slack() <= today && (tm.To == Open || today <= tm.To+tm.slack()) {
				inside = true
			}
			if tm.To != Open && tm.To < today && (last == nil || tm.To > last.To) {
				last = tm
			}
		}
		if inside || !started || last == nil {
			continue
		}
		if k.pastSentence(toks, m, today.Time().Year()-1) {
			continue
		}
		written := p.Text[t.atStart:t.at]
		word := "السابق"
		if t.feminine {
			word = "السابقة"
		}
		fix := written + " " + word
		ttl := last.Title
		if ttl == "" {
			ttl = strings.TrimSpace(p.Text[t.start:t.atStart])
		}
		p.Report(lint.Diagnostic{
			Start: t.atStart, End: t.at,
			Message: p.T("left-office", pr.Names[0], ttl, dates.Day(p.Lang(), last.To.Time()), dates.Day(p.Lang(), today.Time()), fix),
			Fixes:   []lint.SuggestedFix{lint.Replace(t.atStart, t.at, fix, lint.Unsafe)},
		})
	}
}

// pastSentence reports whether the sentence of a mention tells of a time
// past: a word such as السابق or آنذاك, or a year up to endYear, the year
// before the article's (قال عام 2015 رئيس الوزراء …).
func (k *Knowledge) pastSentence(toks []arabic.Token, m *mention, endYear int) bool {
	lo, hi := sentence(toks, m.first, m.last)
	for i := lo; i <= hi; i++ {
		t := toks[i]
		switch t.Kind {
		case arabic.Word:
			if formerWords[fold(t)] {
				return true
			}
		case arabic.Number:
			if len(t.Key) == 4 && t.Key >= "1900" && t.Key <= strconv.Itoa(endYear) {
				return true
			}
		}
	}
	return false
}
