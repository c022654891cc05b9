package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of a token.
type Kind uint8

const (
	Space  Kind = iota // a run of whitespace, the no-break space included
	Word               // a word: Arabic letters with harakat and tatweel, or another script's letters
	Number             // a run of ASCII, Arabic-Indic or Persian digits, with . , ٫ ٬ between digits
	Punct              // one punctuation mark or symbol
)

func (k Kind) String() string {
	return [...]string{"space", "word", "number", "punct"}[k]
}

// Token is one piece of the text. Start and End are byte offsets into the
// text the tokens came from; the token's text is text[Start:End].
type Token struct {
	Kind       Kind
	Arabic     bool   // a word in Arabic script
	Breaks     uint16 // for Space: the number of line breaks inside it
	Start, End int
	// Key is a word's normalised form (see Key), a number's value in ASCII
	// digits, or the text itself for punctuation and space.
	Key string
}

// Tokenize splits text into tokens. Every byte belongs to exactly one token,
// except a leading BOM, which is skipped.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	i := 0
	if strings.HasPrefix(text, "\uFEFF") {
		i = len("\uFEFF")
	}
	for i < len(text) {
		r, n := decode(text, i)
		start := i
		switch {
		case IsLetter(r) || ((IsIgnorable(r) || r == Tatweel) && nextIsLetter(text, i+n)):
			// an Arabic word; Key is only computed when the word has marks
			clean := IsLetter(r)
			i += n
			for i < len(text) {
				// fast path: a two-byte character of the Arabic block
				if c := text[i]; c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
					switch block[int(c&0x03)<<6|int(text[i+1]&0x3F)] {
					case clsLetter:
						i += 2
						continue
					case clsMark:
						clean = false
						i += 2
						continue
					case clsOther:
						goto end
					}
				}
				r, n := decode(text, i)
				if IsLetter(r) {
					i += n
					continue
				}
				if !inWord(r) {
					break
				}
				clean = false
				i += n
			}
		end:
			// a trailing invisible mark belongs to what follows
			for i > start {
				r, n := utf8.DecodeLastRuneInString(text[start:i])
				if !IsIgnorable(r) {
					break
				}
				i -= n
			}
			key := text[start:i]
			if !clean {
				key = Key(key)
			}
			toks = append(toks, Token{Kind: Word, Arabic: true, Start: start, End: i, Key: key})
		case IsSpace(r):
			var breaks uint16
			for i < len(text) {
				r, n := decode(text, i)
				if !IsSpace(r) {
					break
				}
				if r == '\n' || r == 0x2028 || r == 0x2029 || r == 0x85 {
					breaks++
				}
				i += n
			}
			toks = append(toks, Token{Kind: Space, Breaks: breaks, Start: start, End: i, Key: text[start:i]})
		case DigitValue(r) >= 0:
			i = scanNumber(text, i)
			toks = append(toks, Token{Kind: Number, Start: start, End: i, Key: asciiDigits(text[start:i])})
		case unicode.IsLetter(r):
			i += n
			for i < len(text) {
				r, n := decode(text, i)
				if IsLetter(r) || !(unicode.IsLetter(r) || unicode.IsMark(r) || r == '\'' && i+n < len(text) && isLatinNext(text[i+n:])) {
					break
				}
				i += n
			}
			toks = append(toks, Token{Kind: Word, Start: start, End: i, Key: text[start:i]})
		case IsHaraka(r) || r == Tatweel || IsIgnorable(r) || unicode.IsMark(r):
			// a stray mark or tatweel with no letter before it: glue it to
			// the previous token so no byte is lost, or make it punctuation
			i += n
			if len(toks) > 0 && toks[len(toks)-1].End == start && toks[len(toks)-1].Kind == Word {
				t := &toks[len(toks)-1]
				t.End = i
				t.Key = Key(text[t.Start:t.End])
				continue
			}
			toks = append(toks, Token{Kind: Punct, Start: start, End: i, Key: text[start:i]})
		default:
			i += n
			toks = append(toks, Token{Kind: Punct, Start: start, End: i, Key: text[start:i]})
		}
	}
	return toks
}

// Classes of the characters of the Arabic block U+0600–U+06FF, for the
// tokenizer's fast path.
const (
	clsOther  = iota + 1 // ends a word
	clsLetter            // a letter
	clsMark              // harakat, tatweel: inside a word, changes its key
)

var block = func() (b [256]uint8) {
	for i := range b {
		r := rune(0x600 + i)
		switch {
		case IsLetter(r):
			b[i] = clsLetter
		case IsHaraka(r) || r == Tatweel || IsIgnorable(r):
			b[i] = clsMark
		default:
			b[i] = clsOther
		}
	}
	return b
}()

// decode is utf8.DecodeRuneInString with fast paths for ASCII and the
// two-byte sequences of Arabic script.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < 0x80 {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

func nextIsLetter(text string, i int) bool {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if IsLetter(r) {
			return true
		}
		if !IsIgnorable(r) && r != Tatweel {
			return false
		}
		i += n
	}
	return false
}

func isLatinNext(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && !IsLetter(r)
}

// scanNumber returns the end of the number starting at i: digits, with a
// single . , ٫ or ٬ allowed between two digits.
func scanNumber(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if DigitValue(r) >= 0 {
			i += n
			continue
		}
		if r == '.' || r == ',' || r == '٫' || r == '٬' {
			r2, _ := utf8.DecodeRuneInString(text[i+n:])
			if i+n < len(text) && DigitValue(r2) >= 0 {
				i += n
				continue
			}
		}
		break
	}
	return i
}

func asciiDigits(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.Map(func(r rune) rune {
		if v := DigitValue(r); v >= 0 {
			return rune('0' + v)
		}
		switch r {
		case '٫':
			return '.'
		case '٬':
			return ','
		}
		return r
	}, s)
}
