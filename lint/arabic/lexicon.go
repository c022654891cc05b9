package arabic

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
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
// entries. MatchAt looks up each candidate split of a word that passes the
// lexicon's filter by the hash Analyze gave it.
type Lexicon struct {
	words   map[string]Entry
	phrases map[string][]Entry // by first word; longest first
	// filter has a bit set for the hash of every word and first word of a
	// phrase: most candidate stems fail it without touching the maps.
	filter [filterWords]uint64
	// tbl holds the words and phrases again, by the hash of their key
	// (first word): MatchAt has the hash of every reading of a word from
	// Analyze and looks it up there without hashing the string again. It
	// is built on first use (the lexicons of rules that are off never
	// need it) and dropped by Add.
	tbl atomic.Pointer[lexTable]
}

// lexTable is an open-addressing hash table of a lexicon's keys.
type lexTable struct {
	slots   []slot    // a power of two, at most half full
	entries []Entry   // the words' entries, by slot.word-1
	lists   [][]Entry // the phrases by first word, by slot.phrases-1
}

// slot is one key of a lexicon: its entry as a word and its phrases.
type slot struct {
	key     string // "" for an empty slot
	hash    uint32
	word    int32 // 1 + index in entries; 0: not a word
	phrases int32 // 1 + index in lists; 0: no phrase starts with it
}

func slotIndex(h, mask uint32) uint32 { return (h * 0x9E3779B1) >> 7 & mask }

// table returns the lexicon's table, building it if needed. Two goroutines
// may both build it; they build the same.
func (l *Lexicon) table() *lexTable {
	if t := l.tbl.Load(); t != nil {
		return t
	}
	keys := make(map[string]bool, len(l.words)+len(l.phrases))
	for k := range l.words {
		keys[k] = true
	}
	for k := range l.phrases {
		keys[k] = true
	}
	n := 16
	for n < 2*len(keys) {
		n *= 2
	}
	t := &lexTable{slots: make([]slot, n)}
	mask := uint32(n - 1)
	for k := range keys {
		h := hashKey(k)
		i := slotIndex(h, mask)
		for t.slots[i].key != "" {
			i = (i + 1) & mask
		}
		s := slot{key: k, hash: h}
		if e, ok := l.words[k]; ok {
			t.entries = append(t.entries, e)
			s.word = int32(len(t.entries))
		}
		if ps, ok := l.phrases[k]; ok {
			t.lists = append(t.lists, ps)
			s.phrases = int32(len(t.lists))
		}
		t.slots[i] = s
	}
	l.tbl.Store(t)
	return t
}

// slotOf returns the slot of key, whose hash is h, or nil.
func (t *lexTable) slotOf(h uint32, key string) *slot {
	mask := uint32(len(t.slots) - 1)
	for i := slotIndex(h, mask); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == "" {
			return nil
		}
		if s.hash == h && s.key == key {
			return s
		}
	}
}

// slotOfAlef is slotOf for the key "ا" + stem, without building it.
func (t *lexTable) slotOfAlef(h uint32, stem string) *slot {
	mask := uint32(len(t.slots) - 1)
	for i := slotIndex(h, mask); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == "" {
			return nil
		}
		if s.hash == h && len(s.key) == len("ا")+len(stem) && s.key[:len("ا")] == "ا" && s.key[len("ا"):] == stem {
			return s
		}
	}
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

// NewLexiconSize returns an empty lexicon with room for n keys.
func NewLexiconSize(n int) *Lexicon {
	return &Lexicon{words: make(map[string]Entry, n), phrases: map[string][]Entry{}}
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
	return l.add(words, class, value)
}

// AddKey is Add for a key already normalised (each word as Key returns
// it, one space between words), as a lexicon's own keys are: a snapshot of
// a lexicon is rebuilt without normalising every key again.
func (l *Lexicon) AddKey(key string, class Class, value int) bool {
	return l.add(strings.Split(key, " "), class, value)
}

func (l *Lexicon) add(words []string, class Class, value int) bool {
	if len(words) == 0 || words[0] == "" {
		return false
	}
	l.mark(hashKey(words[0]))
	if len(words) == 1 {
		if _, ok := l.words[words[0]]; ok {
			return false
		}
		l.words[words[0]] = Entry{Class: class, Value: value}
		l.tbl.Store(nil)
		return true
	}
	ps := l.phrases[words[0]]
	at := len(ps)
	for i, e := range ps {
		if slices.Equal(e.Rest, words[1:]) {
			return false
		}
		if at == len(ps) && len(e.Rest) < len(words)-1 {
			at = i
		}
	}
	ps = slices.Insert(ps, at, Entry{Class: class, Value: value, Rest: words[1:]})
	l.phrases[words[0]] = ps
	l.tbl.Store(nil)
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

// procBits holds each proclitic as the bytes of a little-endian uint64
// and the mask of those bytes: a key whose first eight bytes w satisfy
// w&mask == bits starts with it.
var procBits = func() (out [32]struct {
	mask, bits uint64
	n          uint8
}) {
	for i, p := range proclitics {
		for j := 0; j < len(p.text); j++ {
			out[i].mask |= 0xFF << (8 * j)
			out[i].bits |= uint64(p.text[j]) << (8 * j)
		}
		out[i].n = uint8(len(p.text))
	}
	return out
}()

// lamArt[i] is, for the proclitics ولل، فلل and لل, the length of the
// proclitic that remains when their لل is read as ل + the article (see
// lamArticle); 0 for the others.
var lamArt = func() (n [32]uint8) {
	for i, p := range proclitics {
		switch p.text {
		case "ولل", "فلل", "لل":
			n[i] = uint8(len(p.text) - len("ل"))
		}
	}
	return n
}()

// Analyze computes the candidate splits of every word token.
func Analyze(toks []Token) *Splits {
	s := &Splits{start: make([]int32, len(toks)+1), cands: make([]Cand, 0, len(toks))}
	s.Analyze(toks)
	return s
}

// Analyze computes the candidate splits of every word token into s,
// reusing its memory: what the package function Analyze returns, for a
// caller that analyses many documents one after the other.
func (s *Splits) Analyze(toks []Token) {
	if cap(s.start) < len(toks)+1 {
		s.start = make([]int32, len(toks)+1, len(toks)+1+len(toks)/4)
	}
	start := s.start[:len(toks)+1]
	cands := s.cands[:0]
	if cap(cands) < len(toks) {
		cands = make([]Cand, 0, len(toks)+len(toks)/4)
	}
	for i := range toks {
		t := &toks[i]
		start[i] = int32(len(cands))
		if t.Kind != Word || len(t.Key) == 0 {
			continue
		}
		k := t.Key
		if !splittable(t) {
			cands = append(cands, Cand{Hash: hashKey(k)})
			continue
		}
		// a backward FNV-1a pass gives the hash of every suffix of the
		// key; the stems after a proclitic start in the first maxProclitic
		// bytes
		var states [maxProclitic + 1]uint32
		h := suffixHashes(k, &states)
		cands = append(cands, Cand{Hash: h})
		if k[0]&0xE0 != 0xC0 {
			continue
		}
		r := rune(k[0]&0x1F)<<6 | rune(k[1]&0x3F)
		if r < 0x600 || r >= 0x700 || len(byFirst[r-0x600]) == 0 {
			continue
		}
		// the first eight bytes of the key, to test the proclitics with
		// masks instead of string comparisons
		var w uint64
		if len(k) >= 8 {
			w = uint64(k[0]) | uint64(k[1])<<8 | uint64(k[2])<<16 | uint64(k[3])<<24 |
				uint64(k[4])<<32 | uint64(k[5])<<40 | uint64(k[6])<<48 | uint64(k[7])<<56
		} else {
			for j := len(k) - 1; j >= 0; j-- {
				w = w<<8 | uint64(k[j])
			}
		}
		article := 0
		for _, pi := range byFirst[r-0x600] {
			p := &procBits[pi]
			if len(k) > int(p.n) && w&p.mask == p.bits {
				cands = append(cands, Cand{Len: p.n, Proclitic: pi, Hash: states[p.n]})
				if n := lamArt[pi]; n > 0 && len(k) > int(p.n)+2 {
					article = int(n)
				}
			}
		}
		if article > 0 {
			// hash of "ا" + k[article:]
			cands = append(cands, Cand{Len: uint8(article), Article: true, Hash: StemHashBefore(states[article], "ا")})
		}
	}
	start[len(toks)] = int32(len(cands))
	s.start, s.cands = start, cands
}

// suffixHashes returns hashKey(k) and sets states[j] to hashKey(k[j:]) for
// every j up to maxProclitic that is inside k. (A function of its own so
// that the hash stays in a register.)
//
//go:noinline
func suffixHashes(k string, states *[maxProclitic + 1]uint32) uint32 {
	h := uint32(fnvOffset)
	j := len(k) - 1
	for ; j > maxProclitic; j-- {
		h = (h ^ uint32(k[j])) * fnvPrime
	}
	// the first bytes, whose hashes are kept, without a branch per byte
	switch j {
	case 8:
		h = (h ^ uint32(k[8])) * fnvPrime
		states[8] = h
		fallthrough
	case 7:
		h = (h ^ uint32(k[7])) * fnvPrime
		states[7] = h
		fallthrough
	case 6:
		h = (h ^ uint32(k[6])) * fnvPrime
		states[6] = h
		fallthrough
	case 5:
		h = (h ^ uint32(k[5])) * fnvPrime
		states[5] = h
		fallthrough
	case 4:
		h = (h ^ uint32(k[4])) * fnvPrime
		states[4] = h
		fallthrough
	case 3:
		h = (h ^ uint32(k[3])) * fnvPrime
		states[3] = h
		fallthrough
	case 2:
		h = (h ^ uint32(k[2])) * fnvPrime
		states[2] = h
		fallthrough
	case 1:
		h = (h ^ uint32(k[1])) * fnvPrime
		states[1] = h
		fallthrough
	case 0:
		h = (h ^ uint32(k[0])) * fnvPrime
		states[0] = h
	}
	return h
}

// splittable reports whether Analyze looks for proclitics on token t.
func splittable(t *Token) bool {
	return t.Kind == Word && t.Arabic && len(t.Key) >= 3 && len(t.Key) <= 255
}

// maxProclitic is the length in bytes of the longest proclitic (a test
// checks it).
const maxProclitic = len("وبال")

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// StemHashSeed is StemHash(""), where StemHashBefore starts.
const StemHashSeed uint32 = fnvOffset

// StemHash is the hash Analyze gives a stem (Cand.Hash): FNV-1a over its
// bytes from the last to the first. Rules keep their own filters of it to
// test a token's candidate splits without hashing again.
func StemHash(s string) uint32 { return hashKey(s) }

// StemHashBefore continues h, the StemHash of some text t, to the
// StemHash of s+t: the hash runs from the last byte to the first, so it
// extends to the left. StemHashBefore(StemHashBefore(StemHash(c), b), a)
// is StemHash(a+b+c), without building the string.
func StemHashBefore(h uint32, s string) uint32 {
	for j := len(s) - 1; j >= 0; j-- {
		h ^= uint32(s[j])
		h *= fnvPrime
	}
	return h
}

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

// NextMayMatch returns the first word token at or after token i for which
// MayMatch is true, or -1 if there is none: a walk over a document's words
// that skips the words the lexicon cannot hold, testing the readings of
// all the words in one flat loop.
func (l *Lexicon) NextMayMatch(sp *Splits, i int) int {
	if i < 0 {
		i = 0
	}
	if i >= len(sp.start) {
		return -1
	}
	cands, start := sp.cands, sp.start
	for ci := int(start[i]); ci < len(cands); ci++ {
		h := cands[ci].Hash
		if l.filter[(h>>6)&(filterWords-1)]&(1<<(h&63)) != 0 {
			// the token whose candidates hold ci
			for int(start[i+1]) <= ci {
				i++
			}
			return i
		}
	}
	return -1
}

// MatchAt looks for an entry starting at the word token toks[i]: the longest
// phrase first, then the word alone. Words of a phrase may be separated by
// whitespace with at most one line break. sp holds the token's candidate
// splits (see Analyze).
func (l *Lexicon) MatchAt(toks []Token, sp *Splits, i int) (Match, bool) {
	if toks[i].Kind != Word {
		return Match{}, false
	}
	if !l.MayMatch(sp, i) {
		return Match{}, false
	}
	cands := sp.Of(i)
	key := toks[i].Key
	t := l.table()
	if len(l.phrases) > 0 {
		for _, c := range cands {
			if !l.mayHave(c.Hash) || c.Article {
				continue
			}
			if m, ok := t.matchPhrase(toks, i, c.Hash, key[c.Len:], key[:c.Len]); ok {
				return m, true
			}
		}
	}
	for _, c := range cands {
		if !l.mayHave(c.Hash) {
			continue
		}
		if c.Article {
			if s := t.slotOfAlef(c.Hash, key[c.Len:]); s != nil && s.word > 0 && t.entries[s.word-1].Class <= ClassVerb {
				e := t.entries[s.word-1]
				return Match{Entry: e, First: i, Last: i, Prefix: key[:c.Len], Article: true}, true
			}
			continue
		}
		s := t.slotOf(c.Hash, key[c.Len:])
		if s == nil || s.word == 0 {
			continue
		}
		e := t.entries[s.word-1]
		if c.Len == 0 || proclitics[c.Proclitic].classes&(1<<e.Class) != 0 {
			return Match{Entry: e, First: i, Last: i, Prefix: key[:c.Len]}, true
		}
	}
	return Match{}, false
}

func (t *lexTable) matchPhrase(toks []Token, i int, h uint32, first, prefix string) (Match, bool) {
	s := t.slotOf(h, first)
	if s == nil || s.phrases == 0 {
		return Match{}, false
	}
	for _, e := range t.lists[s.phrases-1] {
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
