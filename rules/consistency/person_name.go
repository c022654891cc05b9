package consistency

import (
	"strconv"
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/entities"
)

// PersonName makes the rule consistency/person-name.
func PersonName() (*lint.Rule, error) {
	n, err := loadNames()
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "consistency/person-name",
		Kind:     lint.Code,
		Category: "consistency",
		Level:    lint.Warning,
		Summary:  "one person's name spelled two ways in one article (زيلينسكي/زيلنسكي، إيدي راما/إيدي رامى)",
		Doc: lint.Doc{
			What: "Reads the names of people: the word after a known first name (a short list of common ones and the first " +
				"names of the people data), after a title (الرئيس، المستشار، السيد …), or a surname of the people data. Two such " +
				"names one slip apart are one person spelled two ways: a vowel letter (ا و ي) inserted or dropped inside the " +
				"name (زيلينسكي/زيلنسكي), two letters swapped, or one letter for a letter of the same sound (ا/ي/و، س/ص، " +
				"ت/ط، ذ/ز/ظ، ك/ق/غ/ج، د/ض: راما/رامى). Flags the less frequent spelling. Hamza forms, ى/ي, ة/ه, harakat and " +
				"tatweel are not differences here (the orthography rules own them). Never compared: names after two different " +
				"first names (two people), a name and its form with a proclitic or a suffix (a letter added at either end), " +
				"two given names (سعد/سعيد، سلمان/سلطان), names of three letters, and a name chain (بن، أبو، عبد، آل).",
			Why: "A name spelled two ways in one story reads as two people, or as careless copy: one of the two was typed from " +
				"another source.",
			Wrong: "وقال الرئيس زيلينسكي إن بلاده ستواصل القتال. وأضاف فولوديمير زيلينسكي أن الدعم مستمر. ورد الرئيس زيلنسكي على سؤال.",
			Right: "وقال الرئيس زيلينسكي إن بلاده ستواصل القتال. وأضاف فولوديمير زيلينسكي أن الدعم مستمر. ورد الرئيس زيلينسكي على سؤال.",
			Fix: "Safe when the majority spelling is used at least twice as often as the other; unsafe otherwise (a tie " +
				"keeps the spelling the people data knows, else the first one).",
		},
		Size: len(n.given) + len(n.surnames),
		Run:  func(p *lint.Pass) { runPersonName(p, n) },
	}, nil
}

type names struct {
	given    map[string]bool     // every first name of the list, in nameKey form
	first    map[string]bool     // the first names read as a name's start
	lastOf   map[string][]string // a first name of the people data → its surnames
	surnames map[string]bool     // surnames of the people data
	known    map[string]bool     // every surname of the people data, short ones too
	// before says, in one lookup, what a word before a name is: a first
	// name that starts a name (beforeFirst), a first name of the people
	// data (beforeLast, see lastOf), a title (beforeTitle)
	before map[string]uint8
}

// notTriggers are first names that are also common words (حسن، باسم،
// كامل، علي written for على): no name is read after them.
var notTriggers = []string{"علي", "حسن", "باسم", "كامل", "جميل", "سالم", "سليم", "عادل", "رشيد", "مبارك", "فارس",
	"نبيل", "صالح", "هادي", "شريف", "سعيد", "حازم", "خليفة", "سامي", "رياض", "نصر", "حمد", "جمال", "أمل", "هند",
	"عبيد", "سعاد", "منى", "هدى", "زكي", "عاصم", "كمال"}

// givenNames are common first names: the word after them is a name, and
// two of them one letter apart (سعد/سعيد) are two names, never a slip.
var givenNames = []string{
	"محمد", "أحمد", "محمود", "حامد", "حمد", "حمدي", "حميد", "علي", "عمر", "عمرو", "عمار", "عثمان", "حسن", "حسين",
	"حسان", "خالد", "خليل", "سعد", "سعيد", "سعود", "مسعود", "مساعد", "سلمان", "سليمان", "سلطان", "سالم", "سليم",
	"فهد", "فيصل", "تركي", "بندر", "بدر", "نايف", "ناصر", "نصر", "نصير", "منصور", "مشعل", "متعب", "عبدالله",
	"عبدالعزيز", "عبدالرحمن", "عبدالله", "زايد", "زياد", "راشد", "رشيد", "ماجد", "مجيد", "جمال", "جميل", "كمال",
	"كامل", "عادل", "عدنان", "عيسى", "موسى", "يوسف", "يونس", "إبراهيم", "إسماعيل", "طارق", "هاني", "هاشم",
	"هشام", "وائل", "ياسر", "ياسين", "مصطفى", "مراد", "رامي", "سامي", "سامر", "سمير", "زكي", "صالح", "صلاح",
	"رياض", "نبيل", "نبيه", "جابر", "جبر", "عباس", "عبيد", "مهدي", "هادي", "فاروق", "فارس", "فراس", "شريف",
	"أشرف", "عاطف", "عاصم", "عصام", "قاسم", "جاسم", "هيثم", "باسم", "بسام", "حازم", "معاذ", "أنس", "أيمن",
	"وليد", "خليفة", "مبارك", "منير", "ممدوح", "مروان", "نواف", "سطام", "ثامر", "تامر", "طلال", "سعاد",
	"فاطمة", "عائشة", "مريم", "ليلى", "سلمى", "زينب", "هند", "رانيا", "نورة", "نوال", "منى", "هدى", "سارة",
	"نادية", "أمل", "حنان", "إيمان", "جورج", "ميشال", "ميشيل", "إيلي", "جوزيف", "بطرس", "أنطونيو", "فلاديمير",
	"فولوديمير", "دونالد", "جو", "باراك", "هيلاري", "إيمانويل", "أنجيلا", "أولاف", "بوريس", "تيريزا", "ديفيد",
	"جون", "جيمس", "مايك", "مايكل", "بيتر", "مارك", "توني", "نيكولا", "سيرغي", "سيرجي", "رجب", "بنيامين",
	"كمالا", "ريشي", "جاستن", "شينزو", "فوميو", "مودي", "ناريندرا", "إيدي", "جورجيا", "أورسولا",
	"أنتوني", "هيلين", "كريستين", "كاترين", "لويد", "جيك", "ريكس", "كوندوليزا", "نيكولاس", "ماريو",
}

// titles before a name: الرئيس زيلنسكي.
var nameTitles = []string{"الرئيس", "الرئيسة", "المستشار", "المستشارة", "السيد", "السيدة", "الجنرال", "الوزير",
	"الوزيرة", "الدكتور", "الدكتورة", "النائب", "النائبة", "المبعوث", "السفير", "السفيرة"}

var titleSet = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range nameTitles {
		m[nameKey(t)] = true
	}
	return m
}()

// chain words start a longer name: بن سلمان، أبو مازن.
var chain = map[string]bool{"بن": true, "ابن": true, "بنت": true, "ابو": true, "ابي": true, "عبد": true, "ال": true,
	"ولد": true, "ام": true, "دي": true, "فون": true, "فان": true, "دا": true}

var loadNames = sync.OnceValues(func() (*names, error) {
	people, err := entities.PersonNames()
	if err != nil {
		return nil, err
	}
	n := &names{given: map[string]bool{}, first: map[string]bool{}, lastOf: map[string][]string{}, surnames: map[string]bool{}, known: map[string]bool{}}
	for _, g := range givenNames {
		n.given[nameKey(g)] = true
		n.first[nameKey(g)] = true
	}
	for _, g := range notTriggers {
		n.given[nameKey(g)] = true
		delete(n.first, nameKey(g))
	}
	for _, p := range people {
		for _, full := range p {
			ws := strings.Fields(full)
			if len(ws) != 2 {
				continue
			}
			// "إيدي راما": after إيدي, a name one slip from راما is read
			first, last := nameKey(ws[0]), nameKey(ws[1])
			if arabic.RuneCount(last) >= 4 && !chain[first] {
				n.lastOf[first] = append(n.lastOf[first], last)
				n.known[last] = true
				if arabic.RuneCount(last) >= 5 {
					n.surnames[last] = true
				}
			}
		}
	}
	for s := range n.surnames {
		if n.given[s] {
			delete(n.surnames, s)
		}
	}
	n.before = map[string]uint8{}
	for k := range n.first {
		n.before[k] |= beforeFirst
	}
	for k := range n.lastOf {
		n.before[k] |= beforeLast
	}
	for k := range titleSet {
		n.before[k] |= beforeTitle
	}
	return n, nil
})

const (
	beforeFirst uint8 = 1 << iota
	beforeLast
	beforeTitle
)

// startsWithAl reports whether key folds to a word starting with ال (ال،
// أل، إل، آل، ٱل).
func startsWithAl(key string) bool {
	// ل is D9 84; ا أ إ آ are D8 A7, A3, A5, A2; ٱ is D9 B1
	if len(key) < 4 || key[2] != 0xD9 || key[3] != 0x84 {
		return false
	}
	switch key[0] {
	case 0xD8:
		return key[1] == 0xA7 || key[1] == 0xA3 || key[1] == 0xA5 || key[1] == 0xA2
	case 0xD9:
		return key[1] == 0xB1
	}
	return false
}

// nameKey is a name as compared: harakat and tatweel removed, hamza
// forms folded, ى as ي, ة as ه.
func nameKey(s string) string { return foldKey(arabic.Key(s)) }

// foldKey is nameKey of a token's key (harakat and tatweel already
// gone): a key with nothing to fold is returned as it is, without a copy.
func foldKey(k string) string {
	if !needsFold(k) {
		return k
	}
	return string(foldAppend(nil, k))
}

// needsFold reports whether a letter of k folds.
func needsFold(k string) bool {
	for i := 0; i+1 < len(k); i++ {
		if c := k[i]; c == 0xD8 || c == 0xD9 {
			if foldTo[c-0xD8][k[i+1]][0] != 0 {
				return true
			}
			i++
		}
	}
	return false
}

// foldAppend appends foldKey(k) to dst. The rule calls it on most words
// of a text, into a reused buffer, so it works on the UTF-8 bytes: every
// letter that folds is two bytes starting with D8 or D9 and folds to two
// bytes, so the word is copied and folded in place.
func foldAppend(dst []byte, k string) []byte {
	start := len(dst)
	dst = append(dst, k...)
	b := dst[start:]
	for i := 0; i+1 < len(b); i++ {
		if c := b[i]; c == 0xD8 || c == 0xD9 {
			if to := foldTo[c-0xD8][b[i+1]]; to[0] != 0 {
				b[i], b[i+1] = to[0], to[1]
			}
			i++
		}
	}
	return dst
}

// foldTo[c-0xD8][d] is the UTF-8 of the letter the two-byte letter c d
// folds to (أ إ آ ٱ to ا، ؤ to و، ئ and ى to ي، ة to ه), zero for a
// letter that stays.
var foldTo = func() (t [2][256][2]byte) {
	alef, waw, yeh, heh := [2]byte{0xD8, 0xA7}, [2]byte{0xD9, 0x88}, [2]byte{0xD9, 0x8A}, [2]byte{0xD9, 0x87}
	t[0][0xA2], t[0][0xA3], t[0][0xA5], t[1][0xB1] = alef, alef, alef, alef // آ أ إ ٱ
	t[0][0xA4] = waw                                                        // ؤ
	t[0][0xA6], t[1][0x89] = yeh, yeh                                       // ئ ى
	t[0][0xA9] = heh                                                        // ة
	return t
}()

// nameUse is one name read in the text.
type nameUse struct {
	form    string // nameKey
	context string // the first name before it, "" after a title or alone
	tok     int
}

// tieFirst reports whether spelling a wins a tie over spelling b: the one
// the people data knows (نتنياهو over ناتنياهو), else the one written
// first.
func tieFirst(n *names, a, b string, firstAt map[string]int) bool {
	if n.known[a] != n.known[b] {
		return n.known[a]
	}
	return firstAt[a] < firstAt[b]
}

func runPersonName(p *lint.Pass, n *names) {
	toks := p.Tokens
	var uses []nameUse
	prev := -1      // the word before, in the same clause
	var a, b []byte // the folded keys of this word and of the word before
	aTok := -1      // the token a holds
	for i, t := range toks {
		switch t.Kind {
		case arabic.Space:
			if t.Breaks > 0 {
				prev = -1
			}
			continue
		case arabic.Word:
		default:
			prev = -1
			continue
		}
		before := prev
		prev = i
		if !t.Arabic || len(t.Key) < 8 { // four letters at least
			continue
		}
		if startsWithAl(t.Key) {
			continue // a word with the article is never read (see below): no fold, no lookup
		}
		// the folded keys, each word's made once: this word's (a) is
		// kept as the next word's "word before" (b); a short word
		// before is folded only now that a long one follows it
		if aTok == before {
			a, b = b, a
		} else if before >= 0 && len(toks[before].Key) <= 24 {
			b = foldAppend(b[:0], toks[before].Key)
		}
		a, aTok = foldAppend(a[:0], t.Key), i
		ctx, ok := "", false
		if before >= 0 {
			pk := toks[before].Key
			if len(pk) <= 24 {
				switch bits := n.before[string(b)]; {
				case bits == 0:
				case strings.HasSuffix(pk, "ى"): // على، لدى
				case bits&beforeFirst != 0:
					ctx, ok = string(b), true
				case bits&beforeLast != 0:
					for _, l := range n.lastOf[string(b)] {
						if string(a) == l || slip([]rune(string(a)), []rune(l)) {
							ctx, ok = string(b), true
						}
					}
				case bits&beforeTitle != 0:
					ok = true
				}
			}
		}
		if !ok && len(t.Key) <= 40 {
			ok = n.surnames[string(a)]
		}
		if !ok {
			continue
		}
		form := string(a)
		// a word with the article is a common noun as often as a name
		// (الحكم، الطريق): only names without it are read
		if strings.HasPrefix(form, "ال") {
			continue
		}
		// a first name after a title starts the name (الرئيس فلاديمير)
		if n.given[form] && ctx == "" || chain[form] || arabic.RuneCount(form) < 4 ||
			strings.HasPrefix(form, "عبد") || strings.HasPrefix(form, "عبيد") {
			continue
		}
		uses = append(uses, nameUse{form: form, context: ctx, tok: i})
	}
	if len(uses) < 2 {
		return
	}
	// the pairs of forms one slip apart, read in the same context
	type pair struct{ a, b string }
	var pairs []pair
	for i := range uses {
		for j := i + 1; j < len(uses); j++ {
			a, b := &uses[i], &uses[j]
			if a.form == b.form || a.context != "" && b.context != "" && a.context != b.context {
				continue
			}
			if n.given[a.form] && n.given[b.form] || !slip([]rune(a.form), []rune(b.form)) {
				continue
			}
			x, y := a.form, b.form
			if x > y {
				x, y = y, x
			}
			dup := false
			for _, q := range pairs {
				dup = dup || q == pair{x, y}
			}
			if !dup {
				pairs = append(pairs, pair{x, y})
			}
		}
	}
	if len(pairs) == 0 {
		return
	}
	// every use of each form in the text, with a proclitic of one letter
	count := map[string]int{}
	firstAt := map[string]int{}
	type hit struct {
		tok  int
		form string
		pre  int // bytes of proclitic
	}
	var hits []hit
	for _, q := range pairs {
		count[q.a], count[q.b] = 0, 0
	}
	for i, t := range toks {
		if t.Kind != arabic.Word || !t.Arabic || len(t.Key) < 8 || len(t.Key) > 40 {
			continue
		}
		k := foldKey(t.Key)
		pre := 0
		if _, ok := count[k]; !ok {
			r, size := firstRune(k)
			if !strings.ContainsRune("وفبلك", r) {
				continue
			}
			if _, ok := count[k[size:]]; !ok {
				continue
			}
			k = k[size:]
			pre = len(p.Text[t.Start:t.End]) - len(strings.TrimLeft(p.Text[t.Start:t.End], string(r)))
			if pre == 0 {
				continue
			}
		}
		count[k]++
		if _, ok := firstAt[k]; !ok {
			firstAt[k] = i
		}
		hits = append(hits, hit{i, k, pre})
	}
	read := map[string]int{} // uses in a name's place
	for _, u := range uses {
		read[u.form]++
	}
	for _, q := range pairs {
		major, minor := q.a, q.b
		// a form read as a name in fewer than half its uses is a word
		// that happens to follow a name now and then (موقع، مواقع)
		if 2*read[q.a] < count[q.a] || 2*read[q.b] < count[q.b] {
			continue
		}
		if count[minor] > count[major] || count[minor] == count[major] && tieFirst(n, minor, major, firstAt) {
			major, minor = minor, major
		}
		if count[minor] == 0 || count[major] == 0 {
			continue
		}
		mt := toks[firstAt[major]]
		majorText := p.Text[mt.Start:mt.End]
		if k := foldKey(mt.Key); k != major { // written with a proclitic
			majorText = majorText[len(majorText)-len(strings.TrimPrefix(majorText, string([]rune(majorText)[0]))):]
		}
		app := lint.Unsafe
		if count[major] >= 2*count[minor] {
			app = lint.Safe
		}
		for _, h := range hits {
			if h.form != minor {
				continue
			}
			t := toks[h.tok]
			fix := p.Text[t.Start:t.Start+h.pre] + majorText
			p.Report(lint.Diagnostic{
				Start: t.Start, End: t.End,
				Message: p.T("spelled-two-ways", p.Text[t.Start:t.End], fix, strconv.Itoa(count[major]), strconv.Itoa(count[minor])),
				Fixes:   []lint.SuggestedFix{lint.Replace(t.Start, t.End, fix, app)},
			})
		}
	}
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// sounds are the letters a transliteration writes for one sound.
var sounds = map[rune]int{'ا': 1, 'ي': 1, 'و': 1, 'س': 2, 'ص': 2, 'ث': 2, 'ت': 3, 'ط': 3, 'ذ': 4, 'ز': 4, 'ظ': 4,
	'ك': 5, 'ق': 5, 'غ': 5, 'ج': 5, 'د': 6, 'ض': 6}

func vowel(r rune) bool { return r == 'ا' || r == 'ي' || r == 'و' }

// slip reports whether two names (nameKey forms, as runes) are one
// spelling slip apart: a vowel letter inserted inside the name (two in
// a name of six letters or more), two neighbours swapped, or one letter
// for one of the same sound.
func slip(a, b []rune) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		var diff []int
		for i := range a {
			if a[i] != b[i] {
				diff = append(diff, i)
				if len(diff) > 2 {
					return false
				}
			}
		}
		switch len(diff) {
		case 1:
			x, y := a[diff[0]], b[diff[0]]
			return sounds[x] != 0 && sounds[x] == sounds[y]
		case 2:
			i, j := diff[0], diff[1]
			return len(a) >= 6 && j == i+1 && a[i] == b[j] && a[j] == b[i]
		}
		return false
	case 1:
		return dropVowels(a, b, 1)
	case 2:
		return len(b) >= 5 && dropVowels(a, b, 2)
	}
	return false
}

// dropVowels reports whether deleting n vowel letters from inside long
// (never its first or last letter) gives short.
func dropVowels(long, short []rune, n int) bool {
	i, j := 0, 0
	for i < len(long) {
		if j < len(short) && long[i] == short[j] {
			i++
			j++
			continue
		}
		if n == 0 || i == 0 || i == len(long)-1 || !vowel(long[i]) {
			return false
		}
		n--
		i++
	}
	return j == len(short) && n == 0 && long[0] == short[0] && long[len(long)-1] == short[len(short)-1]
}
