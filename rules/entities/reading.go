package entities

import (
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// This file reads the words around a mention: which noun an adjective
// belongs to, the rank words between a title and a name, the sentence.

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[arabic.FoldHamza(arabic.Key(w))] = true
	}
	return m
}

// fold is the key a word is compared in: normalised, hamza folded.
func fold(t arabic.Token) string { return arabic.FoldHamza(t.Key) }

// ranks stand between a title (and its country adjective) and a name
// without changing whom the title describes: الرئيس النيجري الجنرال
// عبد الرحمن تياني. Honorifics are ranks here too.
var ranks = wordSet("الجنرال", "المشير", "الفريق", "اللواء", "العقيد", "العميد", "المقدم", "الرائد", "النقيب",
	"الأدميرال", "الأميرال", "الدكتور", "الدكتورة", "د", "الشيخ", "الشيخة", "السيد", "السيدة", "المهندس",
	"الحاج", "الأستاذ", "البروفيسور", "الملك", "الملكة", "الأمير", "الأميرة", "السلطان", "الإمام", "آية", "الله",
	"القائد", "المستشار", "المستشارة", "أول", "ركن")

// royal honorifics name a monarch or a prince: after an elected title
// (الرئيس المصري الملك …) they start another person.
var royal = wordSet("الملك", "الملكة", "الأمير", "الأميرة", "السلطان")

// elected reports whether the word before token i (a country adjective)
// is a president's or a minister's title.
func elected(toks []arabic.Token, i int) bool {
	w := prevWord(toks, i)
	if w < 0 {
		return false
	}
	key := fold(toks[w])
	for _, c := range []string{"و", "ف", "ل", "ب"} {
		if rest, ok := strings.CutPrefix(key, c); ok && electedTitles[rest] {
			return true
		}
	}
	return electedTitles[key]
}

var electedTitles = wordSet("الرئيس", "رئيس", "الرئيسة", "رئيسة", "الوزراء", "الوزير", "وزير", "الوزيرة", "وزيرة",
	"المستشار", "المستشارة", "الخارجية", "الحكومة")

// qualifiers stand between a title's adjective and the name: الرئيس
// الأمريكي السابق باراك أوباما.
var qualifiers = wordSet("السابق", "السابقة", "الأسبق", "الأسبقة", "الراحل", "الراحلة", "المنتخب", "المنتخبة",
	"المؤقت", "المؤقتة", "المكلف", "المكلفة", "الجديد", "الجديدة", "الحالي", "الحالية", "المقبل", "المقبلة")

// formerWords say that a title is no longer held, or that the sentence
// tells of a time past: السابق after the name or the adjective, آنذاك.
var formerWords = wordSet("السابق", "السابقة", "الأسبق", "الأسبقة", "الراحل", "الراحلة", "سابقا", "آنذاك",
	"حينها", "حينذاك", "وقتها", "وقتذاك", "يومها", "آنئذ", "عندئذ", "إبان", "عندما", "حين", "المنتهية", "المخلوع",
	"المعزول", "المستقيل", "المستقيلة", "الأسبقين", "السابقين", "الفقيد", "المغفور", "المرحوم")

// sentenceEnd reports whether token t ends a sentence.
func sentenceEnd(t arabic.Token) bool {
	switch t.Kind {
	case arabic.Space:
		return t.Breaks > 0
	case arabic.Punct:
		switch t.Key {
		case ".", "؟", "?", "!", "؛", ";", ":":
			return true
		}
	}
	return false
}

// sentence returns the token span of the sentence around tokens lo..hi.
func sentence(toks []arabic.Token, lo, hi int) (int, int) {
	for lo > 0 && !sentenceEnd(toks[lo-1]) {
		lo--
	}
	for hi+1 < len(toks) && !sentenceEnd(toks[hi+1]) {
		hi++
	}
	return lo, hi
}

// prevWord returns the word or number before token i in the same clause:
// only whitespace without a line break between; -1 when there is none.
func prevWord(toks []arabic.Token, i int) int {
	for i--; i >= 0; i-- {
		t := toks[i]
		switch {
		case t.Kind == arabic.Space && t.Breaks == 0:
		case t.Kind == arabic.Word || t.Kind == arabic.Number:
			return i
		default:
			return -1
		}
	}
	return -1
}

// nextWord is prevWord forwards.
func nextWord(toks []arabic.Token, i int) int {
	for i++; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.Kind == arabic.Space && t.Breaks == 0:
		case t.Kind == arabic.Word || t.Kind == arabic.Number:
			return i
		default:
			return -1
		}
	}
	return -1
}

// conj reports whether a word starts with the conjunction و or ف followed
// by a word of set (والأمير، وحسن when set is nil and the rest is long):
// a new noun phrase starts there.
func conj(key string, set map[string]bool) (string, bool) {
	for _, c := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(key, c); ok && set[rest] {
			return rest, true
		}
	}
	return key, false
}

// mentionAt returns the index of the mention that starts at token i, or -1.
func mentionAt(ms []mention, from, i int) int {
	for n := from; n < len(ms) && ms[n].first <= i; n++ {
		if ms[n].first == i {
			return n
		}
	}
	return -1
}

// mentionEndingAt returns the index of the mention that ends at token i,
// looking back from before, or -1.
func mentionEndingAt(ms []mention, before, i int) int {
	for n := before; n >= 0 && ms[n].last >= i; n-- {
		if ms[n].last == i {
			return n
		}
	}
	return -1
}

// conjoined reports whether a mention carries the conjunction و or ف as
// its proclitic: والأمير محمد بن سلمان starts a new noun phrase.
func (m *mention) conjoined() bool {
	return strings.HasPrefix(m.prefix, "و") || strings.HasPrefix(m.prefix, "ف")
}

// isPerson reports whether the mention may be a person.
func (k *Knowledge) isPerson(m *mention) bool {
	return k.entries[m.entry].has(func(s sense) bool { return s.kind == KindPerson })
}

// personAfter finds the person an adjective (mention j) describes: the
// mention right after it, past rank words and honorifics (الرئيس النيجري
// الجنرال عبد الرحمن تياني), a comma allowed after the adjective. A و
// before the next word (الرئيس المصري والأمير محمد بن سلمان) starts
// another noun phrase: no person then.
func (k *Knowledge) personAfter(p *lint.Pass, ms []mention, j int) int {
	toks := p.Tokens
	i := ms[j].last + 1
	// a comma right after the adjective: an apposition
	for i < len(toks) && toks[i].Kind == arabic.Space && toks[i].Breaks == 0 {
		i++
	}
	if i < len(toks) && toks[i].Kind == arabic.Punct && (toks[i].Key == "،" || toks[i].Key == ",") {
		i++
	}
	for ; i < len(toks) && toks[i].Kind == arabic.Space && toks[i].Breaks == 0; i++ {
	}
	for skipped := 0; i >= 0 && i < len(toks) && skipped < 4; skipped++ {
		if toks[i].Kind != arabic.Word {
			return -1
		}
		if royal[fold(toks[i])] && elected(toks, ms[j].first) {
			return -1 // الرئيس المصري الملك سلمان: a list of two people, not one
		}
		if n := mentionAt(ms, j+1, i); n >= 0 {
			m := &ms[n]
			if m.conjoined() {
				return -1
			}
			if k.isPerson(m) {
				return n
			}
			if k.entries[m.entry].cue&cueHonorific == 0 {
				return -1
			}

			i = nextWord(toks, m.last)
			continue
		}
		key := fold(toks[i])
		if !ranks[key] && !qualifiers[key] {
			return -1
		}
		i = nextWord(toks, i)
	}
	return -1
}

// properBefore reports whether the word before a definite adjective is a
// proper name the adjective describes (ليخ بوزنان البولندي، a club; ماري
// بول كيني، a surname): an Arabic word without the article, not a title
// or another cue, and not a noun with a pronoun (نظيره).
func (k *Knowledge) properBefore(p *lint.Pass, ms []mention, j int) bool {
	toks := p.Tokens
	i := prevWord(toks, ms[j].first)
	if i < 0 || toks[i].Kind != arabic.Word || !toks[i].Arabic {
		return false
	}
	if n := mentionEndingAt(ms, j-1, i); n >= 0 {
		e := &k.entries[ms[n].entry]
		// a title or a place: the checks of those read it
		return e.cue == 0 && !e.has(func(s sense) bool { return s.kind == KindCity || s.kind == KindCapital || s.kind == KindPlace })
	}
	key := fold(toks[i])
	for _, c := range []string{"", "و", "ف", "ب", "ل", "ك"} {
		if rest, ok := strings.CutPrefix(key, c); ok && (strings.HasPrefix(rest, "ال") || strings.HasPrefix(key, "لل")) {
			return false
		}
	}
	for _, suf := range []string{"ه", "ها", "هم", "هما", "هن", "نا", "كم"} {
		if strings.HasSuffix(key, suf) && len([]rune(key)) > len([]rune(suf))+2 {
			return false
		}
	}
	return !nationalityNouns[key]
}

// indefiniteOwner reports whether an adjective without the article follows
// a common noun it describes (مواطن كيني), not a given name (ماري بول كيني).
func indefiniteOwner(p *lint.Pass, m *mention) bool {
	i := prevWord(p.Tokens, m.first)
	if i < 0 || p.Tokens[i].Kind != arabic.Word {
		return false
	}
	key := fold(p.Tokens[i])
	if nationalityNouns[key] {
		return true
	}
	_, ok := conj(key, nationalityNouns)
	return ok
}

// nationalityNouns are common nouns an indefinite country adjective
// describes (مواطن كيني، لاعب غيني): only after them is such an adjective
// read as a nationality.
var nationalityNouns = wordSet("مواطن", "مواطنة", "مواطنين", "لاعب", "لاعبة", "لاعبين", "جندي", "جنود", "وفد",
	"رجل", "امرأة", "شاب", "شابة", "طفل", "طفلة", "مسؤول", "مسؤولة", "مسؤولين", "دبلوماسي", "عامل", "عمال",
	"طالب", "طالبة", "طلاب", "صحفي", "صحفية", "سائح", "سياح", "سفير", "وزير", "رئيس", "نظام", "جيش",
	"منتخب", "فريق", "نادي", "شركة", "بنك", "مصرف", "قارب", "سفينة", "طائرة", "مصدر", "مصادر", "نظير",
	"مهندس", "مهندسة", "طبيب", "طبيبة", "خبير", "خبيرة", "خبراء", "باحث", "باحثة", "مدرب", "مدربة", "كاتب", "كاتبة",
	"فنان", "فنانة", "مخرج", "مخرجة", "رجال", "نساء", "شباب", "أطفال", "مهاجر", "مهاجرين", "لاجئ", "لاجئين",
	"مقاتل", "مقاتلين", "ضابط", "ضباط", "تاجر", "تجار", "مستثمر", "مستثمرين", "ناشط", "ناشطة", "معارض", "سجين")

// occupations are the nouns of one person's trade: the adjective after them
// gives that person's nationality, which the writer states knowingly
// (للرسام الهولندي رامبراندت، المدرب التشيكي) even in a story about another
// country.
var occupations = wordSet("رسام", "كاتب", "كاتبة", "فنان", "فنانة", "مخرج", "مخرجة", "لاعب", "لاعبة", "مدرب",
	"روائي", "روائية", "شاعر", "شاعرة", "موسيقار", "مهاجم", "حارس", "مدافع", "نجم", "نجمة", "ممثل", "ممثلة",
	"مغني", "مغنية", "ملاكم", "عداء", "عداءة", "دولي", "باحث", "باحثة", "فيلسوف", "مفكر", "مؤرخ", "معماري",
	"مهندس", "طبيب", "طبيبة", "صحفي", "صحفية", "رحالة", "مستكشف", "مصمم", "مصممة", "مصور", "مؤلف", "ملحن",
	"عالم", "محترف", "قائد", "أسطورة", "بطل", "بطلة", "متسابق", "دراج", "سباح", "سباحة", "حكم", "وسيط")

// afterOccupation reports whether an adjective follows the noun of a
// trade, with or without the article and a proclitic.
func afterOccupation(p *lint.Pass, m *mention) bool {
	i := prevWord(p.Tokens, m.first)
	if i < 0 || p.Tokens[i].Kind != arabic.Word {
		return false
	}
	key := fold(p.Tokens[i])
	for _, pre := range []string{"", "ال", "وال", "فال", "بال", "لل", "و", "ل", "ب"} {
		if rest, ok := strings.CutPrefix(key, pre); ok && occupations[rest] {
			return true
		}
	}
	return false
}
