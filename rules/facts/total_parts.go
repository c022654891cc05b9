package facts

import (
	"strconv"

	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// TotalParts makes the rule facts/total-parts.
func TotalParts() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "facts/total-parts",
		Kind:     lint.Code,
		Category: "facts",
		Level:    lint.Warning,
		Summary:  "a total that its listed parts do not add up to (88 مقعدا: 37 و24 و20 و9)",
		Doc: lint.Doc{
			What:  "Finds a whole number of things followed by the list of its parts — after a colon or بواقع، موزعة، كالتالي، هي — or preceded by them and closed by بمجموع، بإجمالي، ما مجموعه, and adds the parts up. The parts must count the same thing as the total (the same noun: مقعدا، مقاعد) or name no noun at all (37 في الشمال), in the same sentence or in the short lines under a line ending in a colon. A list marked as a selection (منها، من بينها، أبرزها، مثل), a rounded figure (نحو، أكثر من، حوالي), a part counting something else, a decimal, a percentage or a year leaves the sentence alone.",
			Why:   "A breakdown that does not add up is the figure readers check first, and one of the two numbers is wrong: a part mistyped or the total left from an earlier version.",
			Wrong: "وفاز الحزب بـ 88 مقعدا: 37 في الشمال، و24 في الجنوب، و20 في الوسط، و9 في الشرق.",
			Right: "وفاز الحزب بـ 88 مقعدا: 37 في الشمال، و24 في الجنوب، و20 في الوسط، و7 في الشرق.",
		},
		Run: runTotalParts,
	}, nil
}

// breakdown are the words that open a full list of parts after a total.
var breakdown = map[string]bool{
	"بواقع": true, "موزعة": true, "موزعين": true, "موزعا": true, "موزعون": true, "مقسمة": true,
	"مقسمين": true, "كالتالي": true, "كالآتي": true, "كالاتي": true, "هي": true, "هم": true,
	"توزعت": true, "توزعوا": true,
}

// sumWords are the words that close a list of parts with its total.
var sumWords = map[string]bool{
	"بمجموع": true, "بإجمالي": true, "باجمالي": true, "مجموعه": true, "مجموعها": true,
	"مجموعهم": true, "إجماليه": true, "إجماليها": true, "المجموع": true, "الإجمالي": true,
	"الاجمالي": true, "إجمالي": true, "مجموع": true,
}

// notNoun are words after a figure that are no counted noun: the part
// after them names no noun of its own (37 في الشمال).
var notNoun = map[string]bool{
	"في": true, "من": true, "على": true, "عن": true, "ل": true,
	"ب": true, "مع": true, "عند": true, "لصالح": true, "داخل": true, "خارج": true,
	"ضمن": true, "لدى": true, "و": true, "أو": true, "او": true,
	"لـ": true, "حصة": true, "مقابل": true, "لحزب": true, "لقائمة": true,
}

// months are month names, which make a figure a day of the month.
var months = map[string]bool{
	"يناير": true, "فبراير": true, "مارس": true, "أبريل": true, "ابريل": true, "مايو": true,
	"يونيو": true, "يوليو": true, "أغسطس": true, "اغسطس": true, "سبتمبر": true, "أكتوبر": true,
	"اكتوبر": true, "نوفمبر": true, "ديسمبر": true, "كانون": true, "شباط": true, "آذار": true,
	"نيسان": true, "أيار": true, "حزيران": true, "تموز": true, "آب": true, "أيلول": true,
	"تشرين": true, "محرم": true, "صفر": true, "ربيع": true, "جمادى": true, "رجب": true,
	"شعبان": true, "رمضان": true, "شوال": true, "ذي": true, "ذو": true,
}

// figureAt reads the whole number at token i as a count: not part of a
// longer number, not a year, a percentage, a day or a rounded figure.
func figureAt(toks []arabic.Token, i int, s span) (int, bool) {
	if toks[i].Kind != arabic.Number || glued(toks, i) {
		return 0, false
	}
	n, ok := intValue(toks[i].Key)
	if !ok || yearLike(toks, i, s.lo) || rounded(toks, i, s.lo, s.hi) {
		return 0, false
	}
	if _, pct := percentAt(toks, i, s.hi); pct {
		return 0, false
	}
	if isWord(toks, prev(toks, i, s.lo), "يوم", "اليوم", "ليوم", "الساعة", "بالساعة", "بين", "من", "إلى", "الى") {
		return 0, false // a day, an hour, a range: بين 14 و16، من 14 إلى 16
	}
	if ranged(toks, i, s) {
		return 0, false
	}
	return n, true
}

// ranged reports whether the figure at i is an end of a range or a pair:
// 18 – 38، 14 إلى 16، 18 و 19، (1332 - 1406).
func ranged(toks []arabic.Token, i int, s span) bool {
	for _, j := range [...]int{prev(toks, i, s.lo), next(toks, i, s.hi)} {
		if j < s.lo || j >= s.hi {
			continue
		}
		t := &toks[j]
		if t.Kind == arabic.Punct && strings.Contains("-–—()/", t.Key) {
			return true
		}
		if isWord(toks, j, "إلى", "الى", "حتى") {
			return true
		}
	}
	if j := prev(toks, i, s.lo); j >= s.lo && toks[j].Kind == arabic.Word && toks[j].Key == "و" {
		if k := prev(toks, j, s.lo); k >= s.lo && toks[k].Kind == arabic.Number {
			return true
		}
	}
	if j := next(toks, i, s.hi); isWord(toks, j, "و") {
		if k := next(toks, j, s.hi); k < s.hi && toks[k].Kind == arabic.Number {
			return true
		}
	}
	return false
}

// units are the skeletons of what is measured rather than counted: time,
// ages, distance, temperature. Their totals are not broken down.
var units = map[string]bool{
	"عم": true, "سن": true, "شهر": true, "سبع": true, "سع": true, "دقق": true, "ثن": true,
	"درج": true, "متر": true, "كلمتر": true, "كلغرم": true, "كجم": true, "طن": true, "لتر": true,
	"ملمتر": true, "سنتمتر": true, "كلم": true, "ميل": true,
}

// part is one listed part: its figure and whether it names its noun.
type partKind uint8

const (
	noPart   partKind = iota // not a part of this total: the list is off
	bareOne                  // a figure naming no noun
	sameNoun                 // a figure with the total's noun
)

// partAt reads the figure at token i as a part of a total counting noun
// (a skeleton).
func partAt(toks []arabic.Token, i int, s span, noun string) (int, partKind) {
	n, ok := figureAt(toks, i, s)
	if !ok {
		return 0, noPart
	}
	w := next(toks, i, s.hi)
	if w >= s.hi || toks[w].Kind == arabic.Punct || toks[i+1].Kind == arabic.Space && toks[i+1].Breaks > 0 {
		return n, bareOne // the end of the sentence, a mark or the end of a line
	}
	if toks[w].Kind != arabic.Word || !toks[w].Arabic {
		return 0, noPart
	}
	k := toks[w].Key
	if months[k] {
		return 0, noPart
	}
	if skeleton(k) == noun {
		return n, sameNoun
	}
	if notNoun[k] || notNoun[bare(k)] || len(k) > len("لل") && (k[:len("لل")] == "لل" || len(k) > len("بال") && k[:len("بال")] == "بال") {
		return n, bareOne
	}
	return 0, noPart
}

func runTotalParts(p *lint.Pass) {
	toks := p.Tokens
	for _, s := range sentences(p) {
		// a total and two parts at least: three numbers in the sentence
		numbers := 0
		for i := s.lo; i < s.hi && numbers < 3; i++ {
			if toks[i].Kind == arabic.Number {
				numbers++
			}
		}
		if numbers < 3 {
			continue
		}
		for i := s.lo; i < s.hi; i++ {
			if toks[i].Kind != arabic.Number {
				continue
			}
			total, ok := figureAt(toks, i, s)
			if !ok || total < 2 {
				continue
			}
			w := next(toks, i, s.hi)
			if w >= s.hi || toks[w].Kind != arabic.Word || !toks[w].Arabic || notNoun[toks[w].Key] || months[toks[w].Key] {
				continue
			}
			noun := skeleton(toks[w].Key)
			if len(noun) < 2*2 || units[noun] || toks[w].Key == "يوما" || toks[w].Key == "أيام" {
				continue // a noun of one letter left: no telling what it counts
			}
			sum, parts, most, ok := partsAfter(toks, w, s, noun)
			if !ok {
				sum, parts, most, ok = partsBefore(toks, i, s, noun)
			}
			if !ok || parts < 2 || sum == total || most >= total {
				continue
			}
			p.Report(lint.Diagnostic{
				Start: toks[i].Start, End: toks[w].End,
				Message: p.T("message", strconv.Itoa(sum), p.Text[toks[i].Start:toks[i].End]),
			})
		}
	}
}

// partsAfter adds up the parts listed after the total whose noun is the
// word at w: after a colon or a word of breakdown, within three words of
// the noun (هي and هم right after it).
func partsAfter(toks []arabic.Token, w int, s span, noun string) (sum, parts, most int, ok bool) {
	j, words := next(toks, w, s.hi), 0
	for ; j < s.hi; j = next(toks, j, s.hi) {
		t := &toks[j]
		if t.Kind == arabic.Punct && t.Key == ":" {
			break
		}
		if t.Kind == arabic.Word && breakdown[bare(t.Key)] && (words == 0 || !listMarkers[bare(t.Key)]) {
			if k := next(toks, j, s.hi); k < s.hi && toks[k].Kind == arabic.Punct && toks[k].Key == ":" {
				j = k
			}
			break
		}
		if t.Kind != arabic.Word || words > 0 && t.Key != bare(t.Key) || t.Key == "و" {
			return 0, 0, 0, false // not the total's phrase: a mark, a new clause
		}
		if words++; words > 3 {
			return 0, 0, 0, false
		}
	}
	if j >= s.hi || partialIn(toks, w, s.hi) {
		return 0, 0, 0, false
	}
	for k := j + 1; k < s.hi; k++ {
		if toks[k].Kind != arabic.Number {
			continue
		}
		n, kind := partAt(toks, k, s, noun)
		if kind == noPart {
			return 0, 0, 0, false
		}
		sum += n
		parts++
		most = max(most, n)
	}
	return sum, parts, most, true
}

// partsBefore adds up the parts listed before a total that a word of
// sumWords introduces (… بمجموع 88 مقعدا): every figure before it in the
// sentence must name the total's noun.
func partsBefore(toks []arabic.Token, i int, s span, noun string) (sum, parts, most int, ok bool) {
	intro := false
	j := i
	for n := 0; n < 3; n++ {
		j = prev(toks, j, s.lo)
		if j < s.lo || toks[j].Kind != arabic.Word {
			break
		}
		if sumWords[toks[j].Key] || sumWords[bare(toks[j].Key)] {
			intro = true
			break
		}
	}
	if !intro || partialIn(toks, s.lo, i) {
		return 0, 0, 0, false
	}
	for k := s.lo; k < j; k++ {
		if toks[k].Kind != arabic.Number {
			continue
		}
		n, kind := partAt(toks, k, s, noun)
		if kind != sameNoun {
			return 0, 0, 0, false
		}
		sum += n
		parts++
		most = max(most, n)
	}
	return sum, parts, most, true
}
