package typography

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"sync"

	"github.com/daqiq/daqiq/rules/internal/tomldata"

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

// lexicon is what the run-together rule knows about words. It is built
// from data/words.toml, or read from data/words.idx, the same lexicon
// written by go generate (see index.go).
type lexicon struct {
	// forms lists the listed forms with their classes, one a line, each
	// line the class digit and the form: the source of words, built the
	// first time a half is looked up (most documents never need it).
	forms     []byte
	wordsOnce sync.Once
	words     *arabic.Lexicon
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

// lookup is arabic.Lexicon.Lookup over the listed forms.
func (lx *lexicon) lookup(key string) (arabic.Entry, string, bool) {
	lx.wordsOnce.Do(func() {
		lx.words = arabic.NewLexicon()
		for _, line := range lines(lx.forms) {
			lx.words.Add(line[1:], arabic.Class(line[0]-'0'), 0)
		}
	})
	return lx.words.Lookup(key)
}

// lines splits text into its lines ending in a line break.
func lines(text []byte) []string {
	out := make([]string, 0, bytes.Count(text, []byte{'\n'}))
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			i = len(text)
		}
		out = append(out, string(text[:i]))
		text = text[min(i+1, len(text)):]
	}
	return out
}

func loadLexicon(data []byte) (*lexicon, error) {
	var f wordsFile
	if err := tomldata.Decode(wordsName, data, &f); err != nil {
		return nil, err
	}
	lx := &lexicon{
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
	var forms []byte
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
				forms = append(append(append(forms, '0'+byte(t.class)), w...), '\n')
				h := arabic.StemHash(w)
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
			known = append(known, arabic.StemHash(w))
		}
	}
	lx.forms = forms
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
// fingerprints, one unknown hash in 30,000 taken for a member. The table
// is at most a third full, so it is kept as a bitmap of the slots in use
// and the fingerprints of those slots in order, a third of its size: one
// or two probes into a hundred kilobytes.
type hashSet struct {
	used []byte   // bit i (little-endian 64-bit words): slot i is in use
	fps  []byte   // the fingerprints of the slots in use, 16 bits each
	rank []uint32 // fingerprints before each 64-bit word of used
	mask uint32
}

func fingerprint(h uint32) uint16 { return uint16(h>>16) | 1 }

// newHashSet holds the hashes in a table at most a third full.
func newHashSet(hashes []uint32) hashSet {
	size := 1 << 10
	for size < 3*len(hashes) {
		size <<= 1
	}
	mask := uint32(size - 1)
	slots := make([]uint16, size)
	n := 0
	for _, h := range hashes {
		f := fingerprint(h)
		for i := h & mask; ; i = (i + 1) & mask {
			if slots[i] == 0 {
				slots[i] = f
				n++
				break
			}
			if slots[i] == f {
				break
			}
		}
	}
	used := make([]byte, size/8)
	fps := make([]byte, 0, 2*n)
	for i, f := range slots {
		if f != 0 {
			used[i>>3] |= 1 << (i & 7)
			fps = binary.LittleEndian.AppendUint16(fps, f)
		}
	}
	s, _ := makeHashSet(mask, used, fps)
	return s
}

// makeHashSet checks the parts of a hashSet and ranks its bitmap.
func makeHashSet(mask uint32, used, fps []byte) (hashSet, error) {
	size := uint64(mask) + 1
	if size&(size-1) != 0 || size < 64 || uint64(len(used)) != size/8 {
		return hashSet{}, fmt.Errorf("bad table size %d", size)
	}
	rank := make([]uint32, size/64)
	n := uint32(0)
	for w := range rank {
		rank[w] = n
		n += uint32(bits.OnesCount64(binary.LittleEndian.Uint64(used[8*w:])))
	}
	if uint64(n)*2 != uint64(len(fps)) || uint64(n) == size {
		return hashSet{}, fmt.Errorf("%d slots in use, %d fingerprints", n, len(fps)/2)
	}
	return hashSet{used: used, fps: fps, rank: rank, mask: mask}, nil
}

func (s *hashSet) has(h uint32) bool {
	f := fingerprint(h)
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		w := binary.LittleEndian.Uint64(s.used[i>>6*8:])
		bit := uint64(1) << (i & 63)
		if w&bit == 0 {
			return false
		}
		r := s.rank[i>>6] + uint32(bits.OnesCount64(w&(bit-1)))
		if binary.LittleEndian.Uint16(s.fps[2*r:]) == f {
			return true
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

// hashCat is arabic.StemHash(a + b + c), without building the string.
func hashCat(a, b, c string) uint32 {
	return arabic.StemHashBefore(arabic.StemHashBefore(arabic.StemHash(c), b), a)
}

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
	if h := arabic.StemHash(k); lx.known.has(h) || lx.inflected.has(h) || lx.compounds[k] {
		return true
	}
	for _, p := range procliticsOf(k) {
		if len(k) > len(p)+2 && strings.HasPrefix(k, p) {
			if h := arabic.StemHash(k[len(p):]); lx.known.has(h) || lx.inflected.has(h) || lx.compounds[k[len(p):]] {
				return true
			}
		}
	}
	return false
}
