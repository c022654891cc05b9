package source

import (
	"math"
	"strconv"
	"strings"

	"github.com/daqiq/daqiq/lint/arabic"
)

// A number as a text gives it: digits or words (٣ = 3 = ثلاثة، 1.5 مليون =
// مليون ونصف), with the words about it that say what it counts.
type number struct {
	lo, hi int     // tokens [lo, hi)
	value  float64 // its value
	approx int8    // 0 exact; 1 about (نحو، قرابة); 2 at least (أكثر من); 3 at most (أقل من)
	noun   uint64  // stem hash of the word after it (the counted noun or unit), 0 none
	prev   uint64  // stem hash of the content word before it, 0 none
}

// word values of the numerals, by folded key (hamza seats, ى and ة folded,
// no proclitic): units and tens add, scales multiply.
const (
	nUnit = iota + 1
	nTen
	nHundred
	nScale
	nFraction
	nTeen // عشر / عشرة after a unit
)

type numWord struct {
	kind  uint8
	value float64
}

var numWords = func() map[string]numWord {
	m := map[string]numWord{}
	add := func(kind uint8, v float64, ws ...string) {
		for _, w := range ws {
			m[w] = numWord{kind, v}
		}
	}
	add(nUnit, 1, "واحد", "واحده")
	add(nUnit, 2, "اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي")
	add(nUnit, 3, "ثلاث", "ثلاثه")
	add(nUnit, 4, "اربع", "اربعه")
	add(nUnit, 5, "خمس", "خمسه")
	add(nUnit, 6, "سته")
	add(nUnit, 7, "سبعه")
	add(nUnit, 8, "ثماني", "ثمانيه")
	add(nUnit, 9, "تسع", "تسعه")
	add(nUnit, 10, "عشره")
	add(nUnit, 1, "احد", "احدي")
	for i, w := range []string{"ثلاثا", "اربعا", "خمسا", "ستا", "سبعا", "ثمانيا", "تسعا"} {
		add(nUnit, float64(i+3), w)
	}
	add(nTeen, 10, "عشر")
	add(nTen, 20, "عشرون", "عشرين")
	add(nTen, 30, "ثلاثون", "ثلاثين")
	add(nTen, 40, "اربعون", "اربعين")
	add(nTen, 50, "خمسون", "خمسين")
	add(nTen, 60, "ستون", "ستين")
	add(nTen, 70, "سبعون", "سبعين")
	add(nTen, 80, "ثمانون", "ثمانين")
	add(nTen, 90, "تسعون", "تسعين")
	add(nHundred, 100, "مءه", "ماءه", "ميه")
	add(nHundred, 200, "مءتان", "مءتين", "ماءتان", "ماءتين")
	for u, w := range []string{"ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"} {
		add(nHundred, float64(u+3)*100, w+"مءه", w+"ماءه")
	}
	add(nScale, 1e3, "الف", "الاف", "الفا")
	add(nScale, 2e3, "الفان", "الفين")
	add(nScale, 1e6, "مليون", "ملايين", "مليونا")
	add(nScale, 2e6, "مليونان", "مليونين")
	add(nScale, 1e9, "مليار", "مليارات", "مليارا")
	add(nScale, 2e9, "ملياران", "مليارين")
	add(nFraction, 0.5, "نصف")
	add(nFraction, 0.25, "ربع")
	return m
}()

// numWordAt reads the numeral word of token i: its value and whether a
// و joins it to the number before.
func numWordAt(t *text, i int) (numWord, bool, bool) {
	tk := &t.toks[i]
	if tk.Kind != arabic.Word || !tk.Arabic {
		return numWord{}, false, false
	}
	k := tk.Key
	and := false
	if strings.HasPrefix(k, "و") && len(k) > len("و")+4 {
		if w, ok := numWords[foldString(k[len("و"):])]; ok {
			return w, true, true
		}
	}
	k, the := strings.CutPrefix(k, "ال")
	w, ok := numWords[foldString(k)]
	if the && w.kind == nUnit && w.value <= 2 { // الأحد، الاثنين: weekdays
		return numWord{}, false, false
	}
	return w, and, ok
}

// foldString folds a short key (a numeral's); numerals are few letters,
// and only words that may be numerals reach here.
func foldString(k string) string {
	if !strings.ContainsAny(k, "أإآٱؤئىة") {
		return k
	}
	var b strings.Builder
	for _, r := range k {
		b.WriteRune(fold(r))
	}
	return b.String()
}

// mayBeNumeral: the first byte pair of a word that can start a numeral
// (after و or ال), to pass over most words without a map lookup.
func mayBeNumeral(key string) bool {
	r, _ := utfFirst(key)
	switch r {
	case 'و', 'ا', 'أ', 'إ', 'ث', 'خ', 'س', 'ت', 'ع', 'م', 'ن', 'ر':
		return true
	}
	return false
}

func utfFirst(s string) (rune, int) {
	for _, r := range s {
		return r, 0
	}
	return 0, 0
}

// rounding words before a number, by stem hash: about, at least, at most.
var rounding = func() map[uint64]int8 {
	m := map[uint64]int8{}
	for w, a := range map[string]int8{"نحو": 1, "قرابة": 1, "حوالي": 1, "زهاء": 1, "يقرب": 1, "يناهز": 1, "تقريبا": 1,
		"أكثر": 2, "يزيد": 2, "أزيد": 2, "يقل": 2, "يفوق": 2, "أقل": 3, "دون": 3} {
		_, h, _ := stemHash(w)
		m[h] = a
	}
	return m
}()

var percent = func() uint64 { _, h, _ := stemHash("%"); return h }()

// numbers returns the numbers of the tokens [lo, hi).
func numbers(t *text, lo, hi int, skip func(start, end int) bool) []number {
	var out []number
	for i := lo; i < hi; i++ {
		tk := &t.toks[i]
		isNum := tk.Kind == arabic.Number
		if !isNum {
			if tk.Kind != arabic.Word || !tk.Arabic || !mayBeNumeral(tk.Key) {
				continue
			}
			if _, and, ok := numWordAt(t, i); !ok || and {
				continue
			}
		}
		n, ok := readNumber(t, i, hi)
		if !ok || skip(t.toks[n.lo].Start, t.toks[n.hi-1].End) {
			if ok {
				i = n.hi - 1
			}
			continue
		}
		out = append(out, n)
		i = n.hi - 1
	}
	return out
}

// readNumber reads the number that starts at token i.
func readNumber(t *text, i, hi int) (number, bool) {
	n := number{lo: i}
	total, cur, lastScale := 0.0, 0.0, 0.0
	any := false
	j := i
	for j < hi {
		tk := &t.toks[j]
		if tk.Kind == arabic.Number {
			if any && !(j > 0 && prevAnd(t, j)) {
				break
			}
			v, err := strconv.ParseFloat(strings.ReplaceAll(tk.Key, ",", ""), 64)
			if err != nil {
				return n, false
			}
			cur += v
			any = true
			n.hi = j + 1
			j = nextNonSpace(t, j, hi)
			continue
		}
		if tk.Kind == arabic.Word && tk.Key == "و" && any { // و ونصف written apart
			j = nextNonSpace(t, j, hi)
			continue
		}
		w, and, ok := numWordAt(t, j)
		if !ok || any && !and && w.kind != nScale && w.kind != nTeen && !(w.kind == nHundred && cur == 0 && total == 0) {
			break
		}
		if !any && and {
			break
		}
		switch w.kind {
		case nUnit, nTen:
			cur += w.value
		case nTeen:
			if !any { // عشر سنوات
				cur = 10
				break
			}
			if cur < 1 || cur > 9 {
				return n, false
			}
			cur += 10
		case nHundred:
			if cur > 0 && cur < 10 && w.value == 100 { // ثلاث مئة
				cur *= 100
			} else {
				cur += w.value
			}
		case nScale:
			if cur == 0 {
				if w.value == 1e3 || w.value == 1e6 || w.value == 1e9 {
					cur = 1
				} else {
					cur, w.value = 2, w.value/2
				}
			}
			total += cur * w.value
			cur, lastScale = 0, w.value
		case nFraction:
			if !and && !any { // نصف مليون
				cur += w.value
				break
			}
			if lastScale == 0 {
				return n, false
			}
			total += w.value * lastScale
		}
		any = true
		n.hi = j + 1
		j = nextNonSpace(t, j, hi)
	}
	if !any || n.hi == 0 {
		return n, false
	}
	n.value = total + cur
	if n.value == 0 || math.IsInf(n.value, 0) {
		return n, false
	}
	// what it counts: the word after it (% or بالمئة a unit of its own)
	if k := nextNonSpace(t, n.hi-1, hi); k < hi {
		switch tk := &t.toks[k]; {
		case tk.Kind == arabic.Punct && (tk.Key == "%" || tk.Key == "٪"):
			n.noun = percent
		case tk.Kind == arabic.Word && tk.Arabic:
			if tk.Key == "في" || tk.Key == "من" {
				if k2 := nextNonSpace(t, k, hi); k2 < hi && t.toks[k2].Kind == arabic.Word {
					if f := folded(t.toks[k2].Key); f == "مءه" || f == "ماءه" {
						n.noun = percent
						break
					}
					k = k2
				}
			}
			if f := folded(t.toks[k].Key); f == "مءه" || f == "ماءه" {
				n.noun = percent
			} else if t.isKey[k] {
				n.noun = nounHash(t.toks[k].Key)
			}
		}
	}
	// the word before it, and a rounding word
	for k, seen := prevNonSpace(t, i, 0), 0; k >= 0 && seen < 3; k, seen = prevNonSpace(t, k, 0), seen+1 {
		tk := &t.toks[k]
		if tk.Kind != arabic.Word || !tk.Arabic {
			break
		}
		if a, ok := rounding[t.hash[k]]; ok {
			n.approx = a
			continue
		}
		if tk.Key == "من" || tk.Key == "ما" || tk.Key == "على" || tk.Key == "عن" || tk.Key == "لا" {
			continue
		}
		if t.isKey[k] {
			n.prev = t.hash[k]
		}
		break
	}
	return n, true
}

// nounHash hashes a counted noun without its case and number endings
// (دبلوماسيا، دبلوماسيين، دبلوماسيون → دبلوماسي).
func nounHash(key string) uint64 {
	pre := proclitic(key)
	s := key[pre:]
	for _, suf := range []string{"ين", "ون", "ات", "ان", "ا", "ة", "ه"} {
		if strings.HasSuffix(s, suf) && utf8Count(s)-utf8Count(suf) >= 3 {
			s = s[:len(s)-len(suf)]
			break
		}
	}
	_, h, _ := stemHash(s)
	return h
}

func utf8Count(s string) int { return len([]rune(s)) }

func prevAnd(t *text, j int) bool {
	k := prevNonSpace(t, j, 0)
	return k >= 0 && t.toks[k].Kind == arabic.Word && t.toks[k].Key == "و"
}

func nextNonSpace(t *text, j, hi int) int {
	for j++; j < hi && t.toks[j].Kind == arabic.Space && t.toks[j].Breaks == 0; j++ {
	}
	return j
}

func prevNonSpace(t *text, j, lo int) int {
	for j--; j >= lo && t.toks[j].Kind == arabic.Space && t.toks[j].Breaks == 0; j-- {
	}
	return j
}

// agree reports whether the article's number a may stand for the wire's w.
func agree(a, w number) bool {
	if a.value == w.value {
		return true
	}
	lo, hi := min(a.value, w.value), max(a.value, w.value)
	near := hi <= lo*1.15
	if a.approx == w.approx && a.approx != 0 || (a.approx == 1 || w.approx == 1) && near {
		return near
	}
	// أكثر من 40 for the wire's 45, or 45 for the wire's أكثر من 40:
	// bounded, so that أكثر من 500 is not the wire's 5000
	return a.approx == 2 && w.value > a.value && w.value <= a.value*1.5 ||
		a.approx == 3 && w.value < a.value && w.value*1.5 >= a.value ||
		w.approx == 2 && a.value > w.value && a.value <= w.value*1.5 ||
		w.approx == 3 && a.value < w.value && a.value*1.5 >= w.value
}
