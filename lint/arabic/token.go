package arabic

import (
	"slices"
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
	return AppendTokens(make([]Token, 0, len(text)/5+1), text)
}

// AppendTokens appends the tokens of text (as Tokenize makes them) to toks
// and returns the extended slice: a caller that lints many documents can
// reuse one slice for all of them.
func AppendTokens(toks []Token, text string) []Token {
	// about one token in five bytes of Arabic prose: grow once, not by
	// doubling through the text (each step copies and, for a long text,
	// takes fresh memory from the system)
	toks = slices.Grow(toks, len(text)/5+1)
	i := 0
	if strings.HasPrefix(text, "\uFEFF") {
		i = len("\uFEFF")
	}
	// The loop handles the bulk of a text, words that start with a letter
	// of the Arabic block and ASCII whitespace, and writes their tokens in
	// place; appendOther does the rest.
	for i < len(text) {
		start := i
		var (
			kind   Kind
			arab   bool
			breaks uint16
			key    string
		)
		if c := text[i]; c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 &&
			block[int(c&0x03)<<6|int(text[i+1]&0x3F)] == clsLetter {
			var clean bool
			i, clean = scanWord(text, i+2)
			key = text[start:i]
			if !clean {
				key = Key(key)
			}
			kind, arab = Word, true
		} else if c == ' ' && i+1 < len(text) && (text[i+1] >= 0xD8 && text[i+1] <= 0xDB || asciiNonSpace(text[i+1])) {
			// one space before a letter or mark of the Arabic block or an
			// ASCII character that is not a space
			i++
			kind, key = Space, text[start:i]
		} else if c == ' ' || c >= '\t' && c <= '\r' {
			i, breaks = scanSpace(text, i)
			kind, key = Space, text[start:i]
		} else {
			toks, i = appendOther(toks, text, i)
			continue
		}
		if len(toks) == cap(toks) {
			toks = slices.Grow(toks, 1)
		}
		toks = toks[:len(toks)+1]
		t := &toks[len(toks)-1]
		t.Kind, t.Arabic, t.Breaks, t.Start, t.End, t.Key = kind, arab, breaks, start, i, key
	}
	return toks
}

// scanWord returns the end of the Arabic word whose first letter ends at
// i, and whether it has no harakat, tatweel or invisible marks (its key is
// then its text).
func scanWord(text string, i int) (int, bool) {
	start, clean := i, true
	for i < len(text) {
		c := text[i]
		// fast path: a two-byte character of the Arabic block
		if c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			switch block[int(c&0x03)<<6|int(text[i+1]&0x3F)] {
			case clsLetter:
				i += 2
				continue
			case clsMark:
				clean = false
				i += 2
				continue
			}
			break // clsOther
		}
		if c < 0x80 {
			break // ASCII never continues a word
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
	if clean {
		return i, true // no invisible mark at the end either
	}
	// a trailing invisible mark belongs to what follows; a word that ends
	// in a two-byte letter other than U+061C has none
	if !(text[i-2] >= 0xD8 && text[i-2] <= 0xDB && !(text[i-2] == 0xD8 && text[i-1] == 0x9C)) {
		for i > start {
			r, n := utf8.DecodeLastRuneInString(text[:i])
			if !IsIgnorable(r) {
				break
			}
			i -= n
		}
	}
	return i, false
}

// appendOther appends the token that starts at i when it is not an Arabic
// word starting with a letter of the Arabic block or ASCII whitespace, and
// returns where the next token starts.
func appendOther(toks []Token, text string, i int) ([]Token, int) {
	start := i
	if c := text[i]; c < 0x80 {
		// ASCII: no Arabic letter, mark or joiner; a digit, a Latin
		// letter or one punctuation mark (whitespace is done)
		switch {
		case c == ' ' || c >= '\t' && c <= '\r':
			var breaks uint16
			i, breaks = scanSpace(text, i)
			toks = append(toks, Token{Kind: Space, Breaks: breaks, Start: start, End: i, Key: text[start:i]})
		case c >= '0' && c <= '9':
			i = scanNumber(text, i)
			toks = append(toks, Token{Kind: Number, Start: start, End: i, Key: asciiDigits(text[start:i])})
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			i = scanLatin(text, i+1)
			toks = append(toks, Token{Kind: Word, Start: start, End: i, Key: text[start:i]})
		default:
			i++
			toks = append(toks, Token{Kind: Punct, Start: start, End: i, Key: text[start:i]})
		}
		return toks, i
	}
	r, n := decode(text, i)
	if r < rune(len(plainPunct)*64) && plainPunct[r>>6]&(1<<(r&63)) != 0 || r >= 0x2000 && r < 0x2070 && generalPunct[r-0x2000] {
		// a punctuation mark of two bytes (« ، ؟) or of the General
		// Punctuation block (“ ” …), as the default case below
		i += n
		return append(toks, Token{Kind: Punct, Start: start, End: i, Key: text[start:i]}), i
	}
	switch {
	case IsLetter(r) || ((IsIgnorable(r) || r == Tatweel) && nextIsLetter(text, i+n)):
		// an Arabic word; Key is only computed when the word has marks
		var clean bool
		i, clean = scanWord(text, i+n)
		clean = clean && IsLetter(r)
		key := text[start:i]
		if !clean {
			key = Key(key)
		}
		toks = append(toks, Token{Kind: Word, Arabic: true, Start: start, End: i, Key: key})
	case IsSpace(r):
		var breaks uint16
		i, breaks = scanSpace(text, i)
		toks = append(toks, Token{Kind: Space, Breaks: breaks, Start: start, End: i, Key: text[start:i]})
	case DigitValue(r) >= 0:
		i = scanNumber(text, i)
		toks = append(toks, Token{Kind: Number, Start: start, End: i, Key: asciiDigits(text[start:i])})
	case unicode.IsLetter(r):
		i = scanLatin(text, i+n)
		toks = append(toks, Token{Kind: Word, Start: start, End: i, Key: text[start:i]})
	case IsHaraka(r) || r == Tatweel || IsIgnorable(r) || unicode.IsMark(r):
		// a stray mark or tatweel with no letter before it: glue it to
		// the previous token so no byte is lost, or make it punctuation
		i += n
		if len(toks) > 0 && toks[len(toks)-1].End == start && toks[len(toks)-1].Kind == Word {
			t := &toks[len(toks)-1]
			t.End = i
			t.Key = Key(text[t.Start:t.End])
			return toks, i
		}
		toks = append(toks, Token{Kind: Punct, Start: start, End: i, Key: text[start:i]})
	default:
		i += n
		toks = append(toks, Token{Kind: Punct, Start: start, End: i, Key: text[start:i]})
	}
	return toks, i
}

// asciiNonSpace reports whether c is an ASCII character other than
// whitespace.
func asciiNonSpace(c byte) bool { return c < 0x80 && c != ' ' && (c < '\t' || c > '\r') }

// plainOther reports whether appendOther makes r a punctuation token of
// its own by its last, default case: r is none of the things the cases
// before it look for.
func plainOther(r rune) bool {
	return !IsLetter(r) && !IsIgnorable(r) && r != Tatweel && !IsSpace(r) && DigitValue(r) < 0 &&
		!unicode.IsLetter(r) && !IsHaraka(r) && !unicode.IsMark(r)
}

// plainPunct has a bit set for each character of two bytes (below U+0800)
// for which plainOther holds; generalPunct is the same for U+2000–U+206F.
var (
	plainPunct = func() (b [0x800 / 64]uint64) {
		for r := rune(0x80); r < 0x800; r++ {
			if plainOther(r) {
				b[r>>6] |= 1 << (r & 63)
			}
		}
		return b
	}()
	generalPunct = func() (b [0x70]bool) {
		for i := range b {
			b[i] = plainOther(rune(0x2000 + i))
		}
		return b
	}()
)

// scanSpace returns the end of the run of whitespace starting at i and the
// number of line breaks in it.
func scanSpace(text string, i int) (int, uint16) {
	var breaks uint16
	for i < len(text) {
		if c := text[i]; c < 0x80 {
			if c == ' ' || c >= '\t' && c <= '\r' {
				// a line ends at \n, \r\n or a lone \r (old Mac files),
				// as lint/source counts lines
				if c == '\n' || c == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
					breaks++
				}
				i++
				continue
			}
			break
		}
		r, n := decode(text, i)
		if !IsSpace(r) {
			break
		}
		if r == 0x2028 || r == 0x2029 || r == 0x85 {
			breaks++
		}
		i += n
	}
	return i, breaks
}

// scanLatin returns the end of a word of another script than Arabic whose
// first letter ends at i.
func scanLatin(text string, i int) int {
	for i < len(text) {
		r, n := decode(text, i)
		if IsLetter(r) || !(unicode.IsLetter(r) || unicode.IsMark(r) || r == '\'' && i+n < len(text) && isLatinNext(text[i+n:])) {
			break
		}
		i += n
	}
	return i
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
		if c := text[i]; c >= '0' && c <= '9' {
			i++
			continue
		}
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
