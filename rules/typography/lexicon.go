package typography

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint/arabic"
)

//go:embed data/words.toml
var wordsData []byte

const wordsName = "rules/typography/data/words.toml"

// wordsFile is the layout of data/words.toml: forms by proclitic class,
// each table a set of topics whose values are forms separated by spaces.
type wordsFile struct {
	All       map[string]string `toml:"all"`
	NoArt     map[string]string `toml:"noart"`
	Verb      map[string]string `toml:"verb"`
	Conj      map[string]string `toml:"conj"`
	Exact     map[string]string `toml:"exact"`
	Compounds map[string]string `toml:"compounds"`
	Names     struct {
		First  string `toml:"first"`
		Second string `toml:"second"`
	} `toml:"names"`
}

// lexicon is what the run-together rule knows about words.
type lexicon struct {
	// words holds the listed forms with their classes: a half of a
	// run-together word must be one of them.
	words *arabic.Lexicon
	// halves has the hash of every listed form, bare and with the endings
	// a half may carry (برنامجا، إنها، صوته): a cheap test before words.
	halves hashSet
	// known has the hash of every listed form and accepted compound, and
	// inflected those of regular inflections of the listed forms: a word
	// either holds is not split. The first is small enough to stay in
	// the processor's nearest cache, and answers for most words.
	known     byteSet
	inflected hashSet
	// compounds are accepted one-word spellings made of two words.
	compounds map[string]bool
	// first and second are name parts that make a compound name
	// (عبدالله، نصرالله، نورالدين): a word starting or ending with one is
	// never split there.
	first, second map[string]bool
	size          int // listed forms
}

func loadLexicon(data []byte) (*lexicon, error) {
	var f wordsFile
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", wordsName, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s", wordsName, und[0])
	}
	lx := &lexicon{
		words:     arabic.NewLexicon(),
		compounds: map[string]bool{},
		first:     map[string]bool{},
		second:    map[string]bool{},
	}
	seen := map[string]string{}
	tables := []struct {
		name   string
		class  arabic.Class
		topics map[string]string
	}{
		{"all", arabic.ClassAll, f.All}, {"noart", arabic.ClassNoArt, f.NoArt},
		{"verb", arabic.ClassVerb, f.Verb}, {"conj", arabic.ClassConj, f.Conj},
		{"exact", arabic.ClassExact, f.Exact},
	}
	var halves, known, inflected []uint32
	for _, t := range tables {
		for _, topic := range sortedKeys(t.topics) {
			for _, w := range strings.Fields(t.topics[topic]) {
				where := t.name + "." + topic
				if err := checkForm(w); err != nil {
					return nil, fmt.Errorf("%s: [%s] %q: %v", wordsName, where, w, err)
				}
				if prev, ok := seen[w]; ok {
					return nil, fmt.Errorf("%s: %q is listed twice ([%s] and [%s])", wordsName, w, prev, where)
				}
				seen[w] = where
				lx.words.Add(w, t.class, 0)
				h := hashOf(w)
				halves = append(halves, h)
				known = append(known, h)
				if t.class != arabic.ClassExact {
					halves = appendEndings(halves, w)
				}
				lx.size++
				inflected = appendInflected(inflected, w, t.class)
			}
		}
	}
	for _, topic := range sortedKeys(f.Compounds) {
		for _, w := range strings.Fields(f.Compounds[topic]) {
			if err := checkForm(w); err != nil {
				return nil, fmt.Errorf("%s: [compounds] %q: %v", wordsName, w, err)
			}
			lx.compounds[w] = true
			known = append(known, hashOf(w))
		}
	}
	lx.halves, lx.known, lx.inflected = newHashSet(halves), newByteSet(known), newHashSet(inflected)
	for _, w := range strings.Fields(f.Names.First) {
		lx.first[w] = true
	}
	for _, w := range strings.Fields(f.Names.Second) {
		lx.second[w] = true
	}
	return lx, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// checkForm accepts a form of two or more core Arabic letters.
func checkForm(w string) error {
	n := 0
	for _, r := range w {
		if !coreLetter(r) {
			return fmt.Errorf("%q is not a core Arabic letter", r)
		}
		n++
	}
	if n < 2 {
		return fmt.Errorf("too short")
	}
	return nil
}

// coreLetter reports whether r is a letter of the Arabic alphabet proper
// (ء to ي), the letters of Modern Standard Arabic words.
func coreLetter(r rune) bool {
	return r >= 0x0621 && r <= 0x063A || r >= 0x0641 && r <= 0x064A
}

// coreKey reports whether a key is made only of core Arabic letters, two
// bytes each: the words whose halves the rule can count in bytes.
func coreKey(k string) bool {
	if len(k)%2 != 0 {
		return false
	}
	for j := 0; j < len(k); j += 2 {
		switch c := k[j+1]; k[j] {
		case 0xD8:
			if c < 0xA1 || c > 0xBA {
				return false
			}
		case 0xD9:
			if c < 0x81 || c > 0x8A {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// appendEndings appends the hashes of a listed form with the endings a
// half may carry (see lexicon.half): the filter must let them through.
func appendEndings(hs []uint32, w string) []uint32 {
	for _, suf := range halfEndings {
		if suf == "ا" {
			if !noAccusativeAlif(w) {
				hs = append(hs, hashCat(w, suf, ""))
			}
			continue
		}
		switch {
		case strings.HasSuffix(w, alefMaksura):
			hs = append(hs, hashCat(strings.TrimSuffix(w, alefMaksura), "ا", suf))
		case strings.HasSuffix(w, tehMarbuta):
			hs = append(hs, hashCat(strings.TrimSuffix(w, tehMarbuta), "ت", suf))
		default:
			hs = append(hs, hashCat(w, suf, ""))
		}
	}
	return hs
}

// Regular inflections (see appendInflected): endings of nouns and
// adjectives, of nouns ending in ة (which it drops), and of verbs in the
// past, and the prefix and ending pairs of verbs in the present (which
// drop the listed form's ي).
var (
	nounEndings  = []string{"ة", "ات", "ان", "ين", "ون", "ا", "تان", "تين", "ي", "ية", "يات", "يين", "يون"}
	tehEndings   = []string{"ات", "تان", "تين", "تا", "تي"}
	pastEndings  = []string{"ت", "وا", "ا", "تا", "نا", "تم", "ن", "تن"}
	presentForms = [][2]string{
		{"ت", ""}, {"ن", ""}, {"أ", ""}, {"ي", "ون"}, {"ي", "ان"}, {"ي", "وا"}, {"ت", "ين"},
		{"ت", "ون"}, {"ت", "ان"}, {"ت", "وا"}, {"ي", "ن"}, {"ت", "ن"},
	}
)

// appendInflected appends the hashes of regular inflections of a listed
// form: feminine, dual and plural endings of nouns and adjectives, the
// persons of verbs. They only tell that a word is not two words; they are
// never halves, so an odd form generated here costs nothing. No string is
// built: the hash runs over the parts.
func appendInflected(hs []uint32, w string, c arabic.Class) []uint32 {
	switch c {
	case arabic.ClassAll, arabic.ClassNoArt:
		switch {
		case strings.HasSuffix(w, "ة"):
			s := strings.TrimSuffix(w, "ة")
			for _, e := range tehEndings {
				hs = append(hs, hashCat(s, e, ""))
			}
		case strings.HasSuffix(w, "ى"), strings.HasSuffix(w, "اء"):
			hs = append(hs, hashCat(w, "ات", ""))
		default:
			for _, e := range nounEndings {
				hs = append(hs, hashCat(w, e, ""))
			}
		}
	case arabic.ClassVerb:
		if strings.HasPrefix(w, "ي") && arabic.RuneCount(w) >= 3 {
			r := w[len("ي"):]
			for _, pe := range presentForms {
				hs = append(hs, hashCat(pe[0], r, pe[1]))
			}
		} else {
			for _, e := range pastEndings {
				hs = append(hs, hashCat(w, e, ""))
			}
		}
	}
	return hs
}

// hashSet is a set of 32-bit hashes in an open-addressing table of 16-bit
// fingerprints: one or two probes into a few hundred kilobytes, and one
// unknown hash in 30,000 taken for a member.
type hashSet struct {
	slots []uint16
	mask  uint32
}

func (s *hashSet) fingerprint(h uint32) uint16 { return uint16(h>>16) | 1 }

func (s *hashSet) add(h uint32) {
	f := s.fingerprint(h)
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = f
			return
		case f:
			return
		}
	}
}

// newHashSet holds the hashes in a table at most a third full.
func newHashSet(hashes []uint32) hashSet {
	size := 1 << 10
	for size < 3*len(hashes) {
		size <<= 1
	}
	s := hashSet{slots: make([]uint16, size), mask: uint32(size - 1)}
	for _, h := range hashes {
		s.add(h)
	}
	return s
}

func (s *hashSet) has(h uint32) bool {
	f := s.fingerprint(h)
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		switch s.slots[i] {
		case f:
			return true
		case 0:
			return false
		}
	}
}

// byteSet is a hashSet with 8-bit fingerprints: half the size, for the
// set probed for nearly every long word of a text, and one unknown hash
// in a few hundred taken for a member (a missed finding, never a false
// one).
type byteSet struct {
	slots []uint8
	mask  uint32
}

func newByteSet(hashes []uint32) byteSet {
	size := 1 << 10
	for size < 3*len(hashes) {
		size <<= 1
	}
	s := byteSet{slots: make([]uint8, size), mask: uint32(size - 1)}
	for _, h := range hashes {
		f := uint8(h>>24) | 1
		for i := h & s.mask; ; i = (i + 1) & s.mask {
			if s.slots[i] == 0 {
				s.slots[i] = f
				break
			}
			if s.slots[i] == f {
				break
			}
		}
	}
	return s
}

func (s *byteSet) has(h uint32) bool {
	f := uint8(h>>24) | 1
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		switch s.slots[i] {
		case f:
			return true
		case 0:
			return false
		}
	}
}

// hashOf is the hash arabic.Analyze gives a stem (FNV-1a over the bytes
// from the last to the first), so that the candidate splits of a token
// can be tested against the filters without hashing again.
func hashOf(k string) uint32 {
	h := uint32(fnvOffset)
	for j := len(k) - 1; j >= 0; j-- {
		h ^= uint32(k[j])
		h *= fnvPrime
	}
	return h
}

// hashCat is hashOf(a + b + c), without building the string.
func hashCat(a, b, c string) uint32 {
	h := uint32(fnvOffset)
	for j := len(c) - 1; j >= 0; j-- {
		h ^= uint32(c[j])
		h *= fnvPrime
	}
	for j := len(b) - 1; j >= 0; j-- {
		h ^= uint32(b[j])
		h *= fnvPrime
	}
	for j := len(a) - 1; j >= 0; j-- {
		h ^= uint32(a[j])
		h *= fnvPrime
	}
	return h
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// proclitics are the prefixes of arabic.Lexicon, longest first.
var proclitics = arabic.Prefixes(arabic.ClassAll)

// procliticsBy lists the proclitics by their first letter, indexed as
// letterIndex does: the ones a key may start with, longest first.
var procliticsBy = func() (by [512][]string) {
	for _, p := range proclitics {
		i := letterIndex(p)
		by[i] = append(by[i], p)
	}
	return by
}()

// letterIndex indexes the first letter of a key of Arabic letters (two
// bytes, D8 or D9 first) into a 512-entry table.
func letterIndex(k string) int { return int(k[0]&1)<<8 | int(k[1]) }

// procliticsOf returns the proclitics k may start with, longest first.
func procliticsOf(k string) []string {
	if len(k) < 2 || k[0] != 0xD8 && k[0] != 0xD9 {
		return nil
	}
	return procliticsBy[letterIndex(k)]
}

// isProclitic reports whether k is a proclitic or a combination of them
// (و، بال، وبال، لل).
func isProclitic(k string) bool {
	for _, p := range proclitics {
		if k == p {
			return true
		}
	}
	return false
}

// knownWord reports whether a key, with any proclitic, is in the known
// filter: the slow test used on the few words the fast one let through.
func (lx *lexicon) knownWord(k string) bool {
	if h := hashOf(k); lx.known.has(h) || lx.inflected.has(h) || lx.compounds[k] {
		return true
	}
	for _, p := range procliticsOf(k) {
		if len(k) > len(p)+2 && strings.HasPrefix(k, p) {
			if h := hashOf(k[len(p):]); lx.known.has(h) || lx.inflected.has(h) || lx.compounds[k[len(p):]] {
				return true
			}
		}
	}
	return false
}
