package source

import (
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/rules/entities"
	"github.com/daqiq/daqiq/rules/typography"
)

// Name makes the rule source/name.
func Name() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "source/name",
		Summary: "a name of a person, place or organisation spelled otherwise than in the wire",
		Doc: lint.Doc{
			What:   "With a wire copy (check --source), compares each sentence of the article with the wire sentences it was written from: a word of the article that the wire does not have, standing where the wire has a word one or two letters away from it (the same word before or after it), is flagged when either is a name of the gazetteer (countries, capitals, cities, public figures) or neither is a common news word. Names are compared after folding the hamza seats, ى/ي, ة/ه, harakat, tatweel and proclitics: أردوغان and اردوغان are one name; an ending added or dropped (دبلوماسيا/دبلوماسي) is grammar, not a name.",
			Why:    "A name one letter off is another person or another place: راما is the Albanian prime minister, رامى is nobody in the story.",
			Wrong:  "قال رئيس الوزراء الألباني إيدي رامى إن القرار نهائي.",
			Right:  "قال رئيس الوزراء الألباني إيدي راما إن القرار نهائي.",
			Fix:    "Unsafe: the wire's spelling, the article's proclitic kept.",
			Source: "وقال رئيس الوزراء الألباني إيدي راما إن القرار نهائي.",
		},
	}, runName)
}

// nameWords is the gazetteer's words, folded as the source rules fold.
var nameWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for w := range entities.NameWords() {
		m[folded(w)] = true
	}
	return m
})

// newsWord: a frequent news word, which a one-letter change leaves a word
// (يعمل/تعمل), not a name.
func newsWord(key string) bool { return typography.NewsWord(key) }

type slot struct{ prev, next uint64 }

func runName(p *lint.Pass, c *compared) {
	inArt := map[uint64]bool{}
	inWire := map[uint64]bool{}
	byPrev := map[uint64][]int{}
	byNext := map[uint64][]int{}
	names := nameWords()
	var cands []int
	for si, ws := range c.aligned {
		if len(ws) == 0 {
			continue
		}
		s := c.art.sents[si]
		clear(inArt)
		for k := s.lo; k < s.hi; k++ {
			inArt[c.art.hash[k]] = true
		}
		clear(inWire)
		clear(byPrev)
		clear(byNext)
		for _, w := range ws {
			r := c.wire.sents[w]
			for k := r.lo; k < r.hi; k++ {
				inWire[c.wire.hash[k]] = true
			}
			for k := r.lo; k < r.hi; k++ {
				if c.wire.hash[k] == 0 || inArt[c.wire.hash[k]] {
					continue
				}
				sl := neighbours(c.wire, k, r)
				if sl.prev != 0 {
					byPrev[sl.prev] = append(byPrev[sl.prev], k)
				}
				if sl.next != 0 {
					byNext[sl.next] = append(byNext[sl.next], k)
				}
			}
		}
		for k := s.lo; k < s.hi; k++ {
			h := c.art.hash[k]
			if h == 0 || inWire[h] {
				continue
			}
			sl := neighbours(c.art, k, s)
			cands = cands[:0]
			if sl.prev != 0 {
				cands = append(cands, byPrev[sl.prev]...)
			}
			if sl.next != 0 {
				cands = append(cands, byNext[sl.next]...)
			}
			for _, j := range cands {
				if reportName(p, c, names, k, j) {
					break
				}
			}
		}
	}
}

// neighbours are the hashes of the words right before and after token k
// within its sentence (0: none, or not a word).
func neighbours(t *text, k int, s span) slot {
	var sl slot
	if j := prevNonSpace(t, k, s.lo); j >= s.lo {
		sl.prev = t.hash[j]
	}
	if j := nextNonSpace(t, k, s.hi); j < s.hi {
		sl.next = t.hash[j]
	}
	return sl
}

// reportName reports article word k when wire word j is its name spelled
// otherwise.
func reportName(p *lint.Pass, c *compared, names map[string]bool, k, j int) bool {
	a, w := &c.art.toks[k], &c.wire.toks[j]
	fa, fw := folded(a.Key), folded(w.Key)
	if fa == fw {
		return false
	}
	ra, rw := []rune(fa), []rune(fw)
	if len(ra) < 3 || len(rw) < 3 || strings.HasPrefix(fa, fw) || strings.HasPrefix(fw, fa) ||
		strings.HasSuffix(fa, fw) || strings.HasSuffix(fw, fa) {
		return false
	}
	if d := distance(ra, rw); d < 1 || d > 2 || d == 2 && (min(len(ra), len(rw)) < 6 || ra[0] != rw[0]) {
		return false
	}
	if !names[fa] && !names[fw] && (newsWord(a.Key) || newsWord(w.Key)) {
		return false
	}
	wtext := c.wire.src[w.Start:w.End]
	d := lint.Diagnostic{
		Start: a.Start, End: a.End,
		Message: p.T("differs", p.Text[a.Start:a.End], c.where(w.Start), wtext),
	}
	atext := p.Text[a.Start:a.End]
	if atext == a.Key && wtext == w.Key {
		pa, pw := int(c.art.pre[k]), int(c.wire.pre[j])
		d.Fixes = []lint.SuggestedFix{lint.Replace(a.Start, a.End, atext[:pa]+wtext[pw:], lint.Unsafe)}
	}
	p.Report(d)
	return true
}

// distance is the Levenshtein distance of two short words.
func distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
