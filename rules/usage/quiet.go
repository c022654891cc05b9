package usage

import (
	"sort"
	"strings"
	"unicode"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/prose"
)

// span is a byte range of the text, [start, end).
type span struct{ start, end int }

// quiet is a list of spans, sorted and not overlapping.
type quiet []span

// has reports whether the byte offset at falls in a quiet span.
func (q quiet) has(at int) bool {
	i := sort.Search(len(q), func(i int) bool { return q[i].end > at })
	return i < len(q) && q[i].start <= at
}

// silent reports whether the usage rules leave the byte offset at alone:
// on a line of verse (this package's reading, and the one the other
// families share, prose.VerseOf) or in a quotation of another language.
func silent(p *lint.Pass, at int) bool {
	return quietOf(p).has(at) || prose.VerseOf(p).Contains(at)
}

// quietOf returns the quiet parts of the pass's text, one reading per
// document for all the usage rules.
func quietOf(p *lint.Pass) *quietText {
	return p.Memo("usage/quiet", func() any { return newQuietText(p.Text, p.Tokens) }).(*quietText)
}

// quietText holds the parts of a document the usage rules leave alone:
//
//   - verse: a line whose halves are split by a hemistich mark (*, ***,
//     … or ... between two runs of words of a verse's length, or a tab or
//     a run of spaces inside a short line), a line vocalised throughout
//     (verse and scripture are printed with their harakat, prose is not),
//     or a line of a rhyming poem (see poem);
//   - another language in Arabic script: a quotation, or a line, that
//     uses the letters of Persian or Urdu (پ چ ژ گ ک ی ے …).
//
// A line (split at \n) is read when a rule first asks about an offset on
// it, or on a line of the same run of short lines, and once: the rules ask
// about a few offsets of a document. The words of a line, or of a part of
// one cut at a mark or a space, are counted on the document's tokens: they
// are the tokens that start there, as the part tokenized alone would give.
// A quietText is not safe for concurrent use.
type quietText struct {
	text  string
	toks  []arabic.Token // the tokens of text (arabic.Tokenize)
	lines []qline        // every line, read or not
}

// qline is one line of the text, [start, end), and once read its tokens
// (those that start on it, toks[t0:t1]) and what it holds.
type qline struct {
	start, end int
	t0, t1     int
	words      int // Arabic words
	read       bool
	short      bool  // 3 to 14 words, no prose mark at the end (see poem)
	poem       int8  // a line of a poem: 0 not known yet, 1 yes, -1 no
	quiet      int8  // the whole line is quiet: 0 not known yet, 1 yes, -1 no
	quotes     quiet // the foreign quotations of a line that is not quiet
}

// newQuietText finds the lines of text; has reads them.
func newQuietText(text string, toks []arabic.Token) *quietText {
	q := &quietText{text: text, toks: toks, lines: make([]qline, 0, strings.Count(text, "\n")+1)}
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		q.lines = append(q.lines, qline{start: start, end: end})
		start = end + 1
	}
	return q
}

// has reports whether the usage rules leave the byte offset at alone.
func (q *quietText) has(at int) bool {
	i := sort.Search(len(q.lines), func(i int) bool { return q.lines[i].start > at }) - 1
	if i < 0 || at >= q.lines[i].end {
		return false // before the text, on a line break or past the end
	}
	l := q.line(i)
	if l.quiet == 0 {
		l.quiet = -1
		if q.poem(i) || isVerse(q.text, q.toks, l) || foreignLetters(q.text[l.start:l.end]) >= 2 {
			l.quiet = 1
		} else {
			l.quotes = appendForeignQuotes(nil, q.text, q.toks, l)
		}
	}
	return l.quiet > 0 || l.quotes.has(at)
}

// line returns line i, read.
func (q *quietText) line(i int) *qline {
	l := &q.lines[i]
	if l.read {
		return l
	}
	l.read = true
	toks := q.toks
	t := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= l.start })
	l.t0 = t
	for ; t < len(toks) && toks[t].Start < l.end; t++ {
		if toks[t].Kind == arabic.Word && toks[t].Arabic {
			l.words++
		}
	}
	l.t1 = t
	if l.words >= 3 && l.words <= 14 {
		line := strings.TrimSpace(q.text[l.start:l.end])
		l.short = !(line == "" || strings.HasSuffix(line, ".") || strings.HasSuffix(line, "،") || strings.HasSuffix(line, ":") || strings.HasSuffix(line, "؛"))
	}
	return l
}

// poem reports whether line i is a line of a poem printed one verse or one
// hemistich a line: a run of at least four consecutive short lines (3 to
// 14 words, none ending in a prose mark: . ، : ؛) whose last letters rhyme
// — the same letter ends most lines, or every second line. The verdict is
// kept for every line of the run.
func (q *quietText) poem(i int) bool {
	l := q.line(i)
	if l.poem != 0 {
		return l.poem > 0
	}
	if !l.short {
		l.poem = -1
		return false
	}
	a, b := i, i+1
	for a > 0 && q.line(a-1).short {
		a--
	}
	for b < len(q.lines) && q.line(b).short {
		b++
	}
	verdict := int8(-1)
	if b-a >= 4 {
		run := make([]span, b-a)
		for k := range run {
			run[k] = span{q.lines[a+k].start, q.lines[a+k].end}
		}
		if rhymes(q.text, run) {
			verdict = 1
		}
	}
	for k := a; k < b; k++ {
		q.lines[k].poem = verdict
	}
	return verdict > 0
}

// rhymes reports whether the last letters of lines agree: one letter ends
// at least 60% of them, or at least 60% of the odd or of the even ones.
func rhymes(text string, lines []span) bool {
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

// isVerse reports whether line l looks like a line of verse.
func isVerse(text string, toks []arabic.Token, l *qline) bool {
	words := l.words
	if words < 3 {
		return false
	}
	lt := toks[l.t0:l.t1]
	line := strings.TrimSpace(text[l.start:l.end])
	if marked(text, lt) && vocalised(line) {
		return true
	}
	if words > 24 {
		return false
	}
	// a hemistich mark between two halves of 2 to 12 words
	full := text[l.start:l.end]
	base := l.start + len(full) - len(strings.TrimLeftFunc(full, unicode.IsSpace)) // where line starts
	for _, sep := range [...]string{"*", "…", "...", "\t", "   "} {
		i := strings.Index(line, sep)
		if i <= 0 {
			continue
		}
		j := strings.LastIndex(line, sep) + len(sep)
		left, right := arabicWords(lt, l.start, base+i), arabicWords(lt, base+j, l.end)
		if left >= 2 && right >= 2 && left <= 12 && right <= 12 {
			return true
		}
	}
	return false
}

// arabicWords counts the Arabic words among toks that start in [from, to).
func arabicWords(toks []arabic.Token, from, to int) int {
	n := 0
	for i := range toks {
		t := &toks[i]
		if t.Kind == arabic.Word && t.Arabic && t.Start >= from && t.Start < to {
			n++
		}
	}
	return n
}

// marked reports whether an Arabic word of toks carries a mark its key
// drops (a haraka, tatweel, a joiner): a line without one is not
// vocalised, and its letters need not be read.
func marked(text string, toks []arabic.Token) bool {
	for i := range toks {
		t := &toks[i]
		if t.Kind == arabic.Word && t.Arabic && len(t.Key) != t.End-t.Start {
			return true
		}
	}
	return false
}

// vocalised reports whether most of the letters of a line of at least
// four words carry a haraka: verse and scripture are printed that way.
func vocalised(line string) bool {
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

// foreignLetters counts the letters of s that Persian, Urdu and the other
// languages written in Arabic script use and Arabic does not.
func foreignLetters(s string) int {
	// each of them is written DA xx or DB xx, or D9 B9 (ٹ) or D9 BE (پ):
	// a line with none of these bytes has none
	if strings.IndexByte(s, 0xDA) < 0 && strings.IndexByte(s, 0xDB) < 0 &&
		!strings.Contains(s, "\xD9\xB9") && !strings.Contains(s, "\xD9\xBE") {
		return 0
	}
	n := 0
	for _, r := range s {
		switch r {
		case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی', 'ے', 'ۀ', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ہ', 'ھ', 'ۆ', 'ێ', 'ڕ', 'ڵ':
			n++
		}
	}
	return n
}

// closerOf returns the closing mark of a quotation mark whose content may
// be another language: « », “ ”, " ", „ “.
func closerOf(mark string) (string, bool) {
	switch mark {
	case "«":
		return "»", true
	case "“":
		return "”", true
	case `"`:
		return `"`, true
	case "„":
		return "“", true
	}
	return "", false
}

// appendForeignQuotes adds the quotations of line l that are in another
// language: with Persian or Urdu letters, or with more words in another
// script than in Arabic. A quotation mark is a token of its own, so the
// line's punctuation tokens are where quotations open.
func appendForeignQuotes(q quiet, text string, toks []arabic.Token, l *qline) quiet {
	lt := toks[l.t0:l.t1]
	for k := 0; k < len(lt); k++ {
		if lt[k].Kind != arabic.Punct {
			continue
		}
		closer, ok := closerOf(lt[k].Key)
		if !ok {
			continue
		}
		open, from := lt[k].Start, lt[k].End
		j := strings.Index(text[from:l.end], closer)
		if j < 0 {
			return q
		}
		to := from + j
		// the words inside, and the tokens up to the closing mark
		ar, other := 0, 0
		for k++; k < len(lt) && lt[k].Start < to; k++ {
			if lt[k].Kind == arabic.Word {
				if lt[k].Arabic {
					ar++
				} else {
					other++
				}
			}
		}
		if foreignLetters(text[from:to]) > 0 || other > ar {
			q = append(q, span{open, to + len(closer)})
		}
	}
	return q
}
