package facts

import (
	"strconv"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// CountList makes the rule facts/count-list.
func CountList() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "facts/count-list",
		Kind:     lint.Code,
		Category: "facts",
		Level:    lint.Warning,
		Summary:  "a count that the list after it does not match (ثلاثة مرشحين هم: أ، ب، ج، د)",
		Doc: lint.Doc{
			What:  "Finds a count from two to twenty, in words (ثلاثة، أربع، الخمسة) or digits, with its noun, announcing a list — a colon, or هم، هي، هما — and counts the items between the commas of the list, up to the end of the sentence; a last item longer than every other is a clause after the list (، حسبما أفادت الوكالة) and is not counted. The rule flags a count that the list has more items than. A pronoun after a comma (ست دول، وهي خطة) opens no list; an item of more than five words, a figure, a dash, a bracket or a word in another script inside the list, and a list marked as a selection (من بينهم، منها، أبرزها، مثل، وغيرهم) leave it alone. A list with fewer items than its count is not flagged: an item may be a dual (فريقين للبنين) or join several with و.",
			Why:   "A count that the list contradicts means a name was dropped or added in editing, or the count was never updated.",
			Wrong: "وتأهل إلى الجولة الثانية ثلاثة مرشحين هم: سالم، وفؤاد، ونبيل، وعادل.",
			Right: "وتأهل إلى الجولة الثانية أربعة مرشحين هم: سالم، وفؤاد، ونبيل، وعادل.",
		},
		Run: runCountList,
	}, nil
}

// countWords are the cardinals two to ten in their forms.
var countWords = map[string]int{
	"اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4,
	"اربع": 4, "أربعة": 4, "اربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7,
	"سبعة": 7, "ثماني": 8, "ثمانية": 8, "ثمان": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
}

// countWord reads a cardinal word with its proclitics (وثلاثة، بأربعة،
// الخمسة) and reports whether it carries the article.
func countWord(key string) (n int, def bool) {
	k := bare(key)
	// most words start with a letter no count word starts with: a table
	// of the first letters answers before the map
	if len(k) < 4 || k[0] != 0xD8 && k[0] != 0xD9 || !countFirst[k[0]-0xD8][k[1]] {
		return 0, false
	}
	f := countForms[k]
	return f.n, f.def
}

// countFirst[c-0xD8][d] says whether a key of countForms starts with the
// two-byte letter c d.
var countFirst = func() (t [2][256]bool) {
	for k := range countForms {
		if len(k) >= 2 && (k[0] == 0xD8 || k[0] == 0xD9) {
			t[k[0]-0xD8][k[1]] = true
		}
	}
	return t
}()

// countForm is a count word with its proclitics: its value, and whether
// it has the article (المرشحون الثلاثة).
type countForm struct {
	n   int
	def bool
}

// countForms are countWords with every proclitic the count may take
// (بال، لل، ال، ب، ل), made once: countWord is asked about every word of
// a text, and one map lookup answers it.
var countForms = func() map[string]countForm {
	m := map[string]countForm{}
	pres := [...]string{"بال", "لل", "ال", "ب", "ل"}
	for i := len(pres) - 1; i >= 0; i-- { // the first prefix wins
		for k, n := range countWords {
			m[pres[i]+k] = countForm{n, pres[i] != "ب" && pres[i] != "ل"}
		}
	}
	for k, n := range countWords { // the bare word wins over any prefix
		m[k] = countForm{n, false}
	}
	return m
}()

// listMarkers are the pronouns that open a list after a count: ثلاثة
// مرشحين هم.
var listMarkers = map[string]bool{"هم": true, "هي": true, "هما": true, "هن": true}

func runCountList(p *lint.Pass) {
	toks := p.Tokens
	for _, s := range sentences(p) {
		for i := s.lo; i < s.hi; i++ {
			t := &toks[i]
			var (
				n    int
				from = i // the count's phrase, for the finding
				to   int // its last token
			)
			switch t.Kind {
			case arabic.Number:
				if len(t.Key) > 2 {
					continue // a count is 2 to 20: two digits at most
				}
				v, ok := figureAt(toks, i, s)
				if !ok || v < 2 || v > 20 {
					continue
				}
				w := next(toks, i, s.hi)
				if w >= s.hi || toks[w].Kind != arabic.Word || notNoun[toks[w].Key] || months[toks[w].Key] {
					continue
				}
				n, to = v, w
			case arabic.Word:
				v, def := countWord(t.Key)
				if v == 0 || rounded(toks, i, s.lo, s.hi) {
					continue
				}
				w := next(toks, i, s.hi)
				if isWord(toks, w, "عشر", "عشرة") || isWord(toks, prev(toks, i, s.lo), "أحد", "إحدى", "اثنا", "اثني", "اثنتا", "اثنتي") {
					continue // a compound: ثلاثة عشر
				}
				if def {
					// المرشحون الثلاثة: the noun is before the count
					b := prev(toks, i, s.lo)
					if b < s.lo || toks[b].Kind != arabic.Word || !strings.HasPrefix(bare(toks[b].Key), "ال") {
						continue
					}
					n, from, to = v, b, i
				} else {
					if w >= s.hi || toks[w].Kind != arabic.Word || notNoun[toks[w].Key] {
						continue
					}
					n, to = v, w
				}
			default:
				continue
			}
			m := marker(toks, to, s)
			if m < 0 {
				continue
			}
			if partialIn(toks, to, m) {
				continue // ثلاث مراحل منها:
			}
			got, ok := countItems(toks, m+1, s)
			if !ok || got <= n {
				continue
			}
			p.Report(lint.Diagnostic{
				Start: toks[from].Start, End: toks[to].End,
				Message: p.T("message", p.Text[toks[from].Start:toks[to].End], strconv.Itoa(n), strconv.Itoa(got)),
			})
			i = to
		}
	}
}

// marker returns the token that opens the list after the count's phrase
// ending at to: a colon, or هم، هي، هما (وهم، وهي) with an optional colon
// after it, the noun's adjectives (two words at most) and a comma between;
// -1 when there is none.
func marker(toks []arabic.Token, to int, s span) int {
	j := next(toks, to, s.hi)
	comma := false
	for words := 0; j < s.hi; j = next(toks, j, s.hi) {
		t := &toks[j]
		switch {
		case t.Kind == arabic.Punct && t.Key == ":":
			return j
		case t.Kind == arabic.Punct && (t.Key == "،" || t.Key == ","):
			comma = true
			continue
		case t.Kind == arabic.Word && listMarkers[bare(t.Key)]:
			if k := next(toks, j, s.hi); k < s.hi && toks[k].Kind == arabic.Punct && toks[k].Key == ":" {
				return k
			}
			if comma {
				return -1 // ست دول أوروبية، وهي خطة: a new clause
			}
			return j
		case t.Kind == arabic.Word && t.Arabic && !notNoun[t.Key]:
			if words++; words > 2 {
				return -1
			}
			continue
		}
		return -1
	}
	return -1
}

// countItems counts the items of the list from token i to the end of the
// sentence (or a semicolon): the items between commas. A last item longer
// than every other is a clause after the list (، حسبما أفادت الوكالة) and
// is not counted. ok is false when the list does not read as a list of
// names: an item of more than five words, a figure, a word in another
// script, a dash, a bracket, a colon or a selection word inside it.
func countItems(toks []arabic.Token, i int, s span) (n int, ok bool) {
	end := s.hi
	for k := i; k < s.hi; k++ {
		if toks[k].Kind == arabic.Punct && (toks[k].Key == "؛" || toks[k].Key == ";") {
			end = k
			break
		}
	}
	if partialIn(toks, i, end) {
		return 0, false
	}
	words, longest, last := 0, 0, 0
	close := func() bool {
		if words == 0 {
			return true // a comma with nothing before it: the opening one
		}
		if words > 5 {
			return false
		}
		n++
		longest = max(longest, last)
		last, words = words, 0
		return true
	}
	for k := i; k < end; k++ {
		t := &toks[k]
		switch t.Kind {
		case arabic.Number:
			return 0, false
		case arabic.Word:
			if !t.Arabic {
				return 0, false
			}
			if t.Key != "و" {
				words++
			}
		case arabic.Punct:
			switch t.Key {
			case "،", ",":
				if !close() {
					return 0, false
				}
			case "-", "–", "—", "(", ")", ":", "/", "•", "*":
				return 0, false
			}
		case arabic.Space:
			if t.Breaks > 0 && !close() {
				return 0, false
			}
		}
	}
	if !close() {
		return 0, false
	}
	if n > 2 && last > longest {
		n-- // the clause after the list
	}
	return n, n > 0
}
