package punctuation

import (
	"github.com/daqiq/daqiq/lint/arabic"
)

// Quotes and brackets are paired once per document (unbalanced reports
// what is left over, quote-colon reads the quotations); the result is kept
// in the family's scan.

// families of paired marks
const (
	famASCII   = iota // " "
	famGuil           // « »
	famCurly          // “ ” (either glyph may open: they are not mirrored in right-to-left text)
	famParen          // ( )
	famBracket        // [ ]
	nFam
)

// roles of a mark
const (
	roleNone = iota
	roleOpen
	roleClose
)

// pair is an opening mark and the mark that closes it, as token indexes.
// Pairs come in the order of their closing marks.
type pair struct{ open, close int32 }

// stray is a mark left unpaired: a closer with nothing open, or an opener
// never closed in its paragraph.
type stray struct {
	tok      int32
	unclosed bool
	// reversed: a guillemet written the other way round, the partner of
	// the stray next to it (و»الجزيرة»: the first » opens)
	reversed bool
}

// pairing returns the quotations and brackets of the document, pairing
// them on first use.
func (s *scan) pairing(toks []arabic.Token) ([]pair, []stray) {
	if !s.paired {
		s.paired = true
		s.pairs, s.strays = pairMarks(toks, s.marks, s.pairBuf[:0], &s.stackBuf)
	}
	return s.pairs, s.strays
}

// pairMarks pairs quotes and brackets within each paragraph (paragraphs
// end at a blank line). Each family is balanced on its own, so one stray
// mark does not throw off the others. marks are the indexes of the
// punctuation and paragraph-break tokens.
func pairMarks(toks []arabic.Token, marks []mark, pairs []pair, buf *[nFam][8]int32) ([]pair, []stray) {
	var strays []stray
	var stacks [nFam][]int32
	for f := range stacks {
		stacks[f] = buf[f][:0]
	}
	flush := func() {
		for f := range stacks {
			for _, o := range stacks[f] {
				strays = append(strays, stray{tok: o, unclosed: true})
			}
			stacks[f] = stacks[f][:0]
		}
	}
	for _, mk := range marks {
		k, i := mk.i, int(mk.i)
		switch mk.r {
		case paraBreak:
			flush()
			continue
		case '"', '«', '»', '“', '”', '(', ')', '[', ']', doublePrime:
		default:
			continue
		}
		fam, role := classify(toks, i, mk.r, &stacks)
		switch role {
		case roleOpen:
			stacks[fam] = append(stacks[fam], k)
		case roleClose:
			if s := stacks[fam]; len(s) > 0 {
				pairs = append(pairs, pair{open: s[len(s)-1], close: k})
				stacks[fam] = s[:len(s)-1]
			} else {
				strays = append(strays, stray{tok: k})
			}
		}
	}
	flush()
	return pairs, strays
}

// context classes of a quote's neighbours
const (
	ctxSpace  = iota // whitespace, the start or end of the text, an opening bracket before
	ctxLetter        // a word or a number
	ctxMark          // another mark
)

func before(toks []arabic.Token, i int) int {
	if i == 0 || toks[i-1].Kind == arabic.Space {
		return ctxSpace
	}
	switch toks[i-1].Kind {
	case arabic.Word:
		if toks[i-1].Arabic && proclitic[toks[i-1].Key] {
			// a preposition, the article or a conjunction written onto
			// the quotation it introduces (لـ"سبق"، بـ"نسف"، والـ"…"):
			// the quote opens
			return ctxSpace
		}
		return ctxLetter
	case arabic.Number:
		return ctxLetter
	}
	if isOpener(markOf(toks[i-1])) {
		return ctxSpace
	}
	return ctxMark
}

func after(toks []arabic.Token, i int) int {
	if i+1 >= len(toks) || toks[i+1].Kind == arabic.Space {
		return ctxSpace
	}
	switch toks[i+1].Kind {
	case arabic.Word, arabic.Number:
		return ctxLetter
	}
	return ctxMark
}

// contextRole says whether a quote mark opens or closes from what is
// around it: a letter after and none before opens; a letter, or a mark
// that ends a phrase, before and no letter after closes. Anything else is
// ambiguous (roleNone).
func contextRole(toks []arabic.Token, i int) int {
	b, a := before(toks, i), after(toks, i)
	switch {
	case a == ctxLetter && b != ctxLetter:
		return roleOpen
	case a != ctxLetter && b == ctxLetter:
		return roleClose
	case a != ctxLetter && b == ctxMark:
		switch at(toks, i-1) {
		case '.', '،', '؛', '!', '؟', '?', ',', ';', '…', ')', ']', '»', '”':
			return roleClose // «."», «!" »
		}
	}
	return roleNone
}

// proclitic holds the keys of the proclitics and the article that news copy
// writes onto a quotation, often with a tatweel (لـ"سبق"، الـ"فيفا").
var proclitic = map[string]bool{
	"ل": true, "ب": true, "ك": true, "و": true, "ف": true, "ال": true, "لل": true,
	"بال": true, "وال": true, "فال": true, "كال": true, "وب": true, "ول": true, "فب": true, "فل": true,
	"وبال": true, "ولل": true, "فلل": true,
}

// classify gives the family and role of the mark at token i.
func classify(toks []arabic.Token, i int, m rune, stacks *[nFam][]int32) (int, int) {
	switch m {
	case '"':
		if r := contextRole(toks, i); r != roleNone {
			return famASCII, r
		}
		// ambiguous (:" followed by a space): opens when none is open
		if len(stacks[famASCII]) == 0 {
			return famASCII, roleOpen
		}
		return famASCII, roleClose
	case '«':
		return famGuil, roleOpen
	case '»':
		return famGuil, roleClose
	case doublePrime:
		// the inch mark closes an open “ (“نوت 5″); otherwise it is inches
		if len(stacks[famCurly]) > 0 {
			return famCurly, roleClose
		}
		return famCurly, roleNone
	case '“', '”':
		if r := contextRole(toks, i); r != roleNone {
			return famCurly, r
		}
		if m == '“' {
			return famCurly, roleOpen
		}
		return famCurly, roleClose
	case '(', ')':
		if p := at(toks, i-1); p == ':' || p == ';' {
			return famParen, roleNone // a smiley
		}
		if m == '(' {
			return famParen, roleOpen
		}
		if len(stacks[famParen]) == 0 && enumeration(toks, i) {
			return famParen, roleNone
		}
		return famParen, roleClose
	case '[':
		return famBracket, roleOpen
	case ']':
		return famBracket, roleClose
	}
	return 0, roleNone
}

// enumeration reports whether the ) at token i numbers a list item: 1),
// أ) or أولا) after a space or at the start of the text.
func enumeration(toks []arabic.Token, i int) bool {
	if i == 0 {
		return false
	}
	prev := toks[i-1]
	switch {
	case prev.Kind == arabic.Number:
	case prev.Kind == arabic.Word && (arabic.RuneCount(prev.Key) <= 2 || ordinals[prev.Key]):
	default:
		return false
	}
	return i == 1 || toks[i-2].Kind == arabic.Space
}

// ordinals are the adverbs that number list items (أولا، ثانيا …).
var ordinals = map[string]bool{
	"أولا": true, "ثانيا": true, "ثالثا": true, "رابعا": true, "خامسا": true,
	"سادسا": true, "سابعا": true, "ثامنا": true, "تاسعا": true, "عاشرا": true,
}
