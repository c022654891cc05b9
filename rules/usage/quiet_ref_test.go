package usage

import (
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint/arabic"
)

// The quiet spans as the first version of findQuiet found them, string by
// string, with a tokenization of each line and of each part of one: the
// reference the token-based findQuiet must agree with (TestQuietRef).

// refFindQuiet finds, line by line:
//
//   - verse: a line whose halves are split by a hemistich mark (*, ***,
//     … or ... between two runs of words of a verse's length, or a tab or
//     a run of spaces inside a short line), or a line refVocalised throughout
//     (verse and scripture are printed with their harakat, prose is not);
//   - another language in Arabic script: a quotation, or a line, that
//     uses the letters of Persian or Urdu (پ چ ژ گ ک ی ے …).
func refFindQuiet(text string) quiet {
	var q quiet
	var lines []span
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		lines = append(lines, span{start, end})
		start = end + 1
	}
	poem := refPoemLines(text, lines)
	for i, l := range lines {
		line := text[l.start:l.end]
		switch {
		case poem[i], refIsVerse(line), refForeignLetters(line) >= 2:
			q = append(q, l)
		default:
			q = refAppendForeignQuotes(q, line, l.start)
		}
	}
	return q
}

// refPoemLines marks the lines of a poem printed one verse or one hemistich
// a line: a run of at least four consecutive lines of 3 to 14 words, none
// ending in a prose mark (. ، : ؛), whose last letters rhyme — the same
// letter ends most lines, or every second line.
func refPoemLines(text string, lines []span) []bool {
	out := make([]bool, len(lines))
	short := func(i int) bool {
		line := strings.TrimSpace(text[lines[i].start:lines[i].end])
		if line == "" || strings.HasSuffix(line, ".") || strings.HasSuffix(line, "،") || strings.HasSuffix(line, ":") || strings.HasSuffix(line, "؛") {
			return false
		}
		n := refArabicWords(line)
		return n >= 3 && n <= 14
	}
	for i := 0; i < len(lines); {
		if !short(i) {
			i++
			continue
		}
		j := i
		for j < len(lines) && short(j) {
			j++
		}
		if j-i >= 4 && refRhymes(text, lines[i:j]) {
			for k := i; k < j; k++ {
				out[k] = true
			}
		}
		i = j
	}
	return out
}

// refRhymes reports whether the last letters of lines agree: one letter ends
// at least 60% of them, or at least 60% of the odd or of the even ones.
func refRhymes(text string, lines []span) bool {
	last := make([]rune, len(lines))
	for i, l := range lines {
		for _, r := range text[l.start:l.end] {
			if arabic.IsLetter(r) {
				last[i] = r
			}
		}
	}
	agree := func(from, step int) bool {
		count := map[rune]int{}
		n, best := 0, 0
		for i := from; i < len(last); i += step {
			n++
			if last[i] == 0 {
				continue
			}
			count[last[i]]++
			best = max(best, count[last[i]])
		}
		return n >= 2 && best*10 >= n*6
	}
	return agree(0, 1) || len(last) >= 6 && (agree(0, 2) || agree(1, 2))
}

// refIsVerse reports whether a line looks like a line of verse.
func refIsVerse(line string) bool {
	line = strings.TrimSpace(line)
	words := refArabicWords(line)
	if words < 3 {
		return false
	}
	if refVocalised(line) {
		return true
	}
	if words > 24 {
		return false
	}
	// a hemistich mark between two halves of 2 to 12 words
	for _, sep := range []string{"*", "…", "...", "\t", "   "} {
		i := strings.Index(line, sep)
		if i <= 0 {
			continue
		}
		j := strings.LastIndex(line, sep) + len(sep)
		left, right := refArabicWords(line[:i]), refArabicWords(line[j:])
		if left >= 2 && right >= 2 && left <= 12 && right <= 12 {
			return true
		}
	}
	return false
}

// refArabicWords counts the Arabic words of s.
func refArabicWords(s string) int {
	n := 0
	for _, t := range arabic.Tokenize(s) {
		if t.Kind == arabic.Word && t.Arabic {
			n++
		}
	}
	return n
}

// refVocalised reports whether most of the letters of a line of at least
// four words carry a haraka: verse and scripture are printed that way.
func refVocalised(line string) bool {
	letters, marked := 0, 0
	prevLetter := false
	for _, r := range line {
		switch {
		case arabic.IsHaraka(r):
			if prevLetter {
				marked++
			}
			prevLetter = false
		case arabic.IsLetter(r):
			letters++
			prevLetter = true
		default:
			prevLetter = false
		}
	}
	return letters >= 16 && marked*10 >= letters*5
}

// refForeignLetters counts the letters of s that Persian, Urdu and the other
// languages written in Arabic script use and Arabic does not.
func refForeignLetters(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی', 'ے', 'ۀ', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ہ', 'ھ', 'ۆ', 'ێ', 'ڕ', 'ڵ':
			n++
		}
	}
	return n
}

// refQuotePairs are the quotation marks whose content may be another
// language.
var refQuotePairs = map[rune]rune{'«': '»', '“': '”', '"': '"', '„': '“'}

// refAppendForeignQuotes adds the quotations of line (at offset base) that
// are in another language: with Persian or Urdu letters, or with more
// words in another script than in Arabic.
func refAppendForeignQuotes(q quiet, line string, base int) quiet {
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		closer, ok := refQuotePairs[r]
		if !ok {
			i += size
			continue
		}
		j := strings.IndexRune(line[i+size:], closer)
		if j < 0 {
			return q
		}
		inner := line[i+size : i+size+j]
		if refForeignLetters(inner) > 0 || refForeignScript(inner) {
			q = append(q, span{base + i, base + i + size + j + utf8.RuneLen(closer)})
		}
		i += size + j + utf8.RuneLen(closer)
	}
	return q
}

// refForeignScript reports whether most words of s are in another script.
func refForeignScript(s string) bool {
	ar, other := 0, 0
	for _, t := range arabic.Tokenize(s) {
		if t.Kind == arabic.Word {
			if t.Arabic {
				ar++
			} else {
				other++
			}
		}
	}
	return other > ar
}
