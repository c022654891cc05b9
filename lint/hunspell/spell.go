package hunspell

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxWordBytes is Hunspell's limit on the length of a UTF-8 word; longer
// words are misspelled.
const maxWordBytes = 300

// Spell reports whether word is correctly spelled: a stem of the
// dictionary or a stem with affixes, after ICONV and with the IGNORE
// characters removed. A word that is a forbidden word or has a forbidden
// stem is misspelled.
func (d *Dict) Spell(word string) bool {
	if ok, found := d.cache.get(word); found {
		return ok
	}
	ok := d.spell(word, 0)
	d.cache.put(word, ok)
	return ok
}

// spell is Spell without the cache; depth counts the BREAK recursion.
func (d *Dict) spell(word string, depth int) bool {
	if len(word) >= maxWordBytes {
		return false
	}
	w := d.iconv.conv(word)
	w = d.removeIgnored(w)
	w = strings.TrimLeft(w, " ")
	trimmed := strings.TrimRight(w, ".")
	abbrev := len(w) > len(trimmed)
	w = trimmed
	if w == "" || isNumber(w) {
		return true
	}

	found, forbidden := d.checkCased(w, abbrev)
	if found {
		return true
	}
	if forbidden {
		return false
	}
	return d.spellBreak(w, depth)
}

// checkCased checks w as it is and, for a capitalised or all-capital
// word, in lower case and capitalised.
func (d *Dict) checkCased(w string, abbrev bool) (found, forbidden bool) {
	check := func(s string, caseChanged bool) bool {
		e, forb := d.checkWord(s)
		if forb {
			forbidden = true
			return false
		}
		if e < 0 && abbrev {
			e, forb = d.checkWord(s + ".")
			if forb {
				forbidden = true
				return false
			}
		}
		if e >= 0 && caseChanged && has(d.setOf(e), d.keepCase) {
			return false
		}
		return e >= 0
	}
	if check(w, false) {
		return true, false
	}
	if forbidden {
		return false, true
	}
	switch capType(w) {
	case allCap:
		lower := strings.ToLower(w)
		if check(initCap(lower), true) {
			return true, false
		}
		if forbidden {
			return false, true
		}
		return check(lower, true), forbidden
	case initCapType:
		return check(strings.ToLower(w), true), forbidden
	}
	return false, false
}

// checkWord looks w up as a stem, then with affixes. It returns the stem
// entry, or -1, and whether the word is forbidden.
func (d *Dict) checkWord(w string) (e int32, forbidden bool) {
	lo, hi := d.homonyms(w)
	if lo < hi && has(d.setOf(lo), d.forbidden) {
		return -1, true
	}
	for e := lo; e < hi; e++ {
		set := d.setOf(e)
		if !has(set, d.needAffix) && !has(set, d.onlyInCompound) {
			return e, false
		}
	}
	e = d.affixCheck(w)
	if e < 0 {
		return -1, false
	}
	if has(d.setOf(e), d.onlyInCompound) {
		return -1, false
	}
	if has(d.setOf(e), d.forbidden) {
		return -1, true
	}
	return e, false
}

// spellBreak accepts a word whose parts around a BREAK pattern are words.
func (d *Dict) spellBreak(w string, depth int) bool {
	breaks := d.breaks
	if breaks == nil {
		breaks = defaultBreaks
	}
	if len(breaks) == 0 || depth > 10 {
		return false
	}
	n := 0
	for _, b := range breaks {
		if b = strings.Trim(b, "^$"); b != "" {
			n += strings.Count(w, b)
		}
	}
	if n >= 10 {
		return false
	}
	for _, b := range breaks {
		if len(b) < 2 || len(b) > len(w) {
			continue
		}
		if b[0] == '^' && strings.HasPrefix(w, b[1:]) && d.spell(w[len(b)-1:], depth+1) {
			return true
		}
		if b[len(b)-1] == '$' && strings.HasSuffix(w, b[:len(b)-1]) && d.spell(w[:len(w)-len(b)+1], depth+1) {
			return true
		}
	}
	for _, b := range breaks {
		if b == "" || b[0] == '^' || b[len(b)-1] == '$' {
			continue
		}
		// Hunspell tries the second occurrence, then the first.
		first := strings.Index(w, b)
		if first <= 0 || first+len(b) >= len(w) {
			continue
		}
		at := []int{first}
		if second := strings.Index(w[first+1:], b); second >= 0 {
			second += first + 1
			if second+len(b) < len(w) {
				at = []int{second, first}
			}
		}
		for _, i := range at {
			if d.spell(w[i+len(b):], depth+1) && d.spell(w[:i], depth+1) {
				return true
			}
		}
	}
	return false
}

var defaultBreaks = []string{"-", "^-", "-$"}

// isNumber reports whether w is ASCII digits with single separators . , -
// between them (Hunspell accepts these).
func isNumber(w string) bool {
	digit := false
	sep := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			digit = true
			sep = false
		case c == '.' || c == ',' || c == '-':
			if sep || i == 0 {
				return false
			}
			sep = true
		default:
			return false
		}
	}
	return digit && !sep
}

const (
	noCap = iota
	initCapType
	allCap
	otherCap
)

func capType(w string) int {
	upper, letters := 0, 0
	firstUpper := false
	for i, r := range w {
		if unicode.IsUpper(r) {
			upper++
			if i == 0 {
				firstUpper = true
			}
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	switch {
	case upper == 0:
		return noCap
	case upper == 1 && firstUpper:
		return initCapType
	case upper == letters:
		return allCap
	}
	return otherCap
}

func initCap(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToTitle(r)) + w[size:]
}
