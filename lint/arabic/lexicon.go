package arabic

import (
	"fmt"
	"sort"
	"strings"
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
	// Fold, when set, is applied to keys on insertion and lookup.
	Fold func(string) string
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

func (l *Lexicon) fold(s string) string {
	if l.Fold != nil {
		return l.Fold(s)
	}
	return s
}

// Add inserts a word or a phrase (words separated by spaces). The key is
// normalised with Key. It reports false when the key is already present.
func (l *Lexicon) Add(key string, class Class, value int) bool {
	words := strings.Fields(key)
	for i, w := range words {
		words[i] = l.fold(Key(w))
	}
	if len(words) == 0 {
		return false
	}
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
	_, ok := l.words[l.fold(key)]
	return ok
}

// Lookup finds key itself or key with a proclitic its entry accepts.
// prefix is the proclitic split off (in key bytes, "" for none).
func (l *Lexicon) Lookup(key string) (e Entry, prefix string, ok bool) {
	key = l.fold(key)
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
	return Entry{}, "", false
}

// Match is an entry found in a token stream.
type Match struct {
	Entry
	First, Last int    // token indexes of the first and last word
	Prefix      string // proclitic on the first word, in key form
}

// MatchAt looks for an entry starting at the word token toks[i]: the longest
// phrase first, then the word alone. Words of a phrase may be separated by
// whitespace with at most one line break.
func (l *Lexicon) MatchAt(toks []Token, i int) (Match, bool) {
	t := toks[i]
	if t.Kind != Word {
		return Match{}, false
	}
	if len(l.phrases) > 0 {
		if m, ok := l.matchPhrase(toks, i, l.fold(t.Key), ""); ok {
			return m, true
		}
		for _, p := range proclitics {
			if len(t.Key) > len(p.text) && strings.HasPrefix(t.Key, p.text) {
				if m, ok := l.matchPhrase(toks, i, l.fold(t.Key[len(p.text):]), p.text); ok {
					return m, true
				}
			}
		}
	}
	if e, prefix, ok := l.Lookup(t.Key); ok {
		return Match{Entry: e, First: i, Last: i, Prefix: prefix}, true
	}
	return Match{}, false
}

func (l *Lexicon) matchPhrase(toks []Token, i int, first, prefix string) (Match, bool) {
	for _, e := range l.phrases[first] {
		if prefix != "" && !acceptsPrefix(prefix, e.Class) {
			continue
		}
		j, ok := i, true
		for _, w := range e.Rest {
			if j+2 >= len(toks) || toks[j+1].Kind != Space || toks[j+1].Breaks > 1 ||
				toks[j+2].Kind != Word || l.fold(toks[j+2].Key) != w {
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
