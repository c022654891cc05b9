package lexicon

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/typography"
)

// class is a confusion class: the letters a writer confuses, each class
// one rule.
type class uint8

const (
	hamza       class = iota // ا for أ إ آ, a wrong seat (ىء for ئ)
	taaMarbuta               // final ه for ة and ة for ه
	alefMaqsura              // final ي for ى and ى for ي
	verbTaa                  // final ة for the verb's ت
	runTogether              // a particle glued to the next word
	splitClitic              // و ف ب ك ل set apart by a space
	nClasses
)

// verdict is what the rules say about one word: its class and its
// replacements, best first, in key form (a space in a run-together
// replacement). A word that is not flagged has no verdict (nil).
type verdict struct {
	class class
	cands []string
	// news: the best replacement is a frequent news form, not only a
	// dictionary's word
	news bool
}

// cand is one replacement of a rejected word.
type cand struct {
	word    string
	class   class
	changes int  // letters changed: one, or a hamza and a final letter
	news    bool // a frequent news form (typography.NewsWord)
	// rare: a change that turns names into words, made only when the
	// result is a news form: a single-letter proclitic read before a
	// missing hamza (لاهور → لأهور، فاين → فأين), a hamza taken off
	// (إنتر → انتر), a medial one added (لوران → لورأن), a verb's ت
	// (نورة → نورت), ى for ي and back (الحياري → الحيارى), a particle cut
	// off (إنفيديا → إن فيديا)
	rare  bool
	order int
}

// twoLetter are the two-letter words that are checked: the others are
// more often letters of a transliterated acronym.
var twoLetter = map[string]bool{"ان": true, "او": true, "اي": true, "ام": true, "اذ": true, "اب": true, "ال": false}

var allClitics = arabic.Prefixes(arabic.ClassAll)

// particles are the short words that get glued to the next one (مايعادل،
// لايعمل); longer halves are typography/run-together's.
var particles = []string{"ما", "لا", "لم", "لن", "قد", "من", "في", "عن", "أن", "إن", "كل", "أو", "يا"}

// verbParticles take an imperfect verb: ما، لا، لم، لن + يعمل.
var verbParticles = map[string]bool{"ما": true, "لا": true, "لم": true, "لن": true}

// verdictOf returns the verdict on a word key, cached.
func (lx *Lexicon) verdictOf(k string) *verdict {
	if v, ok := lx.verdicts.get(k); ok {
		return v
	}
	v := lx.judge(k)
	lx.verdicts.put(k, v)
	return v
}

// plainArabic reports whether k is made of the 36 letters of Arabic
// proper (no Persian or Urdu letters, which only names and loans carry),
// at least two of them.
func plainArabic(k string) bool {
	n := 0
	for _, r := range k {
		if r < 0x0621 || r > 0x064A || r == 0x0640 {
			return false
		}
		n++
	}
	return n >= 2
}

// judge decides on one word: nil unless the dictionary rejects it and a
// variant in one confusion class is a word the ranking trusts.
func (lx *Lexicon) judge(k string) *verdict {
	if !plainArabic(k) {
		return nil
	}
	if lx.accepted(k) {
		return lx.articleHeh(k)
	}
	if utf8.RuneCountInString(k) == 2 && !twoLetter[k] {
		return nil // اس، اف: letters of an acronym (تي.اس، بي اف)
	}
	if rest, ok := strings.CutPrefix(k, "يا"); ok && utf8.RuneCountInString(rest) >= 2 && lx.accepted(rest) {
		return nil // the vocative glued to its noun (ياملك: يا ملك, not يأملك)
	}
	cs := lx.candidates(k)
	if len(cs) == 0 {
		return nil
	}
	news, oneChange, inWord := false, false, false
	for _, c := range cs {
		news = news || c.news
		oneChange = oneChange || c.changes == 1 && c.class != runTogether
		inWord = inWord || c.class != runTogether
	}
	// ة for ه where the letters before it are a word themselves
	// (واستمر-ة): ه would be a pronoun; the slip is the verb's ت
	pronoun := strings.HasSuffix(k, "ة") && lx.accepted(strings.TrimSuffix(k, "ة"))
	kept := cs[:0]
	for _, c := range cs {
		switch {
		case news && !c.news:
		case oneChange && c.changes > 1, inWord && c.class == runTogether:
		case pronoun && c.class == taaMarbuta && !inListAfter(rootHeh(), c.word, hehPrefixes):
		case !news && (c.rare || looksForeign(k)):
			// a name or a transliteration the dictionary does not know,
			// one letter away from a rare word
		default:
			kept = append(kept, c)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	sort.SliceStable(kept, func(i, j int) bool {
		a, b := kept[i], kept[j]
		if a.changes != b.changes {
			return a.changes < b.changes
		}
		return a.order < b.order
	})
	v := &verdict{class: kept[0].class, news: kept[0].news}
	for _, c := range kept {
		if !contains(v.cands, c.word) {
			v.cands = append(v.cands, c.word)
		}
	}
	return v
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// variant is a spelling of a word with its hamzas changed.
type variant struct {
	word string
	// weak: read after a single-letter proclitic; rare: a change that
	// names and loans often look like (إنتر → انتر، لوران → لورأن)
	weak, rare bool
	// listed: trusted only as a word of data/hamza_words.txt, never as a
	// news form alone (a final ا written أ: names end in ا)
	listed bool
	// pre: the proclitics read before the stem
	pre string
}

// hamzaVariants lists the spellings of k with the hamza of its stem
// changed: a bare alef starting the stem after any proclitics (اعلن،
// والاردن، لافريقيا) written أ, إ or آ; أ or إ there written ا (hamzat
// al-wasl: إنتخابات); a medial bare alef written أ (مسالة); a hamza on the
// wrong seat (الطوارىء، شاطيء).
func hamzaVariants(k string) []variant {
	var out []variant
	try := func(p string) {
		s := k[len(p):]
		if utf8.RuneCountInString(s) < 2 {
			return
		}
		article := strings.Contains(p, "ال") || strings.HasSuffix(p, "لل")
		weak := p != "" && !article
		switch {
		case strings.HasPrefix(s, "ال") && !article:
			// the article's alef is hamzat al-wasl (الأضعف is not
			// ألأضعف); a word whose stem starts with a hamza and ل
			// (ألغت، إلغاء، آلاف) only when it is a frequent form, alone
			// or after و or ف (بالم is a name, not بألم)
			if p != "" && p != "و" && p != "ف" || strings.HasSuffix(s, "ه") {
				// الكذبه is the article and a slip at the end, not
				// ألكذبه
				break
			}
			for _, h := range []string{"أ", "إ", "آ"} {
				// آ only for a listed word (آلية، آلاف): الي is إلى,
				// not آلي
				out = append(out, variant{p + h + s[len("ا"):], weak, true, nameEnding(s) || h == "آ", p})
			}
		case strings.HasPrefix(s, "ا"):
			for _, h := range []string{"أ", "إ", "آ"} {
				out = append(out, variant{p + h + s[len("ا"):], weak, weak, false, p})
			}
		case strings.HasPrefix(s, "أ"), strings.HasPrefix(s, "إ"):
			out = append(out, variant{p + "ا" + s[len("أ"):], weak, true, false, p})
		}
	}
	try("")
	for _, p := range allClitics {
		if strings.HasPrefix(k, p) && p != "ك" {
			// ك before a name (كايمان، كامري) reads too easily as a word
			try(p)
		}
	}
	for _, seat := range [][2]string{{"ىء", "ئ"}, {"يء", "ئ"}, {"ىئ", "ئ"}} {
		if strings.Contains(k, seat[0]) {
			out = append(out, variant{strings.ReplaceAll(k, seat[0], seat[1]), false, false, false, ""})
		}
	}
	// a hamza on another seat (التفائل → التفاؤل، يتضائل → يتضاءل،
	// هدوئ → هدوء، بجرئة → بجرأة): a hamza is there, the writer only
	// misplaced it. Trusted at the end of the word and for ء after ا
	// (ساءت، رداءة), where the seat follows from the letter before;
	// elsewhere only a frequent form (سيئول is Seoul, not سيؤول;
	// المعبأة is right, the dictionary lacks it). Never the stem's first
	// letter after a proclitic (لؤي is a name), nor أ or ء before و
	// (بدأوا، يقرأون، جاءوا: the older spelling many newsrooms keep),
	// nor a hamza before a pronoun, whose seat the case picks (آبائهم،
	// يجيئهم، بدءها), nor ؤ, mostly right where the dictionary lacks
	// the word (يبدؤها، كفؤة، تفاجؤ) or a slip of another letter (الرؤي
	// is الرؤى)
	rs := []rune(k)
	for i := 1; i < len(rs); i++ {
		if !strings.ContainsRune(hamzaSeats, rs[i]) || rs[i] == 'ؤ' || isClitic(string(rs[:i])) ||
			pronounEnding(string(rs[i+1:])) {
			continue
		}
		if (rs[i] == 'أ' || rs[i] == 'ء') && i+1 < len(rs) && rs[i+1] == 'و' {
			continue
		}
		last := i == len(rs)-1
		for _, h := range hamzaSeats {
			// ؤ is right for أ in مأسسة
			if h == rs[i] || rs[i] == 'أ' && h == 'ؤ' && !last {
				continue
			}
			// sure: ئ or ء ending the word (هدوئ → هدوء، السيء → السيئ);
			// ئ after ا written ء before the word's own letters
			// (سائت → ساءت، يتضائل → يتضاءل), not before ة, which may
			// be the pronoun's slip (أبنائة is أبنائه)
			sure := last && rs[i] != 'أ' ||
				h == 'ء' && rs[i] == 'ئ' && rs[i-1] == 'ا' && string(rs[i+1:]) != "ة"
			out = append(out, variant{string(rs[:i]) + string(h) + string(rs[i+1:]), false, !sure, false, ""})
		}
	}
	// a hamza left off inside the word or at its end: a medial alef
	// written أ (مسالة → مسألة، تاخير → تأخير), و written ؤ (سوال →
	// سؤال، موشر → مؤشر), ي written ئ (رييس → رئيس; not after ا:
	// فايز، عايض، الشايع are how Saudi names are spelt), a final ا
	// written أ (مبدا → مبدأ: only a listed word, names end in ا), a
	// final ي or و written ئ or ؤ (شاطي → شاطئ، تباطو → تباطؤ). Never
	// the stem's first letter after a proclitic (above), nor in a word of
	// three letters (راي، نات، ياس are names more often than رأي، نأت،
	// يأس); rare: names and loans are full of such letters (لوران →
	// لورأن), so only a frequent form is offered
	for i := 1; i < len(rs) && len(rs) > 3; i++ {
		if isClitic(string(rs[:i])) {
			continue
		}
		last := i == len(rs)-1
		var h rune
		switch rs[i] {
		case 'ا':
			h = 'أ'
		case 'و':
			h = 'ؤ'
		case 'ي':
			if rs[i-1] == 'ا' {
				continue
			}
			h = 'ئ'
		default:
			continue
		}
		out = append(out, variant{string(rs[:i]) + string(h) + string(rs[i+1:]), false, true, last && h == 'أ' || nameEnding(k), ""})
	}
	return out
}

// nameEnding reports whether k ends the way transliterated names do,
// in ا or ان (ريتا، رايان، اليوجا): a hamza put inside such a word is
// trusted only for a listed word, not for any news form.
func nameEnding(k string) bool {
	return strings.HasSuffix(k, "ا") || strings.HasSuffix(k, "ان")
}

// definite reports whether k starts with the article, alone or after
// the proclitics that come before it (المراة، والمراة، للمراة).
func definite(k string) bool {
	for _, p := range []string{"", "و", "ف", "ب", "ك", "وب", "فب", "وك"} {
		if strings.HasPrefix(k, p+"ال") {
			return true
		}
	}
	return strings.HasPrefix(k, "لل") || strings.HasPrefix(k, "ولل") || strings.HasPrefix(k, "فلل")
}

// pronounEnding reports whether s is a pronoun suffix.
func pronounEnding(s string) bool {
	switch s {
	case "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي":
		return true
	}
	return false
}

// hamzaSeats are the letters a hamza sits on inside and at the end of a
// word.
const hamzaSeats = "أؤئء"

func isClitic(s string) bool {
	for _, p := range allClitics {
		if s == p {
			return true
		}
	}
	return false
}

// finals lists the spellings of v with its last letter swapped in the
// final-letter classes.
func finals(v string) []struct {
	word  string
	class class
} {
	type f = struct {
		word  string
		class class
	}
	last, size := utf8.DecodeLastRuneInString(v)
	stem := v[:len(v)-size]
	switch last {
	case 'ه':
		return []f{{stem + "ة", taaMarbuta}}
	case 'ة':
		if definite(v) {
			// a verb never takes the article: المراة is not المرات
			return []f{{stem + "ه", taaMarbuta}}
		}
		return []f{{stem + "ه", taaMarbuta}, {stem + "ت", verbTaa}}
	case 'ي', 'ى':
		// the plurals شكاوى/شكاوي، فتاوى/فتاوي are written both ways (not
		// every ا before the last letter: الدراسى، النادى are slips)
		if strings.HasSuffix(stem, "او") {
			return nil
		}
	}
	switch last {
	case 'ي':
		return []f{{stem + "ى", alefMaqsura}}
	case 'ى':
		// ى for ي only after the article: without it the word may be a
		// name (يحيى، ليلى) that the dictionary lacks, one letter from a
		// verb (يحيي); the frequent cases (فى، التى) are
		// orthography/final-yeh's
		if strings.HasPrefix(v, "ال") || strings.HasPrefix(v, "وال") || strings.HasPrefix(v, "بال") || strings.HasPrefix(v, "لل") {
			return []f{{stem + "ي", alefMaqsura}}
		}
	}
	return nil
}

// rareFinal reports whether a final-letter change needs a news form to be
// trusted: ة for ه (names: بروة، لولوة; colloquial مية), ه for ة without
// the article (names: خواجه، زباره), and every ى/ي and verb ت change.
func rareFinal(k, to string, c class) bool {
	if c != taaMarbuta {
		return true
	}
	return strings.HasSuffix(to, "ه") || !hasArticle(k)
}

func hasArticle(k string) bool {
	for _, p := range articlePrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// articlePrefixes are the article and what may stand before it, the
// longest first.
var articlePrefixes = []string{"وبال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"}

// articleHeh judges a word the dictionary accepts (it reads the final ه
// as a pronoun) that has the article: the article and an attached pronoun
// never go together (العامه is no ال + عام + ه), so the ه is a slip for ة
// when the ة form is a frequent news form and the ه form is not, nor one
// whose ه is a letter of the word (data/root_heh.txt: الترفيه، الموجه).
// After لل the word may be ل + a word starting with ل + the pronoun
// (للقبه: ل + لقب + ه): then it is left alone.
func (lx *Lexicon) articleHeh(k string) *verdict {
	stem, ok := strings.CutSuffix(k, "ه")
	if !ok || lx.listed(k) || strings.HasSuffix(stem, "ي") {
		// ـيه: loans keep their ه (الكباريه، الباليه), and the nisba's
		// slip (الدوليه) is a word the dictionary rejects
		return nil
	}
	rest := ""
	for _, p := range articlePrefixes {
		if r, ok := strings.CutPrefix(stem, p); ok {
			if strings.HasSuffix(p, "لل") && lx.accepted("ل"+r) {
				return nil
			}
			rest = r
			break
		}
	}
	if utf8.RuneCountInString(rest) < 2 {
		return nil // والده: و + والد + ه, no article
	}
	to := stem + "ة"
	if !typography.NewsForm(to) || typography.NewsForm(k) || !lx.accepted(to) ||
		inListAfter(rootHeh(), k, hehPrefixes) {
		return nil
	}
	return &verdict{class: taaMarbuta, cands: []string{to}, news: true}
}

// otherReading reports whether k, a word the dictionary rejects read as
// the one-letter proclitic pre and a stem starting with a bare alef, has a
// likelier reading than a hamza left out:
//   - a stem of two letters: a loan or a name far more often than أي، أم،
//     أب (واي فاي، وكالة وام، موقع واب، باي بال);
//   - لاغير: لا غير run together;
//   - a word of data/not_hamza.txt: names, loans and words of another
//     spelling that look like one (واين روني، وادى النطرون).
func (lx *Lexicon) otherReading(k, pre string) bool {
	stem := k[len(pre):]
	if utf8.RuneCountInString(stem) <= 2 || notHamza()[k] {
		return true
	}
	return pre == "ل" && k == "لاغير"
}

// candidates lists the accepted variants of the rejected word k.
func (lx *Lexicon) candidates(k string) []cand {
	var out []cand
	add := func(word string, c class, changes int, rare bool) {
		out = append(out, cand{word: word, class: c, changes: changes, rare: rare, news: trusted(k, word, c), order: len(out)})
	}
	seen := map[string]bool{k: true}
	check := func(word string) bool {
		if seen[word] {
			return false
		}
		seen[word] = true
		return lx.accepted(word)
	}
	for _, f := range finals(k) {
		if check(f.word) {
			add(f.word, f.class, 1, rareFinal(k, f.word, f.class))
		}
	}
	for _, v := range hamzaVariants(k) {
		if v.weak && lx.otherReading(k, v.pre) {
			continue
		}
		if check(v.word) {
			add(v.word, hamza, 1, v.rare)
			if v.listed {
				out[len(out)-1].news = inList(hamzaWords(), v.word)
			}
		}
		for _, f := range finals(v.word) {
			if check(f.word) {
				add(f.word, f.class, 2, v.rare || rareFinal(k, f.word, f.class))
			}
		}
	}
	for _, p := range particles {
		rest, ok := strings.CutPrefix(k, p)
		if !ok || utf8.RuneCountInString(rest) < 2 {
			continue
		}
		n := utf8.RuneCountInString(rest)
		// an imperfect verb after ما، لا، لم، لن (مايعادل، لايعمل), a
		// word with the article after a preposition (فيالعاصمة)
		// (after لا a verb of three letters too, if a news form or one of
		// data/short_verbs.txt: لايقل، لايجب, not the loans لاينر، لايبل;
		// names glue onto ما far more often, مايكل، مايلي)
		minVerb := 4
		if p == "لا" {
			minVerb = 3
		}
		verb := verbParticles[p] && n >= minVerb && strings.ContainsRune("يتن", firstRune(rest))
		article := !verbParticles[p] && n >= 3 && strings.HasPrefix(rest, "ال")
		// ما before a particle or a past verb (مالم، ماقبل، ماحدث،
		// مازالت): not before any word, names start with ما (مانويل،
		// ماكين، مالديني)
		other := p == "ما" && maFollowers[rest]
		if !(verb || article || other) || !lx.accepted(rest) || looksForeign(k) {
			continue
		}
		news := typography.NewsForm(rest) || other
		if verb && !news && (p == "ما" || p == "لا") && firstRune(rest) == 'ي' {
			// a verb the dictionary conjugates: the same stem with
			// the other persons' prefixes is a word too (يقترب: تقترب،
			// نقترب، أقترب), which a name seldom is; only with ي (نويل،
			// نور، توكس start names), and not after لم or لن, where ل
			// and a name read too well (لميركل، لنيمار)
			news = n >= minVerb && lx.conjugated(rest) && (n >= 4 || typography.NewsForm(rest) || shortVerbs()[rest])
		}
		if !verb && !article && !news {
			continue
		}
		add(p+" "+rest, runTogether, 1, true)
		out[len(out)-1].news = news
	}
	// a word glued to a word with the article (رئيسالوزراء، ضدالفساد):
	// both frequent forms, the first not a name's first half (عبدالله،
	// أبوظبي are written as one)
	if i := strings.Index(k[len("ا"):], "ال"); i > 0 {
		i += len("ا")
		first, second := k[:i], k[i:]
		bare := first
		for _, c := range allClitics {
			if b, ok := strings.CutPrefix(first, c); ok && len(b) >= len("ابو") {
				bare = b
				break
			}
		}
		// not before الله (الحمدالله is الحمد لله, عندالله a set
		// phrase), and the first word three letters at least (ريالين is
		// no ري الين)
		if utf8.RuneCountInString(first) >= 3 && utf8.RuneCountInString(second) >= 5 && !nameFirstHalf[bare] &&
			!strings.HasPrefix(second, "الل") &&
			!isClitic(first) && lx.accepted(first) && lx.accepted(second) &&
			typography.NewsForm(first) && typography.NewsForm(second) {
			add(first+" "+second, runTogether, 1, true)
			out[len(out)-1].news = true
		}
	}
	return out
}

// nameFirstHalf are the words that start a compound name written as one
// word (عبدالله، أبوالقاسم، ذوالفقار).
var nameFirstHalf = map[string]bool{"عبد": true, "ابو": true, "أبو": true, "بو": true, "ذو": true, "ذي": true, "ابن": true, "بن": true, "نور": true, "سيف": true, "شمس": true, "عز": true}

// maFollowers are the particles, prepositions and verbs that ما is
// glued to in news copy (مالم، مافي، ماقبل، ماهذا، مازالت، ماحدث،
// ماجرى); other words are not: names start with ما (مانويل، ماستر،
// مارفل، and مايلي is as often Miley).
var maFollowers = map[string]bool{
	"زال": true, "زالت": true, "زالوا": true, "زالا": true, "دام": true, "دامت": true, "دمنا": true, "دمت": true,
	"كان": true, "كانت": true, "كانوا": true, "حدث": true, "جرى": true, "ورد": true, "سبق": true,
	"لم": true, "لن": true, "قد": true, "في": true, "فيه": true, "فيها": true, "به": true, "بها": true,
	"قبل": true, "بعد": true, "هذا": true, "هذه": true, "هو": true, "هي": true, "هم": true,
	"لديه": true, "لديها": true, "لديهم": true, "عليه": true, "عليها": true, "علينا": true, "إن": true,
}

// conjugated reports whether the imperfect verb v (يقل، تقبل) is
// accepted with the prefixes of the other persons too: ي، ت، ن and أ.
func (lx *Lexicon) conjugated(v string) bool {
	_, size := utf8.DecodeRuneInString(v)
	stem := v[size:]
	for _, pre := range []string{"ي", "ت", "ن", "أ"} {
		if !lx.accepted(pre + stem) {
			return false
		}
	}
	return true
}

// trusted reports whether the candidate word, replacing k in class c, is
// a form the rules trust whatever the dictionary's other words: a
// frequent news form, or a word of a curated list of data/ (a frequent
// word with a hamza inside, for a hamza change; a frequent word ending
// in a ه of its own, for ة → ه).
func trusted(k, word string, c class) bool {
	if typography.NewsForm(word) {
		return true
	}
	switch {
	case c == hamza:
		return inList(hamzaWords(), word)
	case c == taaMarbuta && strings.HasSuffix(word, "ه"):
		return inListAfter(rootHeh(), word, hehPrefixes)
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// looksForeign reports whether a word has the shape of a transliterated
// name rather than an Arabic word: a final و after a consonant
// (ماريو، رينالدو), a doubled long vowel (كوول، بيير).
func looksForeign(k string) bool {
	if strings.Contains(k, "وو") || strings.Contains(k, "يي") && !strings.HasSuffix(k, "يين") {
		return true
	}
	if strings.HasSuffix(k, "و") && !strings.HasSuffix(k, "او") {
		return true
	}
	return false
}
