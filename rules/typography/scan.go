package typography

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// docScan is what one pass over a document's tokens finds for all the
// typography rules, computed once per document (lint.Pass.Memo): most
// tokens need no more than a look at their kind and length.
type docScan struct {
	// spaces are the space tokens that may hold a finding: two bytes or
	// more, not only line breaks, or the last token.
	spaces []int32
	// glued are the number tokens with a word token on either side.
	glued []int32
	// words are long Arabic words that may be two words: a ة or ى inside
	// them, or a letter that does not join the next at a place where they
	// could split, and no known form among their readings.
	words []int32
	// marked are Arabic words written with more than letters: harakat,
	// tatweel or invisible marks (their key is shorter than their text).
	marked []int32
	// controls are punctuation tokens that are bidi controls.
	controls []int32
	// c0 are the tokens that hold a control character: punctuation (C0,
	// DEL, C1) and whitespace with a vertical tab or form feed.
	c0 []int32
	// nonASCII: some number is written in Arabic-Indic or Persian digits.
	nonASCII bool
}

var (
	lexOnce sync.Once
	lexData *lexicon
	lexErr  error
)

func scanOf(p *lint.Pass) *docScan {
	return p.Memo("typography/scan", func() any { return scanTokens(p) }).(*docScan)
}

func scanTokens(p *lint.Pass) *docScan {
	s := &docScan{}
	lx, _ := builtinLexicon() // its error stops rules.Builtin first
	if lx == nil {
		return s
	}
	toks := p.Tokens
	text := p.Text
	for i := range toks {
		t := &toks[i]
		switch t.Kind {
		case arabic.Word:
			if !t.Arabic {
				continue
			}
			k := len(t.Key)
			if k != t.End-t.Start {
				s.marked = append(s.marked, int32(i))
			}
			switch {
			case k < 10:
			case k < 12:
				// five letters: only a ة or ى second or third can part
				// them (إلىأن، علىأن)
				if tehOrMaksura(t.Key[2:4]) || tehOrMaksura(t.Key[4:6]) {
					s.words = append(s.words, int32(i))
				}
			case !lx.knownFast(p.Splits, i):
				// a known form is one word; the others are few, and
				// only they get their letters read
				if mayBeTwo(t.Key) != one {
					s.words = append(s.words, int32(i))
				}
			}
		case arabic.Space:
			n := t.End - t.Start
			if n >= 2 && n != int(t.Breaks) || i == len(toks)-1 {
				s.spaces = append(s.spaces, int32(i))
			}
			if c := text[t.Start]; n == 1 && (c == '\v' || c == '\f') || n > 1 && strings.ContainsAny(text[t.Start:t.End], "\v\f") {
				s.c0 = append(s.c0, int32(i))
			}
		case arabic.Punct:
			// U+202A-U+202E are E2 80 AA-AE, U+2066-U+2069 E2 81 A6-A9
			switch c := text[t.Start]; {
			case c == 0xE2:
				if t.End-t.Start == 3 && hiddenClass(decodeAt(text, t.Start)) == bidiControl {
					s.controls = append(s.controls, int32(i))
				}
			case c < 0x20, c == 0x7F, c == 0xC2 && isControl(decodeAt(text, t.Start)):
				s.c0 = append(s.c0, int32(i))
			}
		case arabic.Number:
			if len(t.Key) != t.End-t.Start { // the key is the number in ASCII
				s.nonASCII = true
			}
			if i > 0 && toks[i-1].Kind == arabic.Word || i+1 < len(toks) && toks[i+1].Kind == arabic.Word {
				s.glued = append(s.glued, int32(i))
			}
		}
	}
	return s
}

// What mayBeTwo finds in a key.
const (
	one    = iota // nothing: one word
	inside        // a ة or ى with letters on both sides
	joint         // a letter that does not join the next, where two words of three letters or more could meet
)

// mayBeTwo looks at the letters of a key, two bytes each in the Arabic
// block: a ة (D8 A9) or ى (D9 89) after the first letter and before the
// last two, or a non-joining letter (ا أ إ آ ء ؤ د ذ ر ز و) closing a first
// half of three letters or more before a second of three or more.
func mayBeTwo(k string) int {
	found := one
	n := len(k)
	// letter m = j/2: a ة or ى needs m ≥ 1 and two letters after it
	// (j+6 ≤ n); a joint needs m ≥ 2 and three letters after it (j+8 ≤ n)
	for j := 2; j+6 <= n; j += 2 {
		switch k[j] {
		case 0xD8:
			c := k[j+1]
			if c == 0xA9 {
				return inside
			}
			if j >= 4 && j+8 <= n && nonJoiningD8(c) {
				found = joint
			}
		case 0xD9:
			switch k[j+1] {
			case 0x89:
				return inside
			case 0x88: // و
				if j >= 4 && j+8 <= n {
					found = joint
				}
			}
		}
	}
	return found
}

// tehOrMaksura reports whether the two bytes are ة or ى.
func tehOrMaksura(l string) bool { return l == tehMarbuta || l == alefMaksura }

// nonJoiningD8 reports whether D8 c is a letter that does not join the
// next: ء آ أ ؤ إ ا د ذ ر ز.
func nonJoiningD8(c byte) bool {
	switch c {
	case 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA7, 0xAF, 0xB0, 0xB1, 0xB2:
		return true
	}
	return false
}

func decodeAt(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}
