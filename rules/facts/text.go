package facts

import (
	"strconv"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// span is a sentence: the tokens [lo, hi) of the pass.
type span struct{ lo, hi int }

// sentences cuts the text into sentences: at . ! ? ؟ and at line breaks.
// A line that ends in a colon runs on into the short lines under it (a
// list of results, one a line) until a blank line. Computed once per
// document for the rules of the family.
func sentences(p *lint.Pass) []span {
	return p.Memo("facts.sentences", func() any { return cut(p.Tokens) }).([]span)
}

func cut(toks []arabic.Token) []span {
	var out []span
	lo := 0
	colonLine := false // the current sentence is a line ending in a colon
	listLines := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		switch {
		case t.Kind == arabic.Punct && (t.Key == "." || t.Key == "!" || t.Key == "?" || t.Key == "؟"):
			if !colonLine {
				out = append(out, span{lo, i + 1})
				lo = i + 1
			}
		case t.Kind == arabic.Space && t.Breaks > 0:
			if colonLine && t.Breaks == 1 && listLines < 12 && shortLine(toks, i+1) {
				listLines++
				continue
			}
			colonLine, listLines = false, 0
			if endsInColon(toks, lo, i) && t.Breaks == 1 {
				colonLine = true
				continue
			}
			out = append(out, span{lo, i})
			lo = i + 1
		}
	}
	if lo < len(toks) {
		out = append(out, span{lo, len(toks)})
	}
	return out
}

// shortLine reports whether the line starting at token i is a list item:
// at most 15 words.
func shortLine(toks []arabic.Token, i int) bool {
	words := 0
	for ; i < len(toks); i++ {
		switch {
		case toks[i].Kind == arabic.Space && toks[i].Breaks > 0:
			return true
		case toks[i].Kind == arabic.Word:
			if words++; words > 15 {
				return false
			}
		}
	}
	return true
}

func endsInColon(toks []arabic.Token, lo, i int) bool {
	for j := i - 1; j >= lo; j-- {
		switch toks[j].Kind {
		case arabic.Space:
			continue
		case arabic.Punct:
			return toks[j].Key == ":"
		}
		return false
	}
	return false
}

// next returns the index of the first token after i that is not a space
// inside the line, or hi.
func next(toks []arabic.Token, i, hi int) int {
	for i++; i < hi; i++ {
		if toks[i].Kind != arabic.Space {
			return i
		}
	}
	return hi
}

// prev returns the index of the last token before i that is not a space,
// or lo-1.
func prev(toks []arabic.Token, i, lo int) int {
	for i--; i >= lo; i-- {
		if toks[i].Kind != arabic.Space {
			return i
		}
	}
	return lo - 1
}

// glued reports whether the number at i is part of a number written in
// several tokens (2ر3, 6.5 written 6. 5, 10:30, 2024/11, 3-5, 30x50) or
// carries a letter or mark glued after it.
func glued(toks []arabic.Token, i int) bool {
	if i > 0 {
		t := toks[i-1]
		if t.Kind == arabic.Punct && strings.Contains(".-–/:×*'’,،\u200e\u200f\u061c", t.Key) {
			return true
		}
		if t.Kind == arabic.Word && (t.Key == "ر" || !t.Arabic) {
			return true
		}
	}
	if i+1 < len(toks) {
		t := toks[i+1]
		if t.Kind == arabic.Punct && strings.Contains(".-–/:×*'’,\u200e\u200f\u061c", t.Key) &&
			i+2 < len(toks) && toks[i+2].Kind == arabic.Number {
			return true
		}
		if t.Kind == arabic.Word {
			return true
		}
	}
	return false
}

// intValue reads a whole number: digits with thousands separators. A
// decimal (6.5, 6,5) is no whole number.
func intValue(key string) (int, bool) {
	if strings.Contains(key, ".") {
		return 0, false
	}
	if strings.Contains(key, ",") {
		groups := strings.Split(key, ",")
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		key = strings.Join(groups, "")
	}
	n, err := strconv.Atoi(key)
	return n, err == nil
}

// floatValue reads a number with its decimals (6.5, 6,5).
func floatValue(key string) (float64, bool) {
	if n, ok := intValue(key); ok {
		return float64(n), true
	}
	f, err := strconv.ParseFloat(strings.Replace(key, ",", ".", 1), 64)
	return f, err == nil
}

// bare strips the proclitics و and ف from a word key.
func bare(key string) string {
	for _, c := range [...]string{"و", "ف"} {
		if len(key) > len(c)+2 && strings.HasPrefix(key, c) {
			return key[len(c):]
		}
	}
	return key
}

// isWord reports whether token i is an Arabic word whose key, with و or
// ف taken off, is one of keys.
func isWord(toks []arabic.Token, i int, keys ...string) bool {
	if i < 0 || i >= len(toks) || toks[i].Kind != arabic.Word {
		return false
	}
	k, b := toks[i].Key, bare(toks[i].Key)
	for _, w := range keys {
		if k == w || b == w {
			return true
		}
	}
	return false
}

// approx are the words that make a figure a rounded one: نحو 90، أكثر من
// 90، حوالي 90، قرابة 90.
var approx = map[string]bool{
	"نحو": true, "حوالي": true, "حوالى": true, "قرابة": true, "زهاء": true,
	"أكثر": true, "اكثر": true, "أقل": true, "اقل": true, "يزيد": true, "تزيد": true,
	"يقارب": true, "تقارب": true, "يناهز": true, "ناهز": true, "أزيد": true, "يفوق": true,
	"تفوق": true, "يتجاوز": true, "تتجاوز": true, "تجاوز": true, "قرابه": true, "بنحو": true,
	"بحوالي": true, "بأكثر": true, "لأكثر": true, "لنحو": true, "أدنى": true, "أعلى": true,
	"ما": true, "فوق": true, "دون": true, "تقريبا": true, "تقريباً": true, "الأقل": true,
	"أقصى": true, "قرابتها": true, "متوسط": true, "معدل": true, "بمعدل": true, "بمتوسط": true,
}

// rounded reports whether the figure at token i reads as rounded: one of
// approx among the two words before it or right after it.
func rounded(toks []arabic.Token, i, lo, hi int) bool {
	j := i
	for n := 0; n < 2; n++ {
		j = prev(toks, j, lo)
		if j < lo || toks[j].Kind != arabic.Word {
			break
		}
		if approx[toks[j].Key] || approx[bare(toks[j].Key)] {
			return true
		}
	}
	k := next(toks, i, hi)
	if k < hi && toks[k].Kind == arabic.Word {
		k = next(toks, k, hi)
		if isWord(toks, k, "تقريبا", "تقريباً", "فأكثر", "فقط") {
			return true
		}
	}
	return false
}

// partial are the words that make a list a selection: من بينها، منها،
// أبرزها، مثل، وغيرها.
var partial = map[string]bool{
	"بينها": true, "بينهم": true, "بينهن": true, "منها": true, "منهم": true, "منهن": true,
	"أبرزها": true, "أبرزهم": true, "ابرزها": true, "ابرزهم": true, "أهمها": true, "أهمهم": true,
	"أغلبها": true, "أغلبهم": true, "معظمها": true, "معظمهم": true, "غالبيتهم": true,
	"غالبيتها": true, "ضمنها": true, "ضمنهم": true, "مثل": true, "أمثال": true, "غيرها": true,
	"غيرهم": true, "سواها": true, "سواهم": true, "إلخ": true, "الخ": true, "أحدها": true,
	"أحدهم": true, "بعضها": true, "بعضهم": true, "بعضهن": true, "خاصة": true, "لاسيما": true,
	"سيما": true, "بينهما": true, "منهما": true, "أحدهما": true, "إحداها": true, "إحداهما": true,
	"أكثرها": true, "أكثرهم": true, "أولها": true, "أولهم": true, "آخرها": true, "آخرهم": true,
	"كـ": true, "ومنها": true, "ومنهم": true, "إضافة": true, "بالإضافة": true, "فضلا": true,
	"علاوة": true, "عدا": true, "باستثناء": true, "كذلك": true, "أيضا": true, "أيضاً": true,
	"جانب": true, "تشمل": true, "يشمل": true, "شملت": true, "شمل": true, "بما": true,
}

// partialIn reports whether a word of partial is among tokens [lo, hi).
func partialIn(toks []arabic.Token, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if toks[i].Kind == arabic.Word && (partial[toks[i].Key] || partial[bare(toks[i].Key)]) {
			return true
		}
		if toks[i].Kind == arabic.Punct && (toks[i].Key == "…" || toks[i].Key == "." && i+1 < hi && toks[i+1].Key == ".") {
			return true // an ellipsis: and so on
		}
	}
	return false
}

// skeleton is a noun's consonants: the article, long vowels, hamza
// seats, tanween alef and the sound plural endings taken off, so that
// مقعدا، مقاعد and المقاعد, or قتيلا and قتلى, compare equal.
func skeleton(key string) string {
	key = bare(key)
	for _, a := range [...]string{"بال", "لل", "ال"} {
		if strings.HasPrefix(key, a) && len(key) > len(a)+4 {
			key = key[len(a):]
			break
		}
	}
	for _, suf := range [...]string{"ات", "ين", "ون"} {
		if strings.HasSuffix(key, suf) && len(key) > len(suf)+4 {
			key = key[:len(key)-len(suf)]
			break
		}
	}
	key = strings.TrimSuffix(key, "ة")
	var b strings.Builder
	for _, r := range key {
		switch r {
		case 'ا', 'أ', 'إ', 'آ', 'ء', 'ؤ', 'ئ', 'و', 'ي', 'ى':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// yearWord reports whether the word before the number at i dates it (عام
// 2015، سنة 2015) or the number is a year-like four digits.
func yearLike(toks []arabic.Token, i, lo int) bool {
	if n, ok := intValue(toks[i].Key); ok && n >= 1900 && n <= 2100 && len(toks[i].Key) == 4 {
		return true
	}
	j := prev(toks, i, lo)
	return isWord(toks, j, "عام", "العام", "سنة", "لعام", "رقم", "المادة", "الفقرة", "البند", "الساعة", "القرار", "الدورة", "النسخة", "الطريق")
}

// percentAt reports whether the number at i is a percentage (45%، 45 ٪،
// 45 في المئة، 45 بالمئة) and returns the last token of its sign.
func percentAt(toks []arabic.Token, i, hi int) (int, bool) {
	j := i + 1
	if j < hi && toks[j].Kind == arabic.Space && toks[j].Breaks == 0 {
		j++
	}
	if j >= hi {
		return 0, false
	}
	if toks[j].Kind == arabic.Punct && (toks[j].Key == "%" || toks[j].Key == "٪") {
		return j, true
	}
	if isWord(toks, j, "بالمئة", "بالمائة", "بالمية") {
		return j, true
	}
	if isWord(toks, j, "في") {
		k := next(toks, j, hi)
		if isWord(toks, k, "المئة", "المائة", "المية") {
			return k, true
		}
	}
	return 0, false
}
