package punctuation

import (
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// Helpers shared by the rules of the family. They read tokens only: a
// punctuation token is always a single rune, so its Key is that rune.

// scan is what the family computes once per document and shares through
// Pass.Memo: the few punctuation tokens any rule of the family may care
// about, so that each rule visits those alone, and (on demand) the
// pairing of quotes and brackets.
type scan struct {
	// marks holds, in text order: every quote and bracket, every Latin
	// , ; ?, any other mark with whitespace before it or a word or the
	// same mark right after it, and the paragraph breaks (whitespace with
	// two line breaks or more) that follow a quote or bracket. A comma or
	// period written the usual way (word، space) is not there: most
	// documents hold only a handful of marks.
	marks  []mark
	paired bool
	pairs  []pair
	strays []stray
	// room for a typical document, so that a scan is one allocation
	markBuf  [48]mark
	pairBuf  [24]pair
	stackBuf [nFam][8]int32
}

// mark is a punctuation token and its rune, or a paragraph break (r = paraBreak).
type mark struct {
	i int32
	r rune
}

const paraBreak rune = -2

// doublePrime (″) is the inch mark, which publishing systems put for a "
// typed after a digit: “غالاكسي نوت 5″ closes a quotation.
const doublePrime = '\u2033'

func scanOf(p *lint.Pass) *scan {
	return p.Memo("punctuation/scan", func() any { return newScan(p.Tokens) }).(*scan)
}

func newScan(toks []arabic.Token) *scan {
	s := &scan{}
	s.marks = s.markBuf[:0]
	open := false // a quote or bracket was recorded since the last paragraph break
	for i := range toks {
		t := &toks[i]
		if t.Kind != arabic.Punct {
			if open && t.Kind == arabic.Space && t.Breaks >= 2 {
				s.marks = append(s.marks, mark{int32(i), paraBreak})
				open = false
			}
			continue
		}
		r := decodeMark(t.Key)
		switch r {
		case '"', '«', '»', '“', '”', '(', ')', '[', ']', doublePrime:
			open = true
		case ',', ';', '?':
		default:
			spaceBefore := i > 0 && toks[i-1].Kind == arabic.Space && toks[i-1].Breaks == 0
			oddAfter := i+1 < len(toks) && (toks[i+1].Kind == arabic.Word || toks[i+1].Kind == arabic.Punct && toks[i+1].Key == t.Key)
			if !spaceBefore && !oddAfter {
				continue
			}
		}
		s.marks = append(s.marks, mark{int32(i), r})
	}
	return s
}

// markOf returns the rune of a punctuation token, or -1 for any other token.
func markOf(t arabic.Token) rune {
	if t.Kind != arabic.Punct {
		return -1
	}
	return decodeMark(t.Key)
}

// decodeMark decodes the single rune of a punctuation token's text, with
// fast paths for the one-, two- and three-byte forms all marks use.
func decodeMark(k string) rune {
	switch len(k) {
	case 1:
		return rune(k[0])
	case 2:
		return rune(k[0]&0x1F)<<6 | rune(k[1]&0x3F)
	case 3:
		return rune(k[0]&0x0F)<<12 | rune(k[1]&0x3F)<<6 | rune(k[2]&0x3F)
	}
	r, _ := utf8.DecodeRuneInString(k)
	return r
}

// at returns the mark of token i, or -1 when i is out of range or the token
// is not punctuation.
func at(toks []arabic.Token, i int) rune {
	if i < 0 || i >= len(toks) {
		return -1
	}
	return markOf(toks[i])
}

// isSentenceMark reports the marks whose spacing the spacing rule checks:
// ، ؛ : ؟ ! .
func isSentenceMark(r rune) bool {
	switch r {
	case '،', '؛', ':', '؟', '!', '.':
		return true
	}
	return false
}

// isCloser reports the closing quotes and brackets: ) ] » ”.
func isCloser(r rune) bool {
	switch r {
	case ')', ']', '»', '”':
		return true
	}
	return false
}

// isOpener reports the opening quotes and brackets: ( [ « “.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '«', '“':
		return true
	}
	return false
}

// isArabicWord reports whether token i is a word in Arabic script.
func isArabicWord(toks []arabic.Token, i int) bool {
	return i >= 0 && i < len(toks) && toks[i].Kind == arabic.Word && toks[i].Arabic
}

// isInlineSpace reports whether token i is whitespace with no line break.
func isInlineSpace(toks []arabic.Token, i int) bool {
	return i >= 0 && i < len(toks) && toks[i].Kind == arabic.Space && toks[i].Breaks == 0
}

// runScan tells whether a run of text without whitespace is a URL, an
// e-mail address or holds Latin letters. Marks inside such a run belong to
// another writing system's rules and are left alone. The verdict for the
// last run asked about is kept, so asking for every mark of a long run
// stays linear.
type runScan struct {
	start, end int // token indexes of the run [start, end); end 0: none yet
	foreignRun bool
}

// foreign reports whether token i sits in a foreign run.
func (s *runScan) foreign(toks []arabic.Token, i int) bool {
	if i >= s.start && i < s.end {
		return s.foreignRun
	}
	a := i
	for a > 0 && toks[a-1].Kind != arabic.Space {
		a--
	}
	b := i
	for b < len(toks) && toks[b].Kind != arabic.Space {
		b++
	}
	f := false
	for k := a; k < b && !f; k++ {
		t := toks[k]
		switch {
		case t.Kind == arabic.Word && !t.Arabic:
			f = true // Latin letters, www, https, a domain
		case t.Kind == arabic.Punct && (t.Key == "@" || t.Key == "/" && at(toks, k-1) == ':'):
			f = true // an e-mail address, "://"
		}
	}
	s.start, s.end, s.foreignRun = a, b, f
	return f
}
