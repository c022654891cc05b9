package arabic

import (
	"strings"
	"unicode/utf8"
)

// Key returns the matching key of a word: harakat, tatweel and invisible
// joiners removed, every letter as written. When nothing needs removing it
// returns s itself without allocating.
func Key(s string) string {
	for i, r := range s {
		if IsHaraka(r) || r == Tatweel || IsIgnorable(r) {
			var b strings.Builder
			b.Grow(len(s))
			b.WriteString(s[:i])
			for _, r := range s[i:] {
				if !(IsHaraka(r) || r == Tatweel || IsIgnorable(r)) {
					b.WriteRune(r)
				}
			}
			return b.String()
		}
	}
	return s
}

// FoldHamza folds the alef forms أ إ آ ٱ to a bare ا. Rules that accept the
// writer's choice of hamza seat use it; spelling rules do not.
func FoldHamza(s string) string {
	if !strings.ContainsAny(s, "أإآٱ") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ':
			return 'ا'
		}
		return r
	}, s)
}

// FoldYeh folds a final alef maksura ى to ي (فى → في).
func FoldYeh(s string) string {
	if strings.HasSuffix(s, "ى") {
		return s[:len(s)-len("ى")] + "ي"
	}
	return s
}

// EndsWithMaksura reports whether s ends in ى.
func EndsWithMaksura(s string) bool { return strings.HasSuffix(s, "ى") }

// RuneCount is the number of letters in a key.
func RuneCount(s string) int { return utf8.RuneCountInString(s) }
