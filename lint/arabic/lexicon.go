package arabic

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Class says which proclitics may attach to a lexicon entry. A prefix is
// only split off a word when what remains is an entry whose class allows
// it, so كفى is never read as ك + فى.
type Class uint8

const (
	ClassAll   Class = iota // و ف ب ك ل ال لل and their combinations: nouns, adjectives, masdars
	ClassNoArt              // و ف ب ك ل and combinations, without the article: names, demonstratives
	ClassVerb               // و ف ل and combinations: past-tense verbs
	ClassConj               // و ف: particles and pronouns
	ClassExact              // no prefix
)

// ClassNames are the names used in data files and configuration.
var ClassNames = map[string]Class{
	"all": ClassAll, "noart": ClassNoArt, "verb": ClassVerb, "conj": ClassConj, "exact": ClassExact,
}

func (c Class) String() string {
	for k, v := range ClassNames {
		if v == c {
			return k
		}
	}
	return fmt.Sprintf("class(%d)", c)
}

// proclitic is a prefix and the classes that accept it.
type proclitic struct {
	text    string
	classes uint8 // bit set of Class
}

func bits(cs ...Class) uint8 {
	var b uint8
	for _, c := range cs {
		b |= 1 << c
	}
	return b
}

// proclitics, longest first. ل + ال is written لل.
var proclitics = func() []proclitic {
	all := bits(ClassAll)
	noart := bits(ClassAll, ClassNoArt)
	verb := bits(ClassAll, ClassNoArt, ClassVerb)
	conj := bits(ClassAll, ClassNoArt, ClassVerb, ClassConj)
	ps := []proclitic{
		{"وبال", all}, {"فبال", all}, {"وكال", all}, {"فكال", all},
		{"وال", all}, {"فال", all}, {"بال", all}, {"كال", all}, {"ولل", all}, {"فلل", all},
		{"ال", all}, {"لل", all},
		{"وب", noart}, {"فب", noart}, {"وك", noart}, {"فك", noart},
		{"ول", verb}, {"فل", verb},
		{"ب", noart}, {"ك", noart}, {"ل", verb},
		{"و", conj}, {"ف", conj},
	}
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].text) > len(ps[j].text) })
	return ps
}()

// Prefixes lists the proclitics a class accepts, longest first.
func Prefixes(c Class) []string {
	var out []string
	for _, p := range proclitics {
		if p.classes&(1<<c) != 0 {
			out = append(out, p.text)
		}
	}
	return out
}

// Entry is what a lexicon holds for one key.
type Entry struct {
	Class Class
	Value int      // the owner's index, e.g. into its list of corrections
	Rest  []string // for a phrase: the keys of the words after the first
}

// Lexicon maps normalised word keys (and phrases, by their first word) to
// entries. Lookups are map lookups, one per candidate split of a word.
type Lexicon struct {
	words   map[string]Entry
	phrases map[string][]Entry // by first word; longest first
	// filter has a bit set for the hash of every word and first word of a
	// phrase: most candidate stems fail it without touching the maps.
	filter [filterWords]uint64
}

const filterWords = 1 << 8 // 16,384 bits, 2 KB: a dozen lexicons stay in L1

func (l *Lexicon) mark(h uint32) { l.filter[(h>>6)&(filterWords-1)] |= 1 << (h & 63) }

func (l *Lexicon) mayHave(h uint32) bool {
	return l.filter[(h>>6)&(filterWords-1)]&(1<<(h&63)) != 0
}

// NewLexicon returns an empty lexicon.
func NewLexicon() *Lexicon {
	return &Lexicon{words: map[string]Entry{}, phrases: map[string][]Entry{}}
}

// Len is the number of entries.
func (l *Lexicon) Len() int {
	n := len(l.words)
	for _, ps := range l.phrases {
		n += len(ps)
	}
	return n
}

// Add inserts a word or a phrase (words separated by spaces). The key is
// normalised with Key. It reports false when the key is already present.
func (l *Lexicon) Add(key string, class Class, value int) bool {
	words := strings.Fields(key)
	for i, w := range words {
		words[i] = Key(w)
	}
	if len(words) == 0 || words[0] == "" {
		return false
	}
	l.mark(hashKey(words[0]))
	if len(words) == 1 {
		if _, ok := l.words[words[0]]; ok {
			return false
		}
		l.words[words[0]] = Entry{Class: class, Value: value}
		return true
	}
	for _, e := range l.phrases[words[0]] {
		if strings.Join(e.Rest, " ") == strings.Join(words[1:], " ") {
			return false
		}
	}
	ps := append(l.phrases[words[0]], Entry{Class: class, Value: value, Rest: words[1:]})
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].Rest) > len(ps[j].Rest) })
	l.phrases[words[0]] = ps
	return true
}

// Has reports whether key (a single word, no prefix) is an entry.
func (l *Lexicon) Has(key string) bool {
	_, ok := l.words[key]
	return ok
}

// Lookup finds key itself or key with a proclitic its entry accepts.
// prefix is the proclitic split off (in key bytes, "" for none).
func (l *Lexicon) Lookup(key string) (e Entry, prefix string, ok bool) {
	if e, ok := l.words[key]; ok {
		return e, "", true
	}
	for _, p := range proclitics {
		if len(key) > len(p.text) && strings.HasPrefix(key, p.text) {
			if e, ok := l.words[key[len(p.text):]]; ok && p.classes&(1<<e.Class) != 0 {
				return e, p.text, true
			}
		}
	}
	if n := lamArticle(key); n > 0 {
		if e, ok := l.words["ا"+key[n:]]; ok && e.Class <= ClassVerb {
			return e, key[:n], true
		}
	}
	return Entry{}, "", false
}

// lamArticle returns the length of the proclitic ل (with و or ف before it)
// when key starts with ل + the article written لل (للوزير = ل + الوزير), so
// that entries listed with their article are found; else 0.
func lamArticle(key string) int {
	for _, p := range [...]string{"ولل", "فلل", "لل"} {
		if len(key) > len(p)+2 && strings.HasPrefix(key, p) {
			return len(p) - len("ل")
		}
	}
	return 0
}

// Splits holds, for every word token of a document, the ways to read it as
// proclitic + stem, each with the hash of the stem. It is computed once per
// document and shared by every lexicon.
type Splits struct {
	start []int32 // token i has cands[start[i]:start[i+1]]
	cands []Cand
}

// Cand is one reading of a word: the first Len bytes of its key are the
// proclitic proclitics[Proclitic] (Len 0: the whole word), Hash is the hash
// of the rest.
type Cand struct {
	Len       uint8
	Proclitic uint8
	// Article: the word is ل + the article written لل, and the stem to
	// look up is "ا" + the key after Len bytes (للوزير → الوزير).
	Article bool
	Hash    uint32
}

// Of returns the candidate splits of token i, the whole word first, then
// longer proclitics before shorter ones.
func (s *Splits) Of(i int) []Cand { return s.cands[s.start[i]:s.start[i+1]] }

// byFirst indexes the proclitics by their first letter, itself indexed by
// the letter's code point minus 0x600 (all proclitics start with Arabic
// letters in U+0600–U+06FF).
var byFirst = func() [256][]uint8 {
	var m [256][]uint8
	for i, p := range proclitics {
		r, _ := utf8.DecodeRuneInString(p.text)
		m[r-0x600] = append(m[r-0x600], uint8(i))
	}
	return m
}()

// Analyze computes the candidate splits of every word token.
func Analyze(toks []Token) *Splits {
	s := &Splits{start: make([]int32, len(toks)+1), cands: make([]Cand, 0, len(toks))}
	var states [64]uint32
	for i, t := range toks {
		s.start[i] = int32(len(s.cands))
		if t.Kind != Word || len(t.Key) == 0 {
			continue
		}
		k := t.Key
		if !t.Arabic || len(k) < 3 || len(k) > 255 {
			s.cands = append(s.cands, Cand{Hash: hashKey(k)})
			continue
		}
		// a backward FNV-1a pass gives the hash of every suffix of the key
		h := uint32(fnvOffset)
		limit := min(len(k), len(states)) // proclitics are short
		for j := len(k) - 1; j >= 0; j-- {
			h ^= uint32(k[j])
			h *= fnvPrime
			if j < limit {
				states[j] = h
			}
		}
		s.cands = append(s.cands, Cand{Hash: h})
		if r := rune(k[0]&0x1F)<<6 | rune(k[1]&0x3F); k[0]&0xE0 == 0xC0 && r >= 0x600 && r < 0x700 {
			for _, pi := range byFirst[r-0x600] {
				p := proclitics[pi].text
				if len(k) > len(p) && k[:len(p)] == p {
					s.cands = append(s.cands, Cand{Len: uint8(len(p)), Proclitic: pi, Hash: states[len(p)]})
				}
			}
		}
		if n := lamArticle(k); n > 0 && n < len(states) {
			// hash of "ا" + k[n:]: carry on backwards over the bytes of ا
			h := states[n]
			h ^= 0xA7
			h *= fnvPrime
			h ^= 0xD8
			h *= fnvPrime
			s.cands = append(s.cands, Cand{Len: uint8(n), Article: true, Hash: h})
		}
	}
	s.start[len(toks)] = int32(len(s.cands))
	return s
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// hashKey is FNV-1a over the key's bytes from the last to the first, so
// that Analyze gets the hashes of all suffixes in one pass.
func hashKey(k string) uint32 {
	h := uint32(fnvOffset)
	for j := len(k) - 1; j >= 0; j-- {
		h ^= uint32(k[j])
		h *= fnvPrime
	}
	return h
}

// Match is an entry found in a token stream.
type Match struct {
	Entry
	First, Last int    // token indexes of the first and last word
	Prefix      string // proclitic on the first word, in key form
	// Article: the entry starts with the article, which the word writes
	// contracted after ل (للوزير for ل + الوزير). Use Join for the fix.
	Article bool
}

// Join writes a proclitic before a word, contracting ل + ال to لل when the
// match said the word was written that way.
func (m Match) Join(prefixText, word string) string {
	if m.Article && strings.HasPrefix(word, "ال") {
		return prefixText + word[len("ا"):]
	}
	return prefixText + word
}

// MatchAt looks for an entry starting at the word token toks[i]: the longest
// phrase first, then the word alone. Words of a phrase may be separated by
// whitespace with at most one line break. sp holds the token's candidate
// splits (see Analyze).
// MayMatch reports whether some reading of word token i passes the
// lexicon's filter: a cheap test before MatchAt.
func (l *Lexicon) MayMatch(sp *Splits, i int) bool {
	for _, c := range sp.cands[sp.start[i]:sp.start[i+1]] {
		if l.filter[(c.Hash>>6)&(filterWords-1)]&(1<<(c.Hash&63)) != 0 {
			return true
		}
	}
	return false
}

func (l *Lexicon) MatchAt(toks []Token, sp *Splits, i int) (Match, bool) {
	if toks[i].Kind != Word {
		return Match{}, false
	}
	if !l.MayMatch(sp, i) {
		return Match{}, false
	}
	cands := sp.Of(i)
	key := toks[i].Key
	if len(l.phrases) > 0 {
		for _, c := range cands {
			if !l.mayHave(c.Hash) || c.Article {
				continue
			}
			if m, ok := l.matchPhrase(toks, i, key[c.Len:], key[:c.Len]); ok {
				return m, true
			}
		}
	}
	for _, c := range cands {
		if !l.mayHave(c.Hash) {
			continue
		}
		if c.Article {
			if e, ok := l.words["ا"+key[c.Len:]]; ok && e.Class <= ClassVerb {
				return Match{Entry: e, First: i, Last: i, Prefix: key[:c.Len], Article: true}, true
			}
			continue
		}
		e, ok := l.words[key[c.Len:]]
		if !ok {
			continue
		}
		if c.Len == 0 || proclitics[c.Proclitic].classes&(1<<e.Class) != 0 {
			return Match{Entry: e, First: i, Last: i, Prefix: key[:c.Len]}, true
		}
	}
	return Match{}, false
}

func (l *Lexicon) matchPhrase(toks []Token, i int, first, prefix string) (Match, bool) {
	phrases, ok := l.phrases[first]
	if !ok {
		return Match{}, false
	}
	for _, e := range phrases {
		if prefix != "" && !acceptsPrefix(prefix, e.Class) {
			continue
		}
		j, ok := i, true
		for _, w := range e.Rest {
			if j+2 >= len(toks) || toks[j+1].Kind != Space || toks[j+1].Breaks > 1 ||
				toks[j+2].Kind != Word || toks[j+2].Key != w {
				ok = false
				break
			}
			j += 2
		}
		if ok {
			return Match{Entry: e, First: i, Last: j, Prefix: prefix}, true
		}
	}
	return Match{}, false
}

func acceptsPrefix(prefix string, c Class) bool {
	for _, p := range proclitics {
		if p.text == prefix {
			return p.classes&(1<<c) != 0
		}
	}
	return false
}

// SplitPrefix returns the length in bytes of the part of the original word
// text that spells the proclitic prefix (given in key form), skipping any
// harakat or tatweel written on it. The fix for a word keeps these bytes.
func SplitPrefix(word, prefix string) int {
	if prefix == "" {
		return 0
	}
	need := len([]rune(prefix))
	for i, r := range word {
		if IsHaraka(r) || r == Tatweel || IsIgnorable(r) {
			continue
		}
		if need == 0 {
			return i
		}
		need--
	}
	return len(word)
}
