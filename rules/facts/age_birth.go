package facts

import (
	"strconv"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// AgeBirth makes the rule facts/age-birth.
func AgeBirth() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "facts/age-birth",
		Kind:     lint.Code,
		Category: "facts",
		Level:    lint.Warning,
		Summary:  "an age that the birth year and the dateline contradict (المولود عام 1960 … البالغ من العمر 50 عاما, in 2024)",
		Doc: lint.Doc{
			What:  "Finds a birth year (المولود عام 1960، من مواليد 1960، ولد في 3 مايو 1960) and an age in years (البالغ من العمر 50 عاما، يبلغ 50 عاما، عمره 50 عاما, or in brackets after the name) that belong to one person: both in one sentence that has no other of either, or each after the same name. Against the dateline the age must be the years since the birth year or one less, one year either side tolerated. An age at another time (توفي عن، كان، آنذاك، عندما, another year in the sentence) and a person whose death the sentences speak of are left alone. Without a dateline the rule is silent.",
			Why:   "An age copied from an older story, or a birth year mistyped, puts a wrong figure in a profile, and readers do the subtraction.",
			Wrong: "الرياض، 10 مارس 2024 (واس) - افتتح الكاتب سالم الحربي، المولود عام 1960، معرضه الأول، وقال الحربي، البالغ من العمر 50 عاما، إن المعرض ثمرة عقد من العمل.",
			Right: "الرياض، 10 مارس 2024 (واس) - افتتح الكاتب سالم الحربي، المولود عام 1960، معرضه الأول، وقال الحربي، البالغ من العمر 63 عاما، إن المعرض ثمرة عقد من العمل.",
		},
		Run: runAgeBirth,
	}, nil
}

// birthWords open a birth year: المولود عام 1960، من مواليد 1960، ولد في.
var birthWords = map[string]bool{
	"المولود": true, "المولودة": true, "مواليد": true, "ولد": true, "ولدت": true, "مولود": true,
	"مولودة": true, "المولودين": true,
}

// ageWords open an age: البالغ من العمر، يبلغ، عمره.
var ageWords = map[string]bool{
	"البالغ": true, "البالغة": true, "يبلغ": true, "تبلغ": true, "عمره": true, "عمرها": true,
	"البالغين": true,
}

// yearsWords count an age.
var yearsWords = map[string]bool{"عاما": true, "عاماً": true, "سنة": true, "عام": true}

// pastWords put an age at another time than the dateline, or speak of a
// death.
var pastWords = []string{
	"توفي", "توفى", "توفيت", "وفاة", "وفات", "المتوفى", "المتوفي", "رحل", "رحيل", "الراحل",
	"الفقيد", "الفقيدة", "كان", "كانت", "آنذاك", "انذاك", "حينها", "حينذاك", "عندما", "حين",
	"وقتها", "قتل", "مقتل", "اغتيل", "اغتيال", "لقي", "استشهد", "مات", "ماتت", "رحمه",
	"عمر", "يرحمه", "ناهز", "يناهز", "سيبلغ", "ستبلغ", "سيكون", "ستكون", "قبل", "بعد", "حتى", "منذ",
	"أصبح", "أصبحت", "صار", "صارت", "بات", "أعدم", "إعدام", "الشهيد", "جثة", "جثمان", "دفن",
	"مقبرة", "العزاء", "عزاء", "نعى", "نعت", "نعي", "الموت", "وفاته", "وفاتها",
}

type mention struct {
	value int // the year or the age
	sent  int // the sentence
	who   string
	start int // the finding's span (ages)
	end   int
}

func runAgeBirth(p *lint.Pass) {
	if !p.Facts.Dateline.Known() {
		return
	}
	year := p.Facts.Dateline.Date.Year()
	toks := p.Tokens
	ss := sentences(p)
	var births, ages []mention
	for si, s := range ss {
		past := false
		for i := s.lo; i < s.hi; i++ {
			if toks[i].Kind == arabic.Word && isWordIn(toks[i].Key, pastWords) {
				past = true
				break
			}
		}
		nb, na := len(births), len(ages)
		for i := s.lo; i < s.hi; i++ {
			t := &toks[i]
			switch {
			case t.Kind == arabic.Word && birthWords[bare(t.Key)]:
				if y, ok := birthYear(toks, i, s, year); ok {
					births = append(births, mention{value: y, sent: si, who: who(toks, i, s)})
				}
			case t.Kind == arabic.Word && ageWords[bare(t.Key)],
				t.Kind == arabic.Punct && t.Key == "(":
				if a, st, en, ok := ageAt(toks, i, s); ok {
					ages = append(ages, mention{value: a, sent: si, who: who(toks, i, s), start: toks[st].Start, end: toks[en].End})
				}
			}
		}
		if past {
			// a death, or an age told at another time: nothing here pairs
			for k := nb; k < len(births); k++ {
				births[k].sent, births[k].who = -1, ""
			}
		}
		if past || otherYear(toks, s, year, births[nb:]) {
			for k := na; k < len(ages); k++ {
				ages[k].sent, ages[k].who = -1, ""
			}
		}
	}
	if len(births) == 0 || len(ages) == 0 {
		return
	}
	for _, a := range ages {
		if a.sent < 0 {
			continue
		}
		b, ok := pair(a, births, ages)
		if !ok {
			continue
		}
		lo, hi := year-b-1, year-b
		if a.value >= lo-1 && a.value <= hi+1 {
			continue
		}
		p.Report(lint.Diagnostic{
			Start: a.start, End: a.end,
			Message: p.T("message", strconv.Itoa(b), strconv.Itoa(lo), strconv.Itoa(hi), strconv.Itoa(year), strconv.Itoa(a.value)),
		})
	}
}

func isWordIn(key string, words []string) bool {
	b := bare(key)
	for _, w := range words {
		if key == w || b == w || strings.HasPrefix(b, "ب") && b[len("ب"):] == w {
			return true
		}
	}
	return false
}

// otherYear reports whether the sentence names a year other than the
// dateline's and its birth years: an age told at another time (في عام 2010
// وكان عمره).
func otherYear(toks []arabic.Token, s span, dateline int, births []mention) bool {
next:
	for i := s.lo; i < s.hi; i++ {
		if toks[i].Kind != arabic.Number || len(toks[i].Key) != 4 {
			continue
		}
		n, ok := intValue(toks[i].Key)
		if !ok || n < 1900 || n > 2100 || n == dateline {
			continue
		}
		for _, b := range births {
			if b.value == n {
				continue next
			}
		}
		return true
	}
	return false
}

// pair finds the birth year the age a belongs to: the one birth of its
// sentence when the sentence has one age, else the one birth year given
// after the same name.
func pair(a mention, births, ages []mention) (int, bool) {
	inSent, agesIn := 0, 0
	var y int
	for _, b := range births {
		if b.sent == a.sent {
			inSent++
			y = b.value
		}
	}
	for _, o := range ages {
		if o.sent == a.sent {
			agesIn++
		}
	}
	if inSent == 1 && agesIn == 1 {
		// one of each: the same person unless each follows another name
		for _, b := range births {
			if b.sent == a.sent && (b.who == "" || a.who == "" || b.who == a.who) {
				return y, true
			}
		}
		return 0, false
	}
	if inSent > 0 || a.who == "" {
		return 0, false
	}
	found := false
	for _, b := range births {
		if b.who != a.who {
			continue
		}
		if found && b.value != y {
			return 0, false
		}
		y, found = b.value, true
	}
	return y, found
}

// birthYear reads the year after a birth word at i: within six tokens,
// after عام، سنة، في or a day and a month, a year before the dateline's.
func birthYear(toks []arabic.Token, i int, s span, dateline int) (int, bool) {
	j := i
	for n := 0; n < 5; n++ {
		j = next(toks, j, s.hi)
		if j >= s.hi {
			return 0, false
		}
		t := &toks[j]
		if t.Kind == arabic.Number {
			if len(t.Key) != 4 {
				continue // the day of 3 مايو 1960
			}
			y, ok := intValue(t.Key)
			if !ok || y < 1900 || y >= dateline || glued(toks, j) {
				return 0, false
			}
			return y, true
		}
		if t.Kind != arabic.Word {
			return 0, false
		}
	}
	return 0, false
}

// ageAt reads the age after an age word, or in brackets at i: (50 عاما).
// It returns the age and the tokens of its figure and its unit.
func ageAt(toks []arabic.Token, i int, s span) (age, start, end int, ok bool) {
	j := i
	bracket := toks[i].Kind == arabic.Punct
	for n := 0; n < 3; n++ {
		j = next(toks, j, s.hi)
		if j >= s.hi {
			return 0, 0, 0, false
		}
		if toks[j].Kind == arabic.Number {
			break
		}
		if bracket || !isWord(toks, j, "من", "العمر", "عمره", "عمرها") {
			return 0, 0, 0, false
		}
	}
	if toks[j].Kind != arabic.Number || glued(toks, j) {
		return 0, 0, 0, false
	}
	a, ok := intValue(toks[j].Key)
	if !ok || a < 1 || a > 120 {
		return 0, 0, 0, false
	}
	u := next(toks, j, s.hi)
	if u >= s.hi || toks[u].Kind != arabic.Word || !yearsWords[toks[u].Key] {
		return 0, 0, 0, false
	}
	if bracket {
		if c := next(toks, u, s.hi); c >= s.hi || toks[c].Key != ")" {
			return 0, 0, 0, false
		}
	}
	return a, j, u, true
}

// generic are common nouns before an age or a birth year that name no
// one person in particular.
var generic = map[string]bool{
	"الرجل": true, "الشاب": true, "المرأة": true, "الفتاة": true, "الطفل": true, "الطفلة": true,
	"السيدة": true, "المتهم": true, "الضحية": true, "المواطن": true, "المقيم": true, "العامل": true,
	"الشخص": true, "الجاني": true, "المصاب": true, "الابن": true, "الأب": true, "الأم": true,
	"الزوج": true, "الزوجة": true, "اللاعب": true, "الطالب": true, "الطالبة": true, "شاب": true,
	"رجل": true, "امرأة": true, "طفل": true, "طفلة": true, "فتاة": true, "سيدة": true,
}

// who is the name before a birth or an age word: the word before it,
// past a comma or a bracket (سالم الحربي، المولود; الحربي (50 عاما)); ""
// for a common noun or anything else.
func who(toks []arabic.Token, i int, s span) string {
	j := prev(toks, i, s.lo)
	if j >= s.lo && toks[j].Kind == arabic.Punct && (toks[j].Key == "،" || toks[j].Key == "(" || toks[j].Key == ",") {
		j = prev(toks, j, s.lo)
	}
	if isWord(toks, j, "من") {
		j = prev(toks, j, s.lo) // من مواليد
		if j >= s.lo && toks[j].Kind == arabic.Punct && toks[j].Key == "،" {
			j = prev(toks, j, s.lo)
		}
	}
	if j < s.lo || toks[j].Kind != arabic.Word || !toks[j].Arabic || generic[toks[j].Key] || len(toks[j].Key) < 3*2 {
		return ""
	}
	return toks[j].Key
}
