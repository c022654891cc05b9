package source

import (
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint/arabic"
)

// text is one side of the comparison, the article or the wire: its tokens
// cut into sentences, each word with the hash of its normalised stem.
type text struct {
	src   string
	toks  []arabic.Token
	sents []span   // token ranges [lo, hi)
	sent  []int32  // the sentence of each token
	hash  []uint64 // each word's stem hash (0: not a word)
	pre   []uint8  // bytes of proclitic cut off each word's key
	isKey []bool   // a content word: three letters or more, not a function word
}

type span struct{ lo, hi int }

// newText cuts a text into sentences: at . ؟ ! ? and line breaks, but not
// at a full stop inside «…» or “…” on the same line.
func newText(src string, toks []arabic.Token) *text {
	t := &text{src: src, toks: toks, sent: make([]int32, len(toks)), hash: make([]uint64, len(toks)), pre: make([]uint8, len(toks)), isKey: make([]bool, len(toks))}
	lo, depth := 0, 0
	cut := func(hi int) {
		if hi > lo {
			t.sents = append(t.sents, span{lo, hi})
		}
		lo = hi
	}
	for i := range toks {
		tk := &toks[i]
		t.sent[i] = int32(len(t.sents))
		switch tk.Kind {
		case arabic.Word:
			if tk.Arabic {
				pre, h, n := stemHash(tk.Key)
				t.pre[i], t.hash[i] = uint8(pre), h
				t.isKey[i] = n >= 3 && !stop[h]
			}
		case arabic.Space:
			if tk.Breaks > 0 {
				depth = 0
				cut(i + 1)
			}
		case arabic.Punct:
			switch tk.Key {
			case "«", "“":
				depth++
			case "»", "”":
				if depth > 0 {
					depth--
				}
			case ".", "؟", "!", "?":
				if depth == 0 {
					cut(i + 1)
				}
			}
		}
	}
	cut(len(toks))
	return t
}

// fold maps a letter to the one it is compared as: the hamza seats, ى
// and ة folded.
func fold(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ؤ', 'ئ':
		return 'ء'
	case 'ى':
		return 'ي'
	case 'ة':
		return 'ه'
	}
	return r
}

// proclitic returns how many bytes of proclitics (و ف, then ب ك ل, then
// ال, or لل) to cut off a key, leaving at least three letters.
func proclitic(key string) int {
	p := 0
	left := utf8.RuneCountInString(key)
	take := func(s string) bool {
		n := utf8.RuneCountInString(s)
		if len(key)-p > len(s) && key[p:p+len(s)] == s && left-n >= 3 {
			p += len(s)
			left -= n
			return true
		}
		return false
	}
	_ = take("و") || take("ف")
	if !take("لل") {
		_ = take("ب") || take("ك") || take("ل")
		take("ال")
	}
	return p
}

// stemHash returns the proclitic bytes of a word's key, the FNV-1a hash
// of the folded rest and its letter count, without allocating.
func stemHash(key string) (pre int, h uint64, n int) {
	pre = proclitic(key)
	h = 14695981039346656037
	for _, r := range key[pre:] {
		r = fold(r)
		h ^= uint64(r)
		h *= 1099511628211
		n++
	}
	return pre, h | 1, n
}

// folded is a key's stem as compared, for messages and names.
func folded(key string) string {
	b := make([]rune, 0, len(key)/2)
	for _, r := range key[proclitic(key):] {
		b = append(b, fold(r))
	}
	return string(b)
}

// stop are function words and verbs of speech, which say nothing about
// which sentence is which (أعلن → قال is a rewording).
var stop = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range []string{
		"الذي", "التي", "الذين", "اللذين", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "بعد", "قبل", "على", "إلى", "حتى",
		"عند", "بين", "حيث", "كان", "كانت", "يكون", "تكون", "أنه", "أنها", "إنه", "إنها", "أنهم", "لكن", "لكنه",
		"قال", "قالت", "يقول", "تقول", "أضاف", "أضافت", "أكد", "أكدت", "أعلن", "أعلنت", "ذكر", "ذكرت",
		"أوضح", "أوضحت", "أشار", "أشارت", "تابع", "تابعت", "صرح", "صرحت", "خلال", "منذ", "كما", "أيضا",
		"غير", "عبر", "وفق", "وفقا", "نحو", "حوالي", "قرابة", "أكثر", "أقل", "اليوم", "أمس", "يوم", "غدا",
		"التي", "فيها", "فيه", "منها", "منه", "عليها", "عليه", "إليها", "إليه", "لها", "لهم", "وذلك", "ضمن",
		"حول", "دون", "بعض", "جميع", "كل", "أول", "آخر", "الأول", "الآخر",
	} {
		_, h, _ := stemHash(arabic.Key(w))
		m[h] = true
	}
	return m
}()

// aligner indexes the wire's sentences by their content words.
type aligner struct {
	wire  *text
	index map[uint64][]int32
	score []int32
	seen  map[uint64]int32 // word → the last article sentence it was counted for, +1
}

func newAligner(w *text) *aligner {
	a := &aligner{wire: w, index: make(map[uint64][]int32, len(w.toks)/4), score: make([]int32, len(w.sents)), seen: map[uint64]int32{}}
	for i, s := range w.sents {
		for k := s.lo; k < s.hi; k++ {
			if !w.isKey[k] {
				continue
			}
			l := a.index[w.hash[k]]
			if len(l) == 0 || l[len(l)-1] != int32(i) {
				a.index[w.hash[k]] = append(l, int32(i))
			}
		}
	}
	return a
}

// align returns, for each sentence of the article, the wire sentences it
// was written from: those sharing the most content words with it, when
// they share at least three and at least half of the article sentence's
// (two when it has only two or three). Added background aligns with
// nothing.
func (a *aligner) align(art *text) [][]int32 {
	out := make([][]int32, len(art.sents))
	var touched []int32
	for si, s := range art.sents {
		n := int32(0)
		touched = touched[:0]
		for k := s.lo; k < s.hi; k++ {
			if !art.isKey[k] {
				continue
			}
			h := art.hash[k]
			if a.seen[h] == int32(si)+1 {
				continue
			}
			a.seen[h] = int32(si) + 1
			n++
			for _, ws := range a.index[h] {
				if a.score[ws] == 0 {
					touched = append(touched, ws)
				}
				a.score[ws]++
			}
		}
		best := int32(0)
		for _, ws := range touched {
			best = max(best, a.score[ws])
		}
		var chosen []int32
		sum := int32(0)
		if best >= 2 {
			for _, ws := range touched {
				if sc := a.score[ws]; sc >= 2 && 2*sc >= best {
					chosen = append(chosen, ws)
					sum += sc
				}
			}
		}
		if sum >= 3 && 2*sum >= n || sum >= 2 && n <= 3 && sum >= n {
			sortInt32(chosen)
			out[si] = chosen
		}
		for _, ws := range touched {
			a.score[ws] = 0
		}
	}
	return out
}

func sortInt32(s []int32) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
