package usage

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// usageWords are the words of a document that usage rules look at more
// closely, found once per document for all of them. Each rule still tests
// its words as it did when it walked the tokens itself; it only walks
// fewer.
type usageWords struct {
	// others: the words whose readings (Splits) pass the filter of
	// usageIndex().others, every word that may start an entry of the
	// phrase lists of rest or read as a numeral of the number rules
	others []int32
	// starts: by list of usageIndex().starting, the words mayStart passes
	starts [][]int32
}

// usageIndex is what the usage rules walk a document's words by: the
// phrase lists whose entries all start alike (starting: the masdars of
// hamzat-wasl-masdar, with إ) are walked by the words holding that
// letter, the other lists (rest) and the number rules by the filter of one
// lexicon (others) of all their entries' first words and all the numerals.
type usageLists struct {
	starting []*phrases
	rest     []*phrases
	others   *arabic.Lexicon
}

// usageIndex returns the index of the lists that could be built.
var usageIndex = sync.OnceValue(func() *usageLists {
	u := &usageLists{others: arabic.NewLexicon()}
	for _, load := range []func() (*phrases, error){loadCollocation, loadWordForm, loadMasdar, loadDecades} {
		ps, err := load()
		if err != nil {
			continue
		}
		if ps.start != "" {
			u.starting = append(u.starting, ps)
			continue
		}
		u.rest = append(u.rest, ps)
		for _, w := range ps.wrongs {
			// the first word as Lexicon.Add keys it: the filter of
			// others then holds every bit of the list's
			if words := strings.Fields(w); len(words) > 0 {
				u.others.AddKey(arabic.Key(words[0]), arabic.ClassAll, 0)
			}
		}
	}
	// The numerals, and each after ال: a reading splits makes has its
	// stem among a word's Splits (its proclitics are the lexicon's), but
	// for ل، ول، فل + ال written apart (لالعشرين), whose Splits reading
	// is the stem with ال after ل.
	for _, stems := range [][]string{keys(tensNominative), keys(numeralMasc), keys(numeralFem), {"عشر", "عشرة"}} {
		for _, s := range stems {
			u.others.AddKey(s, arabic.ClassAll, 0)
			u.others.AddKey("ال"+s, arabic.ClassAll, 0)
		}
	}
	return u
})

// wordsOf returns the usage words of the pass's document.
func wordsOf(p *lint.Pass) *usageWords {
	return p.Memo("usage/words", func() any { return findWords(p, usageIndex()) }).(*usageWords)
}

func findWords(p *lint.Pass, u *usageLists) *usageWords {
	w := &usageWords{starts: make([][]int32, len(u.starting))}
	for i := u.others.NextMayMatch(p.Splits, 0); i >= 0; i = u.others.NextMayMatch(p.Splits, i+1) {
		w.others = append(w.others, int32(i))
	}
	// A list's start is letters: the first of them, a rune, is in the
	// text of every word whose key holds the start (a key is the word
	// without its marks). The words holding it are found in the text.
	toks, text := p.Tokens, p.Text
	for k, ps := range u.starting {
		r, n := utf8.DecodeRuneInString(ps.start)
		letter := ps.start[:n]
		if r == utf8.RuneError {
			letter = ps.start // never: a start is letters
		}
		t := 0
		for at := 0; ; {
			j := strings.Index(text[at:], letter)
			if j < 0 {
				break
			}
			at += j
			for t < len(toks) && toks[t].End <= at {
				t++
			}
			if t < len(toks) && toks[t].Kind == arabic.Word && ps.mayStart(toks[t].Key) {
				w.starts[k] = append(w.starts[k], int32(t))
			}
			// the next word: one with the letter twice is kept once
			if t < len(toks) {
				at = max(at+n, toks[t].End)
			} else {
				at += n
			}
		}
	}
	return w
}
