// Package arabic is the second stage of the pipeline: it splits a document's
// text into tokens (Arabic words with their harakat and tatweel, numbers in
// any of the three digit sets, punctuation, whitespace) and gives every word
// a normalised key for matching, while the token keeps the byte span of the
// original text.
package arabic

import "unicode"

// Tatweel (kashida) stretches a word and carries no meaning.
const Tatweel = '\u0640'

// IsLetter reports whether r is an Arabic-script letter.
func IsLetter(r rune) bool {
	switch {
	case r >= 0x0621 && r <= 0x063A, r >= 0x0641 && r <= 0x064A:
		return true
	case r >= 0x066E && r <= 0x066F, r >= 0x0671 && r <= 0x06D3, r == 0x06D5:
		return true
	case r >= 0x06EE && r <= 0x06EF, r >= 0x06FA && r <= 0x06FC, r == 0x06FF:
		return true
	case r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08C9:
		return true
	}
	return false
}

// IsHaraka reports whether r is a diacritic that sits on an Arabic letter:
// the harakat, tanween, shadda, sukun, the dagger alef and Quranic marks.
func IsHaraka(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670:
		return true
	case r >= 0x06D6 && r <= 0x06DC, r >= 0x06DF && r <= 0x06E8, r >= 0x06EA && r <= 0x06ED:
		return true
	case r >= 0x08CA && r <= 0x08FF, r >= 0x0610 && r <= 0x061A:
		return true
	}
	return false
}

// IsIgnorable reports whether r is a character with no visible form that may
// sit inside a word: zero-width joiners and non-joiners, direction marks, a
// word joiner or a stray BOM. Keys drop them.
func IsIgnorable(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C:
		return true
	}
	return false
}

// inWord reports whether r continues a word that has started.
func inWord(r rune) bool {
	return IsLetter(r) || IsHaraka(r) || r == Tatweel || IsIgnorable(r)
}

// DigitValue returns the value of an ASCII, Arabic-Indic (٠-٩) or Persian
// (۰-۹) digit, or -1.
func DigitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= 0x0660 && r <= 0x0669:
		return int(r - 0x0660)
	case r >= 0x06F0 && r <= 0x06F9:
		return int(r - 0x06F0)
	}
	return -1
}

// IsSpace reports whether r is whitespace, including the no-break space.
func IsSpace(r rune) bool {
	switch {
	case r == ' ', r >= '\t' && r <= '\r':
		return true
	case r < 0x85, r >= 0x600 && r < 0x1680:
		return false
	}
	return unicode.IsSpace(r)
}

// IsWordRune reports whether r belongs to a word of any script: used for
// word boundaries.
func IsWordRune(r rune) bool {
	return inWord(r) || unicode.IsLetter(r) || unicode.IsMark(r) || DigitValue(r) >= 0 || unicode.IsDigit(r)
}
