package usage

import (
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// usageWords are the words of a document that usage rules look at more
// closely, found in one walk over its tokens for all of them: the number
// rules and the phrase lists whose entries all start alike (the masdars of
// hamzat-wasl-masdar, with إ). Each rule still tests its words as it did
// when it walked the tokens itself; it only walks fewer.
type usageWords struct {
	numbers []int32   // Arabic words whose key may end as a numeral (numberFilter)
	starts  [][]int32 // by list of phraseIndex().starting, the words mayStart passes
}

// numberFilter passes the words the number rules may read as one of their
// numerals: the tens, the numerals 3–10, عشر and عشرة.
var numberFilter = newStemFilter(keys(tensNominative), keys(numeralMasc), keys(numeralFem), []string{"عشر", "عشرة"})

// wordsOf returns the usage words of the pass's document.
func wordsOf(p *lint.Pass) *usageWords {
	return p.Memo("usage/words", func() any { return findWords(p.Tokens, phraseIndex()) }).(*usageWords)
}

func findWords(toks []arabic.Token, u *phraseUnion) *usageWords {
	w := &usageWords{starts: make([][]int32, len(u.starting))}
	// a list's start, letters of two bytes or more, starts at one of
	// stemStarts: its second byte is in the key's first lim bytes
	lim := stemStarts[len(stemStarts)-1] + 2
	for i := range toks {
		t := &toks[i]
		if t.Kind != arabic.Word {
			continue
		}
		key := t.Key
		if t.Arabic && numberFilter.may(key) {
			w.numbers = append(w.numbers, int32(i))
		}
		for k, ps := range u.starting {
			if strings.IndexByte(key[:min(len(key), lim)], ps.start[1]) >= 0 && ps.mayStart(key) {
				w.starts[k] = append(w.starts[k], int32(i))
			}
		}
	}
	return w
}
