// Package prose holds what several rule families need to know about a
// document's text beyond its tokens: which lines are verse, and the Arabic
// spellings of the Latin letters that acronyms are written with.
package prose

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// Verse holds the lines of a document that read as verse: quoted poems,
// classical or Nabati, which news copy prints one line (or one hemistich)
// at a time and often justifies with tatweel. In verse a word may repeat on
// purpose and kashida is part of the layout, so rules that police prose
// stay silent there.
//
// A line is read when a rule first asks about it (or about a line of the
// same run of short lines), and once: most documents have no verse, and
// the rules ask about a few lines. A Verse is not safe for concurrent use.
type Verse struct {
	text  string
	lines []line // every line of the text, read or not
}

// Contains reports whether byte offset pos lies on a verse line.
func (v *Verse) Contains(pos int) bool {
	if v == nil || len(v.lines) == 0 {
		return false
	}
	i := sort.Search(len(v.lines), func(i int) bool { return v.lines[i].start > pos }) - 1
	if i < 0 || pos >= v.lines[i].end {
		return false // before the text, on a line break or past the end
	}
	return v.verse(i)
}

// Len is the number of verse lines.
func (v *Verse) Len() int {
	n := 0
	for i := range v.lines {
		if v.verse(i) {
			n++
		}
	}
	return n
}

// VerseOf returns the verse lines of the pass's document, computed once
// per document for all the rules that ask.
func VerseOf(p *lint.Pass) *Verse {
	return p.Memo("prose/verse", func() any { return FindVerse(p.Text) }).(*Verse)
}

// line is one line of the text, text[start:end], with what the verse test
// needs once it has been read.
type line struct {
	start, end int
	read       bool // the fields below are known
	words      int  // words with an Arabic letter
	blank      bool // nothing but whitespace and punctuation
	short      bool // reads like a line of verse on its own (see FindVerse)
	split      bool // two hemistichs on one line
	verdict    int8 // 0 not known yet, 1 verse, -1 not
}

// A line of verse holds minVerseWords to maxVerseWords words.
const (
	minVerseWords = 2
	maxVerseWords = 12
	// a block of at least minBlock verse-like lines in a row is a poem
	minBlock = 3
	// a hemistich holds 2 to maxHalfWords words
	maxHalfWords = 8
)

// FindVerse finds the verse lines of text. A line reads like verse when it
// holds 2 to 12 Arabic words, no digit and no Latin letter, does not start
// like a list item (a digit, -, •) and does not end a sentence (. ! ؟ : —
// a final .. or … is allowed: poems quoted in columns end that way). Three
// or more such lines in a row (blank lines and lines of only punctuation,
// such as * or ., between them do not break the run) are a poem. A single
// line is verse on its own when it holds two hemistichs: two halves of 2
// to 8 words each, separated by three or more spaces, a tab, an asterisk,
// or a run of tatweel standing alone.
//
// It finds where the lines are; Contains and Len read them.
func FindVerse(text string) *Verse {
	v := &Verse{text: text}
	cr := -1 // the first \r at or after pos, len(text) if none; -1 not yet looked for
	for pos := 0; pos <= len(text); {
		// the first \r or \n: \r is rare, and looked for again only
		// once pos has passed the one found
		if cr < pos {
			if cr = strings.IndexByte(text[pos:], '\r'); cr < 0 {
				cr = len(text)
			} else {
				cr += pos
			}
		}
		end := strings.IndexByte(text[pos:cr], '\n')
		if end < 0 && cr < len(text) {
			end = cr - pos
		}
		next := 0
		if end < 0 {
			end = len(text)
			next = len(text) + 1
		} else {
			end += pos
			next = end + 1
			if text[end] == '\r' && next < len(text) && text[next] == '\n' {
				next++
			}
		}
		v.lines = append(v.lines, line{start: pos, end: end})
		pos = next
	}
	return v
}

// read returns line i, read.
func (v *Verse) read(i int) *line {
	l := &v.lines[i]
	if !l.read {
		*l = measure(v.text, l.start, l.end)
		l.read = true
	}
	return l
}

// verse reports whether line i is verse: a short line in a block of short
// and blank lines that holds at least minBlock short ones, or a line of
// two hemistichs. The verdict is kept for every short line of the block.
func (v *Verse) verse(i int) bool {
	l := v.read(i)
	if l.verdict != 0 {
		return l.verdict > 0
	}
	if !l.short {
		l.verdict = -1
		if l.split {
			l.verdict = 1
		}
		return l.split
	}
	inBlock := func(k int) bool {
		m := v.read(k)
		return m.short || m.blank
	}
	a, b := i, i+1
	for a > 0 && inBlock(a-1) {
		a--
	}
	for b < len(v.lines) && inBlock(b) {
		b++
	}
	n := 0
	for k := a; k < b; k++ {
		if v.lines[k].short {
			n++
		}
	}
	for k := a; k < b; k++ {
		if m := &v.lines[k]; m.short {
			m.verdict = -1
			if n >= minBlock || m.split {
				m.verdict = 1
			}
		}
	}
	return l.verdict > 0
}

// measure reads one line, text[start:end].
func measure(text string, start, end int) line {
	l := line{start: start, end: end}
	s := strings.Trim(text[start:end], "\u00a0 \t")
	if s == "" {
		l.blank = true
		return l
	}
	inWord, arabicWord := false, false
	letters := false
	for i := 0; i < len(s); {
		// range s, with the two-byte letters of Arabic decoded in place
		r, n := rune(s[i]), 1
		if c := s[i]; c >= 0x80 {
			if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
			} else {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
		}
		i += n
		var class uint8
		if r < rune(len(runeClasses)) {
			class = runeClasses[r]
		} else {
			class = classify(r)
		}
		switch class {
		case classDigit:
			return l // tables, scores, dates: not verse
		case classLatin:
			return l
		case classLetter:
			arabicWord, letters = true, true
			inWord = true
		case classWord:
			inWord = true
		default:
			if inWord && arabicWord {
				l.words++
				if l.words > 2*maxHalfWords {
					// too long for a line of verse, and for two
					// hemistichs: the words hemistichs counts on either
					// side of a mark are the words of the line
					return l
				}
			}
			inWord, arabicWord = false, false
		}
	}
	if inWord && arabicWord {
		l.words++
	}
	if !letters {
		l.blank = true
		return l
	}
	first, _ := utf8.DecodeRuneInString(s)
	if first == '-' || first == '•' || first == '–' || first == '—' {
		return l // a list item
	}
	trimmed := strings.TrimRight(s, "\"'»”“) \u00a0")
	switch {
	case strings.HasSuffix(trimmed, ".."), strings.HasSuffix(trimmed, "…"):
	case strings.HasSuffix(trimmed, "."), strings.HasSuffix(trimmed, ":"),
		strings.HasSuffix(trimmed, "!"), strings.HasSuffix(trimmed, "؟"), strings.HasSuffix(trimmed, "?"):
		return l // the end of a sentence of prose
	}
	l.split = hemistichs(s)
	l.short = l.words >= minVerseWords && l.words <= maxVerseWords || l.split
	return l
}

// The classes of a rune as measure reads it.
const (
	classOther  = iota // ends a word
	classDigit         // a digit of any of the three sets
	classLatin         // an ASCII Latin letter
	classLetter        // an Arabic letter (arabic.IsLetter)
	classWord          // inside a word (arabic.IsWordRune), no Arabic letter
)

// classify returns the class of r.
func classify(r rune) uint8 {
	switch {
	case arabic.DigitValue(r) >= 0:
		return classDigit
	case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
		return classLatin
	case arabic.IsWordRune(r):
		if arabic.IsLetter(r) {
			return classLetter
		}
		return classWord
	}
	return classOther
}

// runeClasses holds the classes of the runes below U+0700: ASCII, Latin-1
// and the Arabic block, most of what a line holds.
var runeClasses = func() (c [0x700]uint8) {
	for r := range c {
		c[r] = classify(rune(r))
	}
	return c
}()

// hemistichs reports whether the line s holds two halves of 2 to 8 words
// each, separated by 3 or more spaces, a tab, an asterisk, a doubled
// comma (،،) or a run of tatweel that stands alone.
func hemistichs(s string) bool {
	for _, sep := range [...]string{"   ", "\t", "\u00a0\u00a0", " * ", "*", "،،", " ـ", "ـ "} {
		i := strings.Index(s, sep)
		if i <= 0 {
			continue
		}
		if sep == " ـ" || sep == "ـ " {
			// a run of tatweel with space on both sides
			j := strings.Index(s, " ـ")
			if j < 0 {
				continue
			}
			k := j + 1
			for strings.HasPrefix(s[k:], "ـ") {
				k += len("ـ")
			}
			if k >= len(s) || s[k] != ' ' {
				continue
			}
			i = j
		}
		a, b := countWords(s[:i]), countWords(strings.TrimLeft(s[i:], " \t\u00a0*ـ،"))
		if a >= 2 && a <= maxHalfWords && b >= 2 && b <= maxHalfWords {
			return true
		}
	}
	return false
}

func countWords(s string) int {
	n := 0
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !arabic.IsWordRune(r) }) {
		if strings.IndexFunc(f, arabic.IsLetter) >= 0 {
			n++
		}
	}
	return n
}
