package hunspell

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"
)

// A compiled dictionary is what load makes of a .aff and a .dic file,
// written to a file that is read back in a few milliseconds instead of
// parsing the sources again (Debian's Arabic dictionary: 3.9 MB of
// sources, 45–110 ms to parse on the development machine; a compiled file
// of 3.8 MB, read, checked and decoded in 1.3–2.5 ms).
//
// The file is little-endian. Its header:
//
//	 0  magic "daqiq-hunspell\x00\x00"
//	16  cacheVersion (uint32), then 4 zero bytes
//	24  the length of the file (uint64)
//	32  CRC-32C (Castagnoli) of bytes 36 to the end (uint32)
//	36  the identity of the sources and of the reader, then the dictionary
//
// The identity is the size and modification time (nanoseconds) of the .aff
// and the .dic file, the reader's build (module version and VCS revision;
// the path, size and modification time of the executable) and the
// absolute paths of the sources. It is compared with the
// sources' before anything else is read: a file for other sources, or
// from another build of the reader, is not used. The sources are not
// hashed: their stat costs 10 µs, while reading and hashing their 3.9 MB
// with SHA-256 costs 4 ms on a CPU with SHA instructions and 12–25 ms
// without, more than reading the compiled file. As with Python's .pyc
// files, a source rewritten with the same size and the same modification
// time goes unnoticed; touching it (or DAQIQ_NO_CACHE=1) is the way out.
// The file is named after the paths of the sources (one file per
// dictionary, replaced when it is out of date: stale files do not pile
// up).
//
// The dictionary is flat arrays behind their lengths, each large one
// 8-byte aligned in the file, so that it is used where it lies in the
// buffer the file is read into: the words are one string, their offsets,
// the ranges of their stems and an open-addressing hash table (see
// wordTable); the stems are an array of flag set numbers; the flag sets
// one array of flags. Only the affixes (about 1,800 in Ayaspell) and the
// REP, MAP, BREAK and ICONV tables are decoded into Go values: reading the
// Arabic dictionary makes 970 allocations.
//
// A file that is cut short, damaged or foreign is rejected (then
// rewritten): its length, checksum and identity are checked before it is
// decoded. Beyond that, as a second line, every length is checked against
// what is left of the file when it is decoded, and every index against
// what it indexes when it is used (at no cost: a comparison in place of
// Go's bounds check), so that even a file whose checksum has been forged
// cannot crash the reader or make a lookup loop forever; it can only make
// it answer wrong.

// cacheVersion changes whenever the compiled format changes, or what load
// makes of a dictionary (a parser fix): files of other versions are not
// read.
const cacheVersion = 1

const cacheMagic = "daqiq-hunspell\x00\x00"

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// littleEndian: the compiled form is used in place only on little-endian
// machines; elsewhere OpenCached is Open.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// OpenCached is Open with a compiled dictionary in cacheDir: read from
// there when it was compiled from the same files by the same build,
// written there (atomically: a temporary file renamed) after the sources
// are parsed otherwise. cacheDir "" is no cache. A compiled file that
// cannot be read, or is damaged, is ignored and replaced; a cacheDir that
// cannot be written is no error, the dictionary is then parsed at every
// start.
func OpenCached(affPath, dicPath, cacheDir string) (*Dict, error) {
	if cacheDir == "" || !littleEndian {
		return Open(affPath, dicPath)
	}
	af, err := os.Open(affPath)
	if err != nil {
		return nil, err
	}
	defer af.Close()
	df, err := os.Open(dicPath)
	if err != nil {
		return nil, err
	}
	defer df.Close()
	src, err := sourceOf(af, df)
	if err != nil {
		return nil, err
	}
	file := filepath.Join(cacheDir, src.fileName())
	if d, err := readCompiled(file, src); err == nil {
		return d, nil
	}
	d, err := Load(af, df)
	if err != nil {
		return nil, fmt.Errorf("%s or %s: %w", affPath, dicPath, err)
	}
	_ = writeCompiled(file, d.compile(src))
	return d, nil
}

// source identifies the sources of a compiled dictionary.
type source struct {
	affPath, dicPath string // absolute
	affSize, affTime int64
	dicSize, dicTime int64
	build            string
}

func sourceOf(af, df *os.File) (source, error) {
	var src source
	for _, x := range []struct {
		f          *os.File
		path       *string
		size, time *int64
	}{{af, &src.affPath, &src.affSize, &src.affTime}, {df, &src.dicPath, &src.dicSize, &src.dicTime}} {
		fi, err := x.f.Stat()
		if err != nil {
			return src, err
		}
		if *x.path, err = filepath.Abs(x.f.Name()); err != nil {
			return src, err
		}
		*x.size, *x.time = fi.Size(), fi.ModTime().UnixNano()
	}
	src.build = buildID()
	return src, nil
}

// fileName names the compiled file of a pair of sources: a hash of their
// paths and of the version.
func (s source) fileName() string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%d\x00%s\x00%s", cacheVersion, s.affPath, s.dicPath)))
	return hex.EncodeToString(h[:16]) + ".bin"
}

// buildID names the build of the reader: the version of the module it is
// in (for a development build, the VCS revision and whether the tree was
// modified, as the go command stamps it), and the path, size and
// modification time of the executable, so that a rebuilt program does not
// read what its previous build wrote, even when its version stamp is the
// same. Two different programs used in turn rewrite each other's file.
var buildID = sync.OnceValue(func() string {
	var b strings.Builder
	if bi, ok := debug.ReadBuildInfo(); ok {
		pkg := reflect.TypeFor[Dict]().PkgPath()
		for _, m := range append([]*debug.Module{&bi.Main}, bi.Deps...) {
			if m != nil && m.Path != "" && strings.HasPrefix(pkg, m.Path) {
				b.WriteString(m.Path + "@" + m.Version + " " + m.Sum)
				break
			}
		}
		for _, s := range bi.Settings {
			if strings.HasPrefix(s.Key, "vcs.") {
				b.WriteString(" " + s.Key + "=" + s.Value)
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			fmt.Fprintf(&b, " %s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return b.String()
})

// noRecover lets a test see the panics of decode.
var noRecover bool

var errCompiled = errors.New("not a usable compiled dictionary")

// readCompiled reads a compiled dictionary for src.
func readCompiled(file string, src source) (d *Dict, err error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := fi.Size()
	if size < 64 || size > 1<<34 {
		return nil, errCompiled
	}
	// Read into 8-byte words, so that the arrays in the file are aligned.
	words := make([]uint64, (size+7)/8)
	buf := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(words))), size)
	if _, err := io.ReadFull(f, buf); err != nil {
		return nil, err
	}
	return decode(buf, src)
}

// decode checks and decodes a compiled dictionary; the Dict uses buf.
func decode(buf []byte, src source) (d *Dict, err error) {
	if len(buf) < 64 || string(buf[:16]) != cacheMagic ||
		binary.LittleEndian.Uint32(buf[16:]) != cacheVersion ||
		binary.LittleEndian.Uint32(buf[20:]) != 0 ||
		binary.LittleEndian.Uint64(buf[24:]) != uint64(len(buf)) {
		return nil, errCompiled
	}
	r := &reader{buf: buf, pos: 36}
	var got source
	got.affSize, got.affTime, got.dicSize, got.dicTime = r.i64(), r.i64(), r.i64(), r.i64()
	got.build, got.affPath, got.dicPath = r.str(), r.str(), r.str()
	if r.bad || got != src {
		return nil, errCompiled
	}
	if crc32.Checksum(buf[36:], crcTable) != binary.LittleEndian.Uint32(buf[32:]) {
		return nil, errCompiled
	}
	// Should a check be missing below, a damaged file is still no crash.
	defer func() {
		if !noRecover && recover() != nil {
			d, err = nil, errCompiled
		}
	}()
	d = r.dict()
	if r.bad || r.pos != len(buf) {
		return nil, errCompiled
	}
	d.compiled = true
	d.cache = newCache(defaultCacheSize)
	return d, nil
}

// writeCompiled writes data to file atomically: a temporary file in the
// same directory, renamed. Two processes writing at once each rename a
// complete file.
func writeCompiled(file string, data []byte) error {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	removeStaleTemps(dir)
	f, err := os.CreateTemp(dir, ".tmp-*.bin")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, file)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// removeStaleTemps removes temporary files that a process killed while
// writing left behind.
func removeStaleTemps(dir string) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), ".tmp-") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// compile encodes d for src.
func (d *Dict) compile(src source) []byte {
	w := &writer{buf: make([]byte, 36, 8<<20)}
	copy(w.buf, cacheMagic)
	binary.LittleEndian.PutUint32(w.buf[16:], cacheVersion)
	w.i64(src.affSize)
	w.i64(src.affTime)
	w.i64(src.dicSize)
	w.i64(src.dicTime)
	w.str(src.build)
	w.str(src.affPath)
	w.str(src.dicPath)

	w.u32(uint32(len(d.contClass)))
	w.u32(uint32(d.aliases))
	for _, f := range []flag{d.needAffix, d.forbidden, d.onlyInCompound, d.circumfix, d.keepCase} {
		w.u16(uint16(f))
	}
	w.bool(d.haveCont)
	w.bool(d.fullStrip)
	for _, c := range d.contClass {
		w.bool(c)
	}
	w.u32(uint32(len(d.ignore)))
	for _, r := range d.ignore {
		w.u32(uint32(r))
	}
	w.bool(d.iconv != nil)
	if d.iconv != nil {
		w.u32(uint32(len(d.iconv.entries)))
		for _, e := range d.iconv.entries {
			w.str(e.pattern)
			for _, o := range e.out {
				w.str(o)
			}
		}
	}
	w.u32(uint32(len(d.rep)))
	for _, r := range d.rep {
		w.str(r[0])
		w.str(r[1])
	}
	w.u32(uint32(len(d.maps)))
	for _, m := range d.maps {
		w.strs(m)
	}
	w.bool(d.breaks != nil)
	w.strs(d.breaks)
	w.strs(d.ignored)

	// Flag sets: their offsets in one array of flags.
	w.u32(uint32(len(d.sets)))
	n := 0
	for _, s := range d.sets {
		w.u32(uint32(n))
		n += len(s)
	}
	w.u32(uint32(n))
	for _, s := range d.sets {
		for _, f := range s {
			w.u16(uint16(f))
		}
	}

	// Affixes, in an order that rebuilds the same lists (addAffix
	// appends): those that add nothing, then by the string they add.
	var affixes []*affix
	affixes = append(affixes, d.pfxZero...)
	affixes = append(affixes, d.sfxZero...)
	for _, m := range []map[string][]*affix{d.pfx, d.sfx} {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			affixes = append(affixes, m[k]...)
		}
	}
	var nCond, nRunes, nCont int
	for _, a := range affixes {
		nCond += len(a.cond)
		nCont += len(a.cont)
		for _, e := range a.cond {
			nRunes += len(e.runes)
		}
	}
	w.u32(uint32(len(affixes)))
	w.u32(uint32(nCond))
	w.u32(uint32(nRunes))
	w.u32(uint32(nCont))
	for _, a := range affixes {
		w.u16(uint16(a.flag))
		w.bool(a.prefix)
		w.bool(a.cross)
		w.str(a.strip)
		w.str(a.add)
		w.u32(uint32(len(a.cond)))
		for _, e := range a.cond {
			w.bool(e.any)
			w.bool(e.neg)
			w.u32(uint32(len(e.runes)))
			for _, r := range e.runes {
				w.u32(uint32(r))
			}
		}
		w.u32(uint32(len(a.cont)))
		for _, f := range a.cont {
			w.u16(uint16(f))
		}
	}

	// Stems and words: arrays used in place.
	t := &d.words
	w.u32(uint32(len(d.entries)))
	w.u32(uint32(t.count()))
	w.u32(uint32(len(t.slots)))
	w.u32(t.idx)
	w.str(t.text)
	for _, a := range [][]uint32{d.entries, t.off, t.start, t.slots} {
		w.align()
		w.raw(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(a))), len(a)*4))
	}

	binary.LittleEndian.PutUint64(w.buf[24:], uint64(len(w.buf)))
	binary.LittleEndian.PutUint32(w.buf[32:], crc32.Checksum(w.buf[36:], crcTable))
	return w.buf
}

// dict decodes the dictionary after the header.
func (r *reader) dict() *Dict {
	d := &Dict{pfx: map[string][]*affix{}, sfx: map[string][]*affix{}}
	nClasses := int(r.u32()) // flags named in the .aff file; contClass is indexed by them
	d.aliases = int(r.u32())
	d.needAffix = flag(r.u16())
	d.forbidden = flag(r.u16())
	d.onlyInCompound = flag(r.u16())
	d.circumfix = flag(r.u16())
	d.keepCase = flag(r.u16())
	d.haveCont = r.bool()
	d.fullStrip = r.bool()
	if b := r.bytes(nClasses); b != nil {
		d.contClass = make([]bool, nClasses)
		for i, c := range b {
			d.contClass[i] = c != 0
		}
	}
	if n := r.count(4); n > 0 {
		d.ignore = make([]rune, n)
		for i := range d.ignore {
			d.ignore[i] = rune(r.u32())
		}
	}
	if r.bool() {
		n := r.count(20)
		d.iconv = &convTable{entries: make([]convEntry, n)}
		for i := range d.iconv.entries {
			e := &d.iconv.entries[i]
			e.pattern = r.str()
			for k := range e.out {
				e.out[k] = r.str()
			}
			if e.pattern == "" {
				r.fail()
				break
			}
			d.iconv.first[e.pattern[0]] = true
		}
	}
	if n := r.count(8); n > 0 {
		d.rep = make([][2]string, n)
		for i := range d.rep {
			d.rep[i] = [2]string{r.str(), r.str()}
		}
	}
	if n := r.count(4); n > 0 {
		d.maps = make([][]string, n)
		for i := range d.maps {
			d.maps[i] = r.strs()
		}
	}
	haveBreaks := r.bool()
	d.breaks = r.strs()
	if haveBreaks && d.breaks == nil {
		d.breaks = []string{}
	}
	d.ignored = r.strs()

	nSets := r.count(4)
	offs := make([]uint32, nSets+1)
	for i := range offs {
		offs[i] = r.u32()
	}
	nSetFlags := int(offs[nSets])
	if r.bad || nSetFlags > (len(r.buf)-r.pos)/2 {
		r.fail()
		return d
	}
	setFlags := make([]flag, nSetFlags)
	for i := range setFlags {
		setFlags[i] = flag(r.u16())
	}
	if r.bad || nSets == 0 || offs[0] != 0 {
		r.fail()
		return d
	}
	d.sets = make([][]flag, nSets)
	for i := range d.sets {
		a, b := offs[i], offs[i+1]
		if a > b || int(b) > nSetFlags {
			r.fail()
			return d
		}
		if a < b {
			d.sets[i] = setFlags[a:b:b]
		}
	}

	nAffixes := r.count(16)
	nCond, nRunes, nCont := r.count(6), r.count(4), r.count(2)
	if r.bad {
		return d
	}
	affixes := make([]affix, nAffixes)
	conds := make([]condElem, nCond)
	runes := make([]rune, nRunes)
	conts := make([]flag, nCont)
	for i := range affixes {
		a := &affixes[i]
		a.flag = flag(r.u16())
		if int(a.flag) >= nClasses {
			r.fail()
		}
		a.prefix = r.bool()
		a.cross = r.bool()
		a.strip = r.str()
		a.add = r.str()
		n := r.count(6)
		if n > len(conds) {
			r.fail()
			return d
		}
		if n > 0 {
			a.cond, conds = conds[:n:n], conds[n:]
		}
		for k := range a.cond {
			e := &a.cond[k]
			e.any = r.bool()
			e.neg = r.bool()
			m := r.count(4)
			if m > len(runes) {
				r.fail()
				return d
			}
			if m > 0 {
				e.runes, runes = runes[:m:m], runes[m:]
			}
			for j := range e.runes {
				e.runes[j] = rune(r.u32())
			}
		}
		n = r.count(2)
		if n > len(conts) {
			r.fail()
			return d
		}
		if n > 0 {
			a.cont, conts = conts[:n:n], conts[n:]
		}
		for j := range a.cont {
			a.cont[j] = flag(r.u16())
		}
		if r.bad {
			return d
		}
		d.addAffix(a)
	}

	t := &d.words
	nEntries, nWords, nSlots := r.count(4), r.count(12), r.count(4)
	t.idx = r.u32()
	t.text = r.str()
	d.entries = view(r, nEntries)
	t.off = view(r, nWords+1)
	t.start = view(r, nWords+1)
	t.slots = view(r, nSlots)
	if r.bad {
		return d
	}

	// What is checked here takes no time; the indexes in the arrays are
	// checked where they are used, at the cost of a comparison that
	// replaces Go's bounds check or comes after a rare tag match (see
	// wordTable.find, Dict.homonyms, Dict.setOf): a pass over the arrays
	// here would cost a third of the decoding.
	if t.off[0] != 0 || int(t.off[nWords]) != len(t.text) || t.start[0] != 0 || int(t.start[nWords]) != nEntries ||
		nSlots < 16 || nSlots&(nSlots-1) != 0 || nSlots <= nWords || t.idx&(t.idx+1) != 0 || int(t.idx) < nWords {
		r.fail()
	}
	return d
}

// view returns n uint32 at the reader's position (8-byte aligned), in
// place.
func view(r *reader, n int) []uint32 {
	const size = 4
	r.pos = (r.pos + 7) &^ 7
	if r.bad || n < 0 || n > (len(r.buf)-r.pos)/size {
		r.fail()
		return nil
	}
	b := r.buf[r.pos : r.pos+n*size]
	r.pos += n * size
	if n == 0 {
		return []uint32{}
	}
	if uintptr(unsafe.Pointer(&b[0]))%8 != 0 {
		r.fail() // readCompiled aligns the buffer; decode's callers must too
		return nil
	}
	return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), n)
}

// writer encodes little-endian values.
type writer struct{ buf []byte }

func (w *writer) u16(v uint16) { w.buf = binary.LittleEndian.AppendUint16(w.buf, v) }
func (w *writer) u32(v uint32) { w.buf = binary.LittleEndian.AppendUint32(w.buf, v) }
func (w *writer) i64(v int64)  { w.buf = binary.LittleEndian.AppendUint64(w.buf, uint64(v)) }
func (w *writer) raw(b []byte) { w.buf = append(w.buf, b...) }

func (w *writer) bool(v bool) {
	if v {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

func (w *writer) str(s string) {
	w.u32(uint32(len(s)))
	w.buf = append(w.buf, s...)
}

func (w *writer) strs(ss []string) {
	w.u32(uint32(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

func (w *writer) align() {
	for len(w.buf)%8 != 0 {
		w.buf = append(w.buf, 0)
	}
}

// reader decodes what writer wrote. Reading past the end, or a length
// that does not fit in what is left, sets bad; the values read after that
// are zeros.
type reader struct {
	buf []byte
	pos int
	bad bool
}

func (r *reader) fail() { r.bad = true }

func (r *reader) take(n int) []byte {
	if r.bad || n < 0 || n > len(r.buf)-r.pos {
		r.bad = true
		return nil
	}
	b := r.buf[r.pos : r.pos+n : r.pos+n]
	r.pos += n
	return b
}

func (r *reader) u16() uint16 {
	if b := r.take(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if b := r.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) i64() int64 {
	if b := r.take(8); b != nil {
		return int64(binary.LittleEndian.Uint64(b))
	}
	return 0
}

func (r *reader) bool() bool {
	if b := r.take(1); b != nil {
		return b[0] != 0
	}
	return false
}

func (r *reader) bytes(n int) []byte { return r.take(n) }

// count reads a count of things at least minSize bytes long each, and
// fails when they cannot fit in what is left.
func (r *reader) count(minSize int) int {
	n := int(r.u32())
	if r.bad || n > (len(r.buf)-r.pos)/minSize {
		r.bad = true
		return 0
	}
	return n
}

// str returns a string in place: the buffer is never written again.
func (r *reader) str() string {
	n := int(r.u32())
	b := r.take(n)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func (r *reader) strs() []string {
	n := r.count(4)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}
