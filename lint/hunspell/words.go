package hunspell

import "math/bits"

// wordTable holds the distinct stems of the .dic file: their text end to
// end in one string, the range of each in Dict.entries (its homonyms, in
// the order of the file), and an open-addressing hash table over them.
// Every part is a flat slice without pointers, so that a compiled
// dictionary (compiled.go) is used where it lies in memory, without a map
// to build or a string per word to allocate.
type wordTable struct {
	text  string   // the words end to end
	off   []uint32 // word k is text[off[k]:off[k+1]]
	start []uint32 // word k's homonyms are Dict.entries[start[k]:start[k+1]]
	// slots is a power of two long, at most 3/4 full, 0 for an empty
	// slot. In the low bits (idx) a slot holds its word's index + 1, in
	// the others the same bits of the word's hash (bits 32 to 63), to
	// skip most words that are not the one looked for without reading
	// them.
	slots []uint32
	idx   uint32 // the mask of the index bits: 2^n - 1, more than the count
}

// count is the number of distinct words.
func (t *wordTable) count() int { return len(t.start) - 1 }

// word returns word k.
func (t *wordTable) word(k int) string { return t.text[t.off[k]:t.off[k+1]] }

// find returns the index of w, or -1. The slots and offsets are checked
// as they are read, since they may come from a damaged compiled file: at
// most one pass over the slots, an index in range, offsets in order.
func (t *wordTable) find(w string) int32 {
	h := hashWord(w)
	tag := uint32(h>>32) &^ t.idx
	mask := uint64(len(t.slots) - 1)
	n := uint32(len(t.start) - 1)
	i := h & mask
	for range t.slots {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if s&^t.idx == tag {
			if k := s&t.idx - 1; k < n {
				a, b := t.off[k], t.off[k+1]
				if a <= b && int(b) <= len(t.text) && t.text[a:b] == w {
					return int32(k)
				}
			}
		}
		i = (i + 1) & mask
	}
	return -1
}

// wordBuilder fills a wordTable while the .dic file is read. Its slots
// are 64 bits wide (the high 32 bits of the hash, the index + 1) until
// the count of words, and so the width of the index, is known.
type wordBuilder struct {
	text  []byte
	off   []uint32
	slots []uint64
	// The stems, in the order of the file: word index and flag set.
	stemWord, stemSet []uint32
}

func newWordBuilder(n int) *wordBuilder {
	return &wordBuilder{
		text:     make([]byte, 0, n*8),
		off:      make([]uint32, 1, n+1),
		slots:    make([]uint64, tableSize(n)),
		stemWord: make([]uint32, 0, n),
		stemSet:  make([]uint32, 0, n),
	}
}

// tableSize is the number of slots for n words: a power of two, at least
// 4/3 of n.
func tableSize(n int) int {
	size := 16
	for size*3 < n*4 {
		size *= 2
	}
	return size
}

// addStem adds a stem of the .dic file with its flag set.
func (b *wordBuilder) addStem(w string, set uint32) {
	k := b.add(w)
	b.stemWord = append(b.stemWord, k)
	b.stemSet = append(b.stemSet, set)
}

// add returns the index of w, adding it if it is new.
func (b *wordBuilder) add(w string) uint32 {
	h := hashWord(w)
	tag := h &^ 0xFFFFFFFF
	mask := uint64(len(b.slots) - 1)
	i := h & mask
	for ; b.slots[i] != 0; i = (i + 1) & mask {
		if s := b.slots[i]; s&^0xFFFFFFFF == tag {
			k := uint32(s) - 1
			if string(b.text[b.off[k]:b.off[k+1]]) == w {
				return k
			}
		}
	}
	k := len(b.off) - 1
	if k >= 1<<31-1 || len(b.text)+len(w) > 1<<32-1 {
		panic("hunspell: more than 2^31 words or 4 GiB of them")
	}
	b.text = append(b.text, w...)
	b.off = append(b.off, uint32(len(b.text)))
	b.slots[i] = tag | uint64(k+1)
	if tableSize(k+1) > len(b.slots) {
		b.grow()
	}
	return uint32(k)
}

func (b *wordBuilder) grow() {
	b.slots = make([]uint64, len(b.slots)*2)
	mask := uint64(len(b.slots) - 1)
	for k := range len(b.off) - 1 {
		h := hashWord(string(b.text[b.off[k]:b.off[k+1]]))
		i := h & mask
		for b.slots[i] != 0 {
			i = (i + 1) & mask
		}
		b.slots[i] = h&^0xFFFFFFFF | uint64(k+1)
	}
}

// done returns the table and the flag sets of the stems, ordered by word
// (homonyms in the order of the file).
func (b *wordBuilder) done() (wordTable, []uint32) {
	n := len(b.off) - 1
	t := wordTable{
		text:  string(b.text),
		off:   b.off[: n+1 : n+1],
		start: make([]uint32, n+1),
		slots: make([]uint32, len(b.slots)),
		idx:   1<<bits.Len32(uint32(n)) - 1,
	}
	for i, s := range b.slots {
		if s != 0 {
			t.slots[i] = uint32(s>>32)&^t.idx | uint32(s)
		}
	}
	// A counting sort of the stems by word.
	for _, k := range b.stemWord {
		t.start[k+1]++
	}
	for k := range n {
		t.start[k+1] += t.start[k]
	}
	next := append([]uint32(nil), t.start[:n]...)
	sets := make([]uint32, len(b.stemSet))
	for i, k := range b.stemWord {
		sets[next[k]] = b.stemSet[i]
		next[k]++
	}
	return t, sets
}

// hashWord is a fixed hash (unlike hash/maphash, whose seeds are random):
// the table is stored in compiled dictionaries. It is in the manner of
// wyhash: 8 bytes at a time, each mixed in with a 128-bit multiply, the
// length mixed in first (the overlapping reads of the tail need it). Its
// low bits choose a slot, its high 32 bits are the tag of a slot.
func hashWord(s string) uint64 {
	const (
		p0 = 0xa0761d6478bd642f
		p1 = 0xe7037ed1a0b428db
		p2 = 0x8ebc6af09c88c6e3
	)
	h := uint64(len(s)) ^ p0
	for len(s) > 8 {
		h = mix(h^le64(s), p1)
		s = s[8:]
	}
	// The last 1 to 8 bytes, read as overlapping words, as wyhash does.
	var v uint64
	switch n := len(s); {
	case n >= 4:
		v = uint64(le32(s))<<32 | uint64(le32(s[n-4:]))
	case n > 0:
		v = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	return mix(mix(h^v, p1), p2)
}

func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}
