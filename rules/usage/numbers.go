package usage

import (
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/gendata"
)

// Genders of counted nouns and numerals.
const (
	unknown = iota
	masc
	fem
)

// numberData is numbers.toml as the number rules use it.
type numberData struct {
	file         numbersFile
	plurals      map[string]int // key → gender of the singular
	singulars    map[string]int
	prepositions map[string]bool
}

var loadNumbers = sync.OnceValues(func() (*numberData, error) {
	f, err := gendata.Load(numbersData, generatedNumbers, parseNumbers)
	if err != nil {
		return nil, err
	}
	d := &numberData{file: f, plurals: map[string]int{}, singulars: map[string]int{}, prepositions: map[string]bool{}}
	for _, g := range []struct {
		n numberNouns
		g int
	}{{f.Masculine, masc}, {f.Feminine, fem}} {
		for _, w := range g.n.Plurals {
			d.plurals[arabic.Key(w)] = g.g
		}
		for _, w := range g.n.Singulars {
			d.singulars[arabic.Key(w)] = g.g
		}
	}
	for _, w := range f.Prepositions {
		d.prepositions[arabic.Key(w)] = true
	}
	return d, nil
})

// split is one reading of a word: a proclitic (in key form, the article
// included when article is set) and the stem after it.
type split struct {
	prefix  string
	stem    string
	article bool
}

// leading are the proclitics a numeral may carry, longest first.
var leading = []string{"وب", "ول", "فب", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك", ""}

// maxSplits is the most readings a word has: each proclitic of leading,
// with and without the article.
const maxSplits = 24

// splits returns the readings of a word key: each proclitic of leading
// that starts it, with and without the article after it (لل for ل + ال).
// They are written into buf, which a caller keeps on its stack.
func splits(buf *[maxSplits]split, key string) []split {
	out := buf[:0]
	for _, p := range leading {
		if !strings.HasPrefix(key, p) {
			continue
		}
		rest := key[len(p):]
		if rest == "" {
			continue
		}
		out = append(out, split{p, rest, false})
		switch {
		case strings.HasPrefix(rest, "ال") && len(rest) > len("ال"):
			out = append(out, split{p + "ال", rest[len("ال"):], true})
		case strings.HasSuffix(p, "ل") && strings.HasPrefix(rest, "ل") && len(rest) > len("ل"):
			out = append(out, split{p + "ل", rest[len("ل"):], true}) // لل: ل + ال
		}
	}
	return out
}

// lookup returns the first reading of a word whose stem is in m.
func lookup[V any](key string, m map[string]V) (split, V, bool) {
	var buf [maxSplits]split
	for _, s := range splits(&buf, key) {
		if v, ok := m[s.stem]; ok {
			return s, v, true
		}
	}
	var zero V
	return split{}, zero, false
}

// stemFilter tells at a glance that no reading of a word has its stem in
// a table: every stem splits leaves is a suffix of the word's key, so a
// key that does not end as one of the stems does has none. It keeps a bit
// for the hash of the last four bytes (two letters) of each stem; a table
// with a shorter stem (short) lets every word through.
type stemFilter struct {
	short bool
	bits  [1 << 10]uint64
}

// newStemFilter makes the filter of the stems.
func newStemFilter(stems ...[]string) *stemFilter {
	f := &stemFilter{}
	for _, ss := range stems {
		for _, s := range ss {
			if len(s) < 4 {
				f.short = true
				continue
			}
			h := tailHash(s)
			f.bits[h>>6] |= 1 << (h & 63)
		}
	}
	if f.short {
		for i := range f.bits {
			f.bits[i] = ^uint64(0)
		}
	}
	return f
}

// tailHash hashes the last four bytes of s, which has at least four.
func tailHash(s string) uint32 {
	n := len(s)
	w := uint32(s[n-4])<<24 | uint32(s[n-3])<<16 | uint32(s[n-2])<<8 | uint32(s[n-1])
	return (w * 0x9E3779B1) >> 16
}

// may reports whether a stem of the filter's tables may end key.
func (f *stemFilter) may(key string) bool {
	if len(key) < 4 {
		return f.short
	}
	h := tailHash(key)
	return f.bits[h>>6]>>(h&63)&1 != 0
}

// keys returns the keys of a table.
func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// rewrite returns the text of word token t with the stem of reading s
// replaced by stem: the proclitic as written, then stem. sure is false
// when the stem carried harakat, which the new stem does not keep.
func rewrite(p *lint.Pass, t arabic.Token, s split, stem string) (string, bool) {
	word := p.Text[t.Start:t.End]
	n := arabic.SplitPrefix(word, s.prefix)
	return word[:n] + stem, arabic.Key(word[n:]) == word[n:]
}

// wordAt returns the word token at i when it is an Arabic word.
func wordAt(toks []arabic.Token, i int) bool {
	return i >= 0 && i < len(toks) && toks[i].Kind == arabic.Word && toks[i].Arabic
}
