package typography

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"unsafe"

	"github.com/daqiq/daqiq/rules/internal/gendata"
)

// data/words.idx is the lexicon of data/words.toml as the rule holds it,
// hashes and tables included, so that a process checking one short file
// does not rebuild it: the TOML file stays the source, and
//
//	go generate ./rules/...
//
// rewrites the index after an edit (TestGenerated fails until then). An
// index that is missing, made from another version of the TOML file or
// malformed (its layout is checked as it is read) is not used: the lexicon
// is built from the TOML file, only slower (gendata.Build).
//
// The index is embedded by index_generated.go, written with it, which
// holds the CRC-32 of the TOML file it was made from.
//
//go:generate go test -tags daqiq_nogen -run ^TestGenerated$ . -args -update

const (
	indexName  = "data/words.idx"
	indexMagic = "daqiq words v2\n" // change it with the layout
)

// generatedIndex is data/words.idx, made from wordsData, set by
// index_generated.go; nil without it.
var generatedIndex *gendata.Data[string]

// builtinLexicon is the lexicon of data/words.toml, loaded once.
func builtinLexicon() (*lexicon, error) {
	lexOnce.Do(func() {
		lexData, lexErr = gendata.Build(generatedIndex, func(idx string) (*lexicon, error) {
			// the lexicon only reads the index: it may stay in the
			// executable's read-only data, not copied
			return readIndex(unsafe.Slice(unsafe.StringData(idx), len(idx)))
		}, func() (*lexicon, error) { return loadLexicon(wordsData) }, wordsData)
	})
	return lexData, lexErr
}

// writeIndex is the index of a lexicon.
//
// Layout, integers little-endian: the magic; the number of listed forms;
// four text sections (the form lines, then compounds, first and second
// name parts, one a line), each a 32-bit length and its bytes; halves and
// inflected, each its mask, the number of fingerprints, its bitmap and its
// fingerprints; known, its mask and its slots. The CRC-32 of the TOML file
// is not in the index but beside it, in index_generated.go.
func writeIndex(lx *lexicon) []byte {
	b := []byte(indexMagic)
	b = binary.LittleEndian.AppendUint32(b, uint32(lx.size))
	b = appendSection(b, lx.forms)
	for _, m := range []map[string]bool{lx.compounds, lx.first, lx.second} {
		var text []byte
		for _, w := range sortedSet(m) {
			text = append(append(text, w...), '\n')
		}
		b = appendSection(b, text)
	}
	for _, s := range []*hashSet{&lx.halves, &lx.inflected} {
		b = binary.LittleEndian.AppendUint32(b, s.mask)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(s.fps)/2))
		b = append(b, s.used...)
		b = append(b, s.fps...)
	}
	b = binary.LittleEndian.AppendUint32(b, lx.known.mask)
	return append(b, lx.known.slots...)
}

func appendSection(b, text []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(len(text)))
	return append(b, text...)
}

func sortedSet(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// readIndex reads the lexicon from an index. The lexicon keeps slices of
// idx.
func readIndex(idx []byte) (*lexicon, error) {
	r := indexReader{b: idx}
	if string(r.next(len(indexMagic))) != indexMagic {
		return nil, errors.New("not an index of this version")
	}
	lx := &lexicon{size: int(r.u32())}
	lx.forms = r.section()
	sets := []*map[string]bool{&lx.compounds, &lx.first, &lx.second}
	for _, m := range sets {
		ws := lines(r.section())
		*m = make(map[string]bool, len(ws))
		for _, w := range ws {
			(*m)[w] = true
		}
	}
	for _, s := range []*hashSet{&lx.halves, &lx.inflected} {
		mask, n := r.u32(), r.u32()
		used := r.next(int(mask/8) + 1)
		fps := r.next(2 * int(n))
		if r.err != nil {
			break
		}
		var err error
		if *s, err = makeHashSet(mask, used, fps); err != nil {
			return nil, err
		}
	}
	mask := r.u32()
	lx.known = byteSet{slots: r.next(int(mask) + 1), mask: mask}
	if r.err == nil && (len(r.b) != 0 || mask&(mask+1) != 0) {
		r.err = errors.New("bad known table")
	}
	if r.err != nil {
		return nil, r.err
	}
	return lx, nil
}

type indexReader struct {
	b   []byte
	err error
}

func (r *indexReader) next(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		if r.err == nil {
			r.err = fmt.Errorf("index truncated")
		}
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *indexReader) u32() uint32 {
	b := r.next(4)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func (r *indexReader) section() []byte { return r.next(int(r.u32())) }
