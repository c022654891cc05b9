package kinds

import (
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint/arabic"
)

// maxMarkedBytes bounds the flagged text whose harakat CarryMarks aligns
// (a word or a phrase is far shorter); longer marked text is ambiguous.
const maxMarkedBytes = 512

// CarryMarks writes the harakat of the flagged text on its replacement,
// so that a fix does not take the author's diacritics away (إِجْتِمَاع →
// اِجْتِمَاع, not اجتماع). Both are read letter by letter, ignoring marks:
// any rune that is not a haraka, a tatweel or an invisible joiner is a
// letter, spaces included. The letters are aligned at the least cost (a
// letter kept costs nothing; one changed in place, inserted or dropped
// costs one), and a letter of the replacement that is kept or changed in
// place takes the harakat written after its flagged letter, unless the
// replacement writes harakat of its own on it. Harakat after a dropped
// letter go with it; tatweel and invisible joiners are not carried (as the
// replacement never had them).
//
// ok is false when the flagged text has harakat and the alignments of
// least cost do not all place them alike (مُوالِيين → موالين: which ي
// goes?), or the text is too long to align: the caller should offer the
// replacement as it is, as an unsafe fix. Without harakat in the flagged
// text, CarryMarks returns repl itself.
func CarryMarks(flagged, repl string) (string, bool) {
	if !hasHaraka(flagged) {
		return repl, true
	}
	if len(flagged) > maxMarkedBytes || len(repl) > maxMarkedBytes {
		return repl, false
	}
	f, r := markedLetters(flagged), markedLetters(repl)
	n, m := len(f), len(r)
	// cell (i, j): the least cost of aligning f[:i] with r[:j], and the
	// text its alignments write (ambiguous when two of them differ)
	type cell struct {
		cost      int
		text      string
		ambiguous bool
	}
	cells := make([]cell, (n+1)*(m+1))
	at := func(i, j int) *cell { return &cells[i*(m+1)+j] }
	// take returns r[j] written with its own harakat, else those of f[i]
	take := func(i, j int) string {
		if r[j].marks != "" || i < 0 {
			return r[j].letter + r[j].marks
		}
		return r[j].letter + f[i].marks
	}
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			c := at(i, j)
			if i == 0 && j == 0 {
				continue
			}
			first := true
			consider := func(from *cell, cost int, add string) {
				cost += from.cost
				text := from.text + add
				switch {
				case first || cost < c.cost:
					*c = cell{cost, text, from.ambiguous}
					first = false
				case cost == c.cost:
					c.ambiguous = c.ambiguous || from.ambiguous || text != c.text
				}
			}
			if i > 0 && j > 0 {
				cost := 1
				if f[i-1].letter == r[j-1].letter {
					cost = 0
				}
				consider(at(i-1, j-1), cost, take(i-1, j-1))
			}
			if i > 0 { // f[i-1] dropped, with its harakat
				consider(at(i-1, j), 1, "")
			}
			if j > 0 { // r[j-1] inserted
				consider(at(i, j-1), 1, take(-1, j-1))
			}
		}
	}
	end := at(n, m)
	if end.ambiguous {
		return repl, false
	}
	return end.text, true
}

// markedLetter is a letter and the harakat written after it.
type markedLetter struct{ letter, marks string }

// markedLetters splits s into letters with their harakat; harakat before
// the first letter are dropped, as are tatweel and invisible joiners.
func markedLetters(s string) []markedLetter {
	var out []markedLetter
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case arabic.IsHaraka(r):
			if len(out) > 0 {
				out[len(out)-1].marks += s[i : i+size]
			}
		case r == arabic.Tatweel || arabic.IsIgnorable(r):
		default:
			out = append(out, markedLetter{letter: s[i : i+size]})
		}
		i += size
	}
	return out
}

func hasHaraka(s string) bool {
	return strings.ContainsFunc(s, arabic.IsHaraka)
}
