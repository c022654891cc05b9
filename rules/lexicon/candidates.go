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
	if !plainArabic(k) || lx.accepted(k) {
		return nil
	}
	if utf8.RuneCountInString(k) == 2 && !twoLetter[k] {
		return nil // اس، اف: letters of an acronym (تي.اس، بي اف)
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
		case pronoun && c.class == taaMarbuta:
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
		weak := p != "" && !strings.Contains(p, "ال") && !strings.HasSuffix(p, "لل")
		switch {
		case strings.HasPrefix(s, "ال"):
			// the article's alef is hamzat al-wasl (الأضعف is not ألأضعف)
		case strings.HasPrefix(s, "ا"):
			for _, h := range []string{"أ", "إ", "آ"} {
				out = append(out, variant{p + h + s[len("ا"):], weak, weak})
			}
		case strings.HasPrefix(s, "أ"), strings.HasPrefix(s, "إ"):
			out = append(out, variant{p + "ا" + s[len("أ"):], weak, true})
		}
	}
	try("")
	for _, p := range allClitics {
		if strings.HasPrefix(k, p) && p != "ك" {
			// ك before a name (كايمان) reads too easily as a word
			try(p)
		}
	}
	for _, seat := range [][2]string{{"ىء", "ئ"}, {"يء", "ئ"}, {"ىئ", "ئ"}} {
		if strings.Contains(k, seat[0]) {
			out = append(out, variant{strings.ReplaceAll(k, seat[0], seat[1]), false, false})
		}
	}
	// a medial alef, not the one after a proclitic (that is the stem's
	// first letter, above) nor the last letter
	for i := len("اا"); i < len(k)-len("ا"); i += 2 {
		if k[i:i+2] != "ا" || isClitic(k[:i]) {
			continue
		}
		out = append(out, variant{k[:i] + "أ" + k[i+2:], false, true})
	}
	return out
}

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
		return []f{{stem + "ه", taaMarbuta}, {stem + "ت", verbTaa}}
	case 'ي', 'ى':
		// the plurals شكاوى/شكاوي، فتاوى/فتاوي are written both ways
		if r, _ := utf8.DecodeLastRuneInString(stem[:len(stem)-utf8.RuneLen(lastRune(stem))]); r == 'ا' {
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
	for _, p := range []string{"ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "لل", "ولل", "فلل"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// candidates lists the accepted variants of the rejected word k.
func (lx *Lexicon) candidates(k string) []cand {
	var out []cand
	add := func(word string, c class, changes int, rare bool) {
		out = append(out, cand{word: word, class: c, changes: changes, rare: rare, news: typography.NewsForm(word), order: len(out)})
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
		if check(v.word) {
			add(v.word, hamza, 1, v.rare)
		}
		for _, f := range finals(v.word) {
			if check(f.word) {
				add(f.word, f.class, 2, v.rare || rareFinal(k, f.word, f.class))
			}
		}
	}
	for _, p := range particles {
		rest, ok := strings.CutPrefix(k, p)
		if !ok || utf8.RuneCountInString(rest) < 3 {
			continue
		}
		// an imperfect verb after ما، لا، لم، لن (مايعادل، لايعمل), a
		// word with the article after a preposition (فيالعاصمة)
		verb := verbParticles[p] && utf8.RuneCountInString(rest) >= 4 && strings.ContainsRune("يتن", firstRune(rest))
		article := !verbParticles[p] && strings.HasPrefix(rest, "ال")
		if (verb || article) && lx.accepted(rest) {
			add(p+" "+rest, runTogether, 1, true)
			out[len(out)-1].news = typography.NewsForm(rest)
		}
	}
	return out
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
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
