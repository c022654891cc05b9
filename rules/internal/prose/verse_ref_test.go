package prose

import (
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint/arabic"
)

// span is a byte range of the text, [start, end).
type span struct{ start, end int }

// FindVerse as it was first written, line by line with strings.IndexAny
// and reading every line to its end: the reference the faster FindVerse
// must agree with (TestVerseRef).

// line is one line of the text with what the verse test needs.
type refLine struct {
	start, end int
	words      int  // words with an Arabic letter
	blank      bool // nothing but whitespace and punctuation
	short      bool // reads like a line of verse on its own (see refFindVerse)
	split      bool // two hemistichs on one line
}

// A line of verse holds minVerseWords to maxVerseWords words.
const (
	refMinVerseWords = 2
	refMaxVerseWords = 12
	// a block of at least minBlock verse-like lines in a row is a poem
	refMinBlock = 3
)

// refFindVerse finds the verse lines of text. A line reads like verse when it
// holds 2 to 12 Arabic words, no digit and no Latin letter, does not start
// like a list item (a digit, -, •) and does not end a sentence (. ! ؟ : —
// a final .. or … is allowed: poems quoted in columns end that way). Three
// or more such lines in a row (blank lines and lines of only punctuation,
// such as * or ., between them do not break the run) are a poem. A single
// line is verse on its own when it holds two hemistichs: two halves of 2
// to 8 words each, separated by three or more spaces, a tab, an asterisk,
// or a run of tatweel standing alone.
func refFindVerse(text string) []span {
	var lines []refLine
	for pos := 0; pos <= len(text); {
		end := strings.IndexAny(text[pos:], "\r\n")
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
		lines = append(lines, refMeasure(text, pos, end))
		pos = next
	}
	var spans []span
	for i := 0; i < len(lines); {
		if !lines[i].short {
			if lines[i].split {
				spans = append(spans, span{lines[i].start, lines[i].end})
			}
			i++
			continue
		}
		// a run of verse-like lines, blank lines allowed between them
		j, n, last := i, 0, i
		for ; j < len(lines) && (lines[j].short || lines[j].blank); j++ {
			if lines[j].short {
				n++
				last = j
			}
		}
		for k := i; k <= last; k++ {
			if lines[k].short && (n >= refMinBlock || lines[k].split) {
				spans = append(spans, span{lines[k].start, lines[k].end})
			}
		}
		i = last + 1
	}
	return spans
}

// measure reads one line, text[start:end].
func refMeasure(text string, start, end int) refLine {
	l := refLine{start: start, end: end}
	s := strings.Trim(text[start:end], "\u00a0 \t")
	if s == "" {
		l.blank = true
		return l
	}
	inWord, arabicWord := false, false
	letters := false
	for _, r := range s {
		switch {
		case arabic.DigitValue(r) >= 0:
			return l // tables, scores, dates: not verse
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			return l
		case arabic.IsWordRune(r):
			if arabic.IsLetter(r) {
				arabicWord, letters = true, true
			}
			inWord = true
		default:
			if inWord && arabicWord {
				l.words++
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
	l.split = refHemistichs(s)
	l.short = l.words >= refMinVerseWords && l.words <= refMaxVerseWords || l.split
	return l
}

// refHemistichs reports whether the line s holds two halves of 2 to 8
// words each, separated by 3 or more spaces, a tab, an asterisk, a doubled
// comma (،،) or a run of tatweel that stands alone.
func refHemistichs(s string) bool {
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
		a, b := refCountWords(s[:i]), refCountWords(strings.TrimLeft(s[i:], " \t\u00a0*ـ،"))
		if a >= 2 && a <= 8 && b >= 2 && b <= 8 {
			return true
		}
	}
	return false
}

func refCountWords(s string) int {
	n := 0
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !arabic.IsWordRune(r) }) {
		if strings.IndexFunc(f, arabic.IsLetter) >= 0 {
			n++
		}
	}
	return n
}
