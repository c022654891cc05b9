package hunspell

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// systemArabic loads Debian's Arabic dictionary (package hunspell-ar). It
// skips the test when the dictionary is not installed, except under CI,
// where it fails.
func systemArabic(t testing.TB) (d *Dict, aff, dic string) {
	t.Helper()
	aff, dic, err := Find("ar", nil)
	if err != nil {
		missing(t, "the Arabic Hunspell dictionary (apt-get install hunspell-ar): %v", err)
	}
	arOnce.Do(func() { arDict, arErr = Open(aff, dic) })
	if arErr != nil {
		t.Fatal(arErr)
	}
	return arDict, aff, dic
}

var (
	arOnce sync.Once
	arDict *Dict
	arErr  error
)

func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set and "+format+" is missing", args...)
	}
	t.Skipf(format+" is missing", args...)
}

// stems returns the words of a .dic file, without flags and morphology.
func stems(t testing.TB, dic string) []string {
	t.Helper()
	data, err := os.ReadFile(dic)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	lines := splitLines(string(data))
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		if isSeparator(l) {
			i += 2
			continue
		}
		if j := strings.IndexAny(l, "/\t"); j >= 0 {
			l = l[:j]
		}
		if l != "" && isArabicWord(l) {
			out = append(out, l)
		}
	}
	return out
}

func isArabicWord(w string) bool {
	for _, r := range w {
		if r < 0x0621 || r > 0x064A {
			return false
		}
	}
	return utf8.RuneCountInString(w) >= 2
}

var (
	diffPrefixes  = []string{"و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "لل", "وبال", "س", "وس"}
	diffSuffixes  = []string{"ة", "ات", "ون", "ين", "ان", "ها", "هم", "ه", "ي", "نا", "كم", "هما", "تها", "تهم"}
	arabicLetters = []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةى")
)

// diffWords generates the words of the differential test from the stems of
// the dictionary: stems, stems with clitics and affixes, misspellings, and
// the words of our own text. The generator is seeded: the list is the same
// on every run.
func diffWords(stems []string, n int) []string {
	rng := rand.New(rand.NewPCG(2025, 6))
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, w := range strings.Fields(ownText) {
		add(strings.Trim(w, "،.:؛؟!()«»\"-"))
	}
	for len(out) < n {
		s := stems[rng.IntN(len(stems))]
		p := diffPrefixes[rng.IntN(len(diffPrefixes))]
		x := diffSuffixes[rng.IntN(len(diffSuffixes))]
		add(s)
		add(p + s)
		add(s + x)
		add(p + s + x)
		if strings.HasSuffix(s, "ة") {
			add(strings.TrimSuffix(s, "ة") + "ت" + x)
		}
		add(misspell(rng, p+s))
		add(misspell(rng, s+x))
		add(misspell(rng, s))
	}
	return out
}

// affixedWords applies the dictionary's own affix rules to its stems: a
// suffix the stem takes, then perhaps an outer suffix or a prefix the
// suffix allows, or a prefix the stem takes; and now and then an affix of
// another class, which both checkers should refuse. This reaches the
// conditions, strip strings and continuation flags that clitics alone miss.
func affixedWords(d *Dict, n int) []string {
	rng := rand.New(rand.NewPCG(7, 2025))
	var pfx, sfx []*affix
	for _, as := range d.pfx {
		pfx = append(pfx, as...)
	}
	for _, as := range d.sfx {
		sfx = append(sfx, as...)
	}
	pfx = append(pfx, d.pfxZero...)
	sfx = append(sfx, d.sfxZero...)
	sortAffixes(pfx)
	sortAffixes(sfx)
	var words []string
	for k := range d.words.count() {
		words = append(words, d.words.word(k))
	}
	slices.Sort(words)
	pick := func(as []*affix, want func(*affix) bool) *affix {
		for range 200 {
			if a := as[rng.IntN(len(as))]; want(a) {
				return a
			}
		}
		return nil
	}
	applySfx := func(w string, a *affix) string {
		if a == nil || !strings.HasSuffix(w, a.strip) || len(w) == len(a.strip) {
			return ""
		}
		if !a.cond.matchEnd(w) {
			return ""
		}
		return w[:len(w)-len(a.strip)] + a.add
	}
	applyPfx := func(w string, a *affix) string {
		if a == nil || w == "" || !strings.HasPrefix(w, a.strip) || len(w) == len(a.strip) {
			return ""
		}
		if !a.cond.matchStart(w) {
			return ""
		}
		return a.add + w[len(a.strip):]
	}
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		w := words[rng.IntN(len(words))]
		if !isArabicWord(w) {
			continue
		}
		lo, _ := d.homonyms(w)
		set := d.setOf(lo)
		stray := rng.IntN(8) == 0
		s := pick(sfx, func(a *affix) bool { return stray || has(set, a.flag) })
		form := applySfx(w, s)
		if form != "" && rng.IntN(2) == 0 {
			if rng.IntN(2) == 0 {
				s2 := pick(sfx, func(a *affix) bool { return stray || has(s.cont, a.flag) })
				form = applySfx(form, s2)
				if s2 != nil && rng.IntN(2) == 0 {
					form = applyPfx(form, pick(pfx, func(a *affix) bool { return stray || has(s2.cont, a.flag) || has(s.cont, a.flag) }))
				}
			} else {
				form = applyPfx(form, pick(pfx, func(a *affix) bool { return stray || has(s.cont, a.flag) || has(set, a.flag) && a.cross && s.cross }))
			}
		}
		if rng.IntN(3) == 0 {
			form = applyPfx(w, pick(pfx, func(a *affix) bool { return stray || has(set, a.flag) }))
		}
		if form != "" && !seen[form] && isArabicWord(form) {
			seen[form] = true
			out = append(out, form)
		}
	}
	return out
}

func sortAffixes(as []*affix) {
	slices.SortFunc(as, func(a, b *affix) int {
		return strings.Compare(string(rune(a.flag))+a.strip+"/"+a.add+"/"+condString(a.cond), string(rune(b.flag))+b.strip+"/"+b.add+"/"+condString(b.cond))
	})
}

func condString(c cond) string {
	var b strings.Builder
	for _, e := range c {
		switch {
		case e.any:
			b.WriteByte('.')
		case e.neg:
			b.WriteString("[^" + string(e.runes) + "]")
		default:
			b.WriteString("[" + string(e.runes) + "]")
		}
	}
	return b.String()
}

// misspell makes one slip of the kinds writers make: a hamza dropped or
// added, ta marbuta and ha, alef maqsura and ya, two letters swapped, a
// letter dropped or added.
func misspell(rng *rand.Rand, w string) string {
	r := []rune(w)
	swaps := [][2]string{{"أ", "ا"}, {"إ", "ا"}, {"ا", "أ"}, {"ا", "إ"}, {"ة", "ه"}, {"ى", "ي"}, {"ي", "ى"}, {"ئ", "ي"}, {"ؤ", "و"}}
	switch rng.IntN(4) {
	case 0:
		for _, k := range rng.Perm(len(swaps)) {
			if strings.Contains(w, swaps[k][0]) {
				return strings.Replace(w, swaps[k][0], swaps[k][1], 1)
			}
		}
		fallthrough
	case 1:
		if len(r) > 2 {
			i := rng.IntN(len(r) - 1)
			r[i], r[i+1] = r[i+1], r[i]
		}
	case 2:
		if len(r) > 3 {
			i := rng.IntN(len(r))
			r = slices.Delete(r, i, i+1)
		}
	default:
		i := rng.IntN(len(r) + 1)
		r = slices.Insert(r, i, arabicLetters[rng.IntN(len(arabicLetters))])
	}
	return string(r)
}

// hunspellRejects runs "hunspell -l" on the words and returns those it
// lists as misspelled.
func hunspellRejects(t *testing.T, aff string, words []string) map[string]bool {
	t.Helper()
	bin, err := exec.LookPath("hunspell")
	if err != nil {
		missing(t, "the hunspell command (apt-get install hunspell)")
	}
	cmd := exec.Command(bin, "-i", "UTF-8", "-d", strings.TrimSuffix(aff, ".aff"), "-l")
	cmd.Stdin = strings.NewReader(strings.Join(words, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("hunspell: %v\n%s", err, stderr.String())
	}
	rejected := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		rejected[sc.Text()] = true
	}
	return rejected
}

// TestDifferentialArabic compares Spell with the hunspell command on words
// made from the Arabic dictionary.
func TestDifferentialArabic(t *testing.T) {
	d, aff, dic := systemArabic(t)
	words := diffWords(stems(t, dic), 24000)
	words = append(words, affixedWords(d, 12000)...)
	rejected := hunspellRejects(t, aff, words)
	var disagree []string
	accepted := 0
	for _, w := range words {
		ok := d.Spell(w)
		if ok {
			accepted++
		}
		if ok == rejected[w] {
			verdict := "we accept, hunspell rejects"
			if !ok {
				verdict = "we reject, hunspell accepts"
			}
			disagree = append(disagree, w+": "+verdict)
		}
	}
	agreement := 1 - float64(len(disagree))/float64(len(words))
	t.Logf("%d words, %d accepted, %d disagreements, agreement %.4f%%", len(words), accepted, len(disagree), 100*agreement)
	for i, s := range disagree {
		if i == 50 {
			t.Logf("...")
			break
		}
		t.Log(s)
	}
	if agreement < 0.999 {
		t.Errorf("agreement %.4f%% is below 99.9%%", 100*agreement)
	}
	// Both sides must see a fair share of good and bad words, or the
	// comparison says little.
	if accepted < len(words)/4 || accepted > len(words)*3/4 {
		t.Errorf("%d of %d words accepted: the generator is off balance", accepted, len(words))
	}
}

// ownText is Arabic news prose written for this test (not taken from any
// publication), with harakat, tatweel and lam-alef ligatures in places.
const ownText = `
أعلنت وزارة الصحة في بيان صدر صباح اليوم أن فرقها الطبية تمكنت من احتواء
انتشار المرض في القرى الشمالية، وأكدت أن عدد الإصابات الجديدة انخفض خلال
الأسبوع الماضي. وقال المتحدث باسم الوزارة إن الحكومة ستواصل حملات التطعيم
في المدارس والمستشفيات حتى نهاية الشهر المقبل، داعيا المواطنين إلى الالتزام
بالإرشادات الصحية وعدم التهاون في إجراءات الوقاية.
وفي سياق متصل، اجتمع رئيس الوزراء مع وفد من البنك الدولي لبحث سبل تمويل
مشروعات البنية التحتية، وناقش الجانبان خطط إصلاح قطاع الكهرباء وتحسين شبكات
المياه في المدن الكبرى. وأشار بيان رسمي إلى أن الاتفاق يشمل قروضا ميسرة
ومنحا لدعم الأسر الفقيرة وتوفير فرص العمل للشباب.
على الصعيد الرياضي، فاز المنتخب الوطني على نظيره بهدفين مقابل هدف واحد في
المباراة التي أقيمت مساء أمس على الملعب الرئيسي للعاصمة، وسط حضور جماهيري
كبير. وعبر المدرب عن سعادته بأداء اللاعبين، مؤكدا أن الفريق يستعد للبطولة
القارية بروح عالية.
وذكرت مصادر مطلعة أن المفاوضات بين الطرفين ستُستأنف الأسبوع المقبل في
العاصمة، بعد أن توقفت بسبب خلافات حول آلية توزيع الموارد. وتوقع محللون أن
تُسفر الجولة الجديدة عن اتفاق مبدئي يمهد لتسوية شاملة.
كَتَبَ الصَّحَفِيُّ مَقَالَةً طَوِيلَةً عَنِ الاقْتِصَادِ. قـــال المسؤول ﻻ تعليق
لدينا الآن. ٱلحمد لله. ﻷن القرار لم يصدر بعد، ﻹعلان النتائج، ﻵخر مرة.
وتشير التقديرات إلى أن معدل التضخم سيتراجع تدريجيا مع استقرار أسعار الصرف
وزيادة الصادرات الزراعية والصناعية، في حين حذر خبراء من مخاطر ارتفاع الدين
العام وتأثيره على قدرة الدولة في الإنفاق على التعليم والصحة.
`
