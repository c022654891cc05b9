package hunspell

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"
)

// openCompiled opens the dictionary twice through a fresh cache
// directory: the first time parses and writes the compiled file, the
// second reads it.
func openCompiled(t testing.TB, aff, dic string) (parsed, compiled *Dict, file string) {
	t.Helper()
	dir := t.TempDir()
	parsed, err := OpenCached(aff, dic, dir)
	if err != nil {
		t.Fatal(err)
	}
	if parsed.compiled {
		t.Fatal("the first open read a compiled file from an empty directory")
	}
	compiled, err = OpenCached(aff, dic, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !compiled.compiled {
		t.Fatal("the second open did not read the compiled file")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 1 {
		t.Fatalf("the cache directory holds %q, want one file", files)
	}
	return parsed, compiled, files[0]
}

// sameDict compares what two dictionaries hold, field by field.
func sameDict(t *testing.T, a, b *Dict) {
	t.Helper()
	norm := func(d *Dict) Dict {
		c := *d
		c.cache, c.compiled = nil, false
		c.sets = slices.Clone(c.sets)
		for i, s := range c.sets {
			if len(s) == 0 {
				c.sets[i] = nil
			}
		}
		return c
	}
	na, nb := norm(a), norm(b)
	if reflect.DeepEqual(na, nb) {
		return
	}
	for _, f := range []struct {
		name string
		a, b any
	}{
		{"pfx", na.pfx, nb.pfx}, {"sfx", na.sfx, nb.sfx},
		{"pfxZero", na.pfxZero, nb.pfxZero}, {"sfxZero", na.sfxZero, nb.sfxZero},
		{"maxPfx", na.maxPfx, nb.maxPfx}, {"maxSfx", na.maxSfx, nb.maxSfx},
		{"contClass", na.contClass, nb.contClass}, {"haveCont", na.haveCont, nb.haveCont},
		{"aliases", na.aliases, nb.aliases}, {"ignore", na.ignore, nb.ignore},
		{"iconv", na.iconv, nb.iconv}, {"rep", na.rep, nb.rep}, {"maps", na.maps, nb.maps},
		{"breaks", na.breaks, nb.breaks}, {"ignored", na.ignored, nb.ignored},
		{"flags", [...]flag{na.needAffix, na.forbidden, na.onlyInCompound, na.circumfix, na.keepCase},
			[...]flag{nb.needAffix, nb.forbidden, nb.onlyInCompound, nb.circumfix, nb.keepCase}},
		{"fullStrip", na.fullStrip, nb.fullStrip},
		{"sets", na.sets, nb.sets}, {"entries", na.entries, nb.entries},
		{"words.text", na.words.text, nb.words.text}, {"words.off", na.words.off, nb.words.off},
		{"words.start", na.words.start, nb.words.start}, {"words.slots", na.words.slots, nb.words.slots},
		{"words.idx", na.words.idx, nb.words.idx},
	} {
		if !reflect.DeepEqual(f.a, f.b) {
			t.Errorf("%s differs", f.name)
		}
	}
	t.Error("the dictionaries differ")
}

func TestCompiledFixtures(t *testing.T) {
	for _, name := range []string{"long", "char", "num", "utf8"} {
		t.Run(name, func(t *testing.T) {
			aff, dic := filepath.Join("testdata", name+".aff"), filepath.Join("testdata", name+".dic")
			plain := openFixture(t, name)
			_, compiled, _ := openCompiled(t, aff, dic)
			sameDict(t, plain, compiled)
			words := fixtureWords(t, aff, dic)
			for _, w := range words {
				if plain.Spell(w) != compiled.Spell(w) {
					t.Errorf("Spell(%q): parsed %v, compiled %v", w, plain.Spell(w), compiled.Spell(w))
				}
			}
		})
	}
}

// fixtureWords is every word of a fixture's files, and each with every
// affix string of the .aff file put before or after it.
func fixtureWords(t *testing.T, aff, dic string) []string {
	t.Helper()
	var words, affixes []string
	for _, p := range []string{aff, dic} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range splitLines(string(data)) {
			f := fields(l)
			for _, w := range f {
				w, _, _ = strings.Cut(w, "/")
				words = append(words, w)
			}
			if len(f) >= 4 && (f[0] == "PFX" || f[0] == "SFX") {
				add, _, _ := strings.Cut(f[3], "/")
				affixes = append(affixes, strings.TrimPrefix(add, "0"))
			}
		}
	}
	out := slices.Clone(words)
	for _, w := range words {
		for _, a := range affixes {
			out = append(out, a+w, w+a)
		}
	}
	return out
}

// TestCompiledArabic checks that the compiled Arabic dictionary holds
// what the parsed one does and answers as it does on the words of the
// differential test and more.
func TestCompiledArabic(t *testing.T) {
	_, aff, dic := systemArabic(t)
	plain, err := Open(aff, dic)
	if err != nil {
		t.Fatal(err)
	}
	_, compiled, _ := openCompiled(t, aff, dic)
	sameDict(t, plain, compiled)
	words := diffWords(stems(t, dic), 60000)
	words = append(words, affixedWords(plain, 40000)...)
	accepted := 0
	for _, w := range words {
		p, c := plain.spell(w, 0), compiled.spell(w, 0)
		if p != c {
			t.Errorf("spell(%q): parsed %v, compiled %v", w, p, c)
		}
		if p {
			accepted++
		}
	}
	t.Logf("%d words, %d accepted by both", len(words), accepted)
}

// TestCompiledDamaged damages the compiled file in many ways: each time
// the next open must parse the sources, answer right and write a good
// file again.
func TestCompiledDamaged(t *testing.T) {
	aff, dic := filepath.Join("testdata", "long.aff"), filepath.Join("testdata", "long.dic")
	plain := openFixture(t, "long")
	words := fixtureWords(t, aff, dic)
	dir := t.TempDir()
	if _, err := OpenCached(aff, dic, dir); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.bin"))
	if len(files) != 1 {
		t.Fatalf("cache directory: %q", files)
	}
	file := files[0]
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := os.ReadFile(filepath.Join("testdata", "char.aff"))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]func([]byte) []byte{
		"empty":     func([]byte) []byte { return nil },
		"foreign":   func([]byte) []byte { return foreign },
		"garbage":   func(b []byte) []byte { return bytes.Repeat([]byte{0xA5}, len(b)) },
		"one more":  func(b []byte) []byte { return append(b, 0) },
		"version":   func(b []byte) []byte { b[16]++; return b },
		"identity":  func(b []byte) []byte { b[40]++; return b }, // the .aff size
		"build":     func(b []byte) []byte { return setBuild(t, b, "another build") },
		"header":    func(b []byte) []byte { return b[:36] },
		"magic":     func(b []byte) []byte { b[0] = 'D'; return b },
		"zero tail": func(b []byte) []byte { clear(b[len(b)/2:]); return b },
	}
	for _, n := range []int{1, 8, 35, 37, 71, 100, len(good) / 2, len(good) - 8, len(good) - 1} {
		cases[fmt.Sprintf("cut at %d", n)] = func(b []byte) []byte { return b[:n] }
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for k := range 40 {
		i, bit := rng.IntN(len(good)), byte(1)<<rng.IntN(8)
		cases[fmt.Sprintf("flip %d: byte %d", k, i)] = func(b []byte) []byte { b[i] ^= bit; return b }
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(file, edit(slices.Clone(good)), 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := OpenCached(aff, dic, dir)
			if err != nil {
				t.Fatal(err)
			}
			if d.compiled {
				t.Fatal("a damaged compiled file was used")
			}
			for _, w := range words {
				if d.Spell(w) != plain.Spell(w) {
					t.Errorf("Spell(%q) = %v, want %v", w, d.Spell(w), plain.Spell(w))
				}
			}
			again, err := os.ReadFile(file)
			if err != nil || !bytes.Equal(again, good) {
				t.Fatalf("the damaged file was not replaced by a good one (%v)", err)
			}
			if d, err := OpenCached(aff, dic, dir); err != nil || !d.compiled {
				t.Fatalf("the rewritten file is not used: %v", err)
			}
		})
	}
}

// setBuild rewrites the build identity in a compiled file, keeping its
// checksum right.
func setBuild(t *testing.T, b []byte, build string) []byte {
	t.Helper()
	r := &reader{buf: b, pos: 36 + 32}
	n := int(r.u32())
	out := slices.Concat(b[:r.pos-4], binary.LittleEndian.AppendUint32(nil, uint32(len(build))), []byte(build), b[r.pos+n:])
	binary.LittleEndian.PutUint64(out[24:], uint64(len(out)))
	binary.LittleEndian.PutUint32(out[32:], crc32.Checksum(out[36:], crcTable))
	return out
}

// TestCompiledForgedChecksum damages the dictionary part of a compiled
// file and sets its checksum right, so that only the checks of the
// decoder stand between the damage and a crash: decode must not panic
// (its recover is turned off here) and a Dict it returns must not crash
// on lookups.
func TestCompiledForgedChecksum(t *testing.T) {
	aff, dic := filepath.Join("testdata", "long.aff"), filepath.Join("testdata", "long.dic")
	_, _, file := openCompiled(t, aff, dic)
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	words := fixtureWords(t, aff, dic)
	src := sourceFor(t, aff, dic)
	noRecover = true
	defer func() { noRecover = false }()
	rng := rand.New(rand.NewPCG(5, 6))
	start := bodyStart(t, good)
	used := 0
	for range 1000 {
		b := alignedCopy(good)
		for range 1 + rng.IntN(3) {
			i := start + rng.IntN(len(b)-start)
			switch rng.IntN(3) {
			case 0:
				b[i] ^= 1 << rng.IntN(8)
			case 1:
				b[i] = 0xFF
			default:
				b[i] = byte(rng.IntN(4))
			}
		}
		binary.LittleEndian.PutUint32(b[32:], crc32.Checksum(b[36:], crcTable))
		var d *Dict
		func() {
			defer func() {
				if e := recover(); e != nil {
					t.Fatalf("decode panicked: %v", e)
				}
			}()
			d, _ = decode(b, src)
		}()
		if d == nil {
			continue
		}
		used++
		func() {
			defer func() {
				if e := recover(); e != nil {
					t.Fatalf("a Dict decoded from a forged file panicked: %v", e)
				}
			}()
			for _, w := range words {
				d.spell(w, 0)
			}
		}()
	}
	t.Logf("%d of 1000 forged files decoded", used)
}

// bodyStart is the offset of the dictionary after the header.
func bodyStart(t *testing.T, b []byte) int {
	r := &reader{buf: b, pos: 36 + 32}
	r.str()
	r.str()
	r.str()
	if r.bad {
		t.Fatal("bad header")
	}
	return r.pos
}

func alignedCopy(b []byte) []byte {
	words := make([]uint64, (len(b)+7)/8)
	out := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(words))), len(b))
	copy(out, b)
	return out
}

func sourceFor(t testing.TB, aff, dic string) source {
	t.Helper()
	af, err := os.Open(aff)
	if err != nil {
		t.Fatal(err)
	}
	defer af.Close()
	df, err := os.Open(dic)
	if err != nil {
		t.Fatal(err)
	}
	defer df.Close()
	src, err := sourceOf(af, df)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestCompiledSourceChanged edits the .dic file: the compiled file of the
// old one must not be used.
func TestCompiledSourceChanged(t *testing.T) {
	dir := t.TempDir()
	aff, dic := filepath.Join(dir, "x.aff"), filepath.Join(dir, "x.dic")
	cache := filepath.Join(dir, "cache")
	copyTo(t, filepath.Join("testdata", "long.aff"), aff)
	copyTo(t, filepath.Join("testdata", "long.dic"), dic)
	if _, err := OpenCached(aff, dic, cache); err != nil {
		t.Fatal(err)
	}
	d, err := OpenCached(aff, dic, cache)
	if err != nil || !d.compiled {
		t.Fatalf("the compiled file is not used: %v", err)
	}
	if d.Spell("زرافة") {
		t.Fatal("زرافة is in the fixture already")
	}
	data, _ := os.ReadFile(dic)
	data = bytes.Replace(data, []byte("\n"), []byte("\nزرافة\n"), 1)
	if err := os.WriteFile(dic, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// The same size, the same modification time: unnoticed, by design.
	// A new modification time is noticed.
	future := time.Now().Add(time.Minute)
	if err := os.Chtimes(dic, future, future); err != nil {
		t.Fatal(err)
	}
	d, err = OpenCached(aff, dic, cache)
	if err != nil {
		t.Fatal(err)
	}
	if d.compiled || !d.Spell("زرافة") {
		t.Fatalf("the compiled file of the old .dic was used (compiled %v)", d.compiled)
	}
	if d, _ := OpenCached(aff, dic, cache); !d.compiled || !d.Spell("زرافة") {
		t.Fatal("the new compiled file is not used")
	}
}

func copyTo(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCompiledFiles checks the modes of what is written, and that there
// is no cache without a directory or with one that cannot be made.
func TestCompiledFiles(t *testing.T) {
	aff, dic := filepath.Join("testdata", "long.aff"), filepath.Join("testdata", "long.dic")
	dir := filepath.Join(t.TempDir(), "a", "b")
	if _, err := OpenCached(aff, dic, dir); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dir)
	if err != nil || fi.Mode().Perm() != 0o755&^umask() {
		t.Errorf("cache directory: %v, %v", fi.Mode(), err)
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 1 {
		t.Fatalf("cache directory holds %d files", len(files))
	}
	fi, _ = files[0].Info()
	if fi.Mode().Perm() != 0o644 || !strings.HasSuffix(fi.Name(), ".bin") || strings.HasPrefix(fi.Name(), ".") {
		t.Errorf("compiled file %s: %v", fi.Name(), fi.Mode())
	}

	if d, err := OpenCached(aff, dic, ""); err != nil || d.compiled || !d.Spell("كتاب") {
		t.Errorf("no cache directory: %v", err)
	}
	// A directory below a file cannot be made.
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		d, err := OpenCached(aff, dic, filepath.Join(blocked, "cache"))
		if err != nil || d.compiled || !d.Spell("كتاب") {
			t.Errorf("cache directory that cannot be made: %v", err)
		}
	}
	if _, err := OpenCached(aff, filepath.Join("testdata", "missing.dic"), dir); err == nil {
		t.Error("a missing .dic file is no error")
	}
	if _, err := OpenCached(filepath.Join("testdata", "bad.aff"), dic, dir); err == nil {
		t.Error("a bad .aff file is no error")
	}
}

func umask() os.FileMode {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("umask-%d-%d", os.Getpid(), time.Now().UnixNano()))
	if err := os.Mkdir(dir, 0o777); err != nil {
		return 0o022
	}
	defer os.Remove(dir)
	fi, err := os.Stat(dir)
	if err != nil {
		return 0o022
	}
	return 0o777 &^ fi.Mode().Perm()
}

// TestCompiledConcurrentStarts starts processes that all find no
// compiled file and write one at the same time, and goroutines that do
// the same: each gets a right dictionary, and the one file left is whole.
func TestCompiledConcurrentStarts(t *testing.T) {
	if os.Getenv("HUNSPELL_HELPER_DIR") != "" {
		helperProcess()
		return
	}
	aff, dic := filepath.Join("testdata", "long.aff"), filepath.Join("testdata", "long.dic")
	if a, d, err := Find("ar", nil); err == nil && !testing.Short() {
		aff, dic = a, d // files large enough for the writes to overlap
	}
	dir := t.TempDir()
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for range 4 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCompiledConcurrentStarts$")
		cmd.Env = append(os.Environ(), "HUNSPELL_HELPER_DIR="+dir, "HUNSPELL_HELPER_AFF="+aff, "HUNSPELL_HELPER_DIC="+dic)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &out)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			d, err := OpenCached(aff, dic, dir)
			if err != nil || !d.Spell("كتاب") {
				t.Errorf("goroutine: %v", err)
			}
		})
	}
	wg.Wait()
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("process %d: %v\n%s", i, err, outs[i])
		}
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 1 {
		var names []string
		for _, f := range files {
			names = append(names, f.Name())
		}
		t.Fatalf("cache directory holds %q, want one compiled file", names)
	}
	d, err := OpenCached(aff, dic, dir)
	if err != nil || !d.compiled {
		t.Fatalf("the compiled file left is not used: %v", err)
	}
}

func helperProcess() {
	d, err := OpenCached(os.Getenv("HUNSPELL_HELPER_AFF"), os.Getenv("HUNSPELL_HELPER_DIC"), os.Getenv("HUNSPELL_HELPER_DIR"))
	if err != nil || !d.Spell("كتاب") {
		fmt.Println("helper:", err)
		os.Exit(1)
	}
}

// BenchmarkLoadCompiled reads the compiled Arabic dictionary (the file in
// the page cache), as OpenCached does on a later start.
func BenchmarkLoadCompiled(b *testing.B) {
	_, aff, dic := systemArabic(b)
	dir := b.TempDir()
	if _, err := OpenCached(aff, dic, dir); err != nil {
		b.Fatal(err)
	}
	fi, _ := os.ReadDir(dir)
	if len(fi) == 1 {
		if info, err := fi[0].Info(); err == nil {
			b.SetBytes(info.Size())
		}
	}
	for b.Loop() {
		d, err := OpenCached(aff, dic, dir)
		if err != nil || !d.compiled {
			b.Fatal("not compiled", err)
		}
	}
}

// TestMemoryCompiled reports the heap a compiled Arabic dictionary holds.
func TestMemoryCompiled(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	_, aff, dic := systemArabic(t)
	dir := t.TempDir()
	if _, err := OpenCached(aff, dic, dir); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d, err := OpenCached(aff, dic, dir)
	if err != nil || !d.compiled {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("a compiled Arabic dictionary holds %.1f MiB of heap; reading it allocated %.1f MiB in %d allocations",
		float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20),
		float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), after.Mallocs-before.Mallocs)
	runtime.KeepAlive(d)
}

// TestHostileTables gives the lookups the tables a forged compiled file
// could hold (a full hash table, indexes out of range, offsets going
// down): they must end and not panic.
func TestHostileTables(t *testing.T) {
	aff, dic := filepath.Join("testdata", "long.aff"), filepath.Join("testdata", "long.dic")
	words := fixtureWords(t, aff, dic)
	for name, spoil := range map[string]func(d *Dict){
		"full table": func(d *Dict) {
			for i := range d.words.slots {
				d.words.slots[i] = ^d.words.idx | 1 // a tag, and word 0
			}
		},
		"full table, tags match": func(d *Dict) {
			for i := range d.words.slots {
				d.words.slots[i] = 1
			}
			d.words.idx = ^uint32(0) // every tag 0
		},
		"index out of range": func(d *Dict) {
			for i := range d.words.slots {
				if d.words.slots[i] != 0 {
					d.words.slots[i] |= d.words.idx
				}
			}
		},
		"offsets going down": func(d *Dict) {
			for k := range d.words.off {
				d.words.off[k] = uint32(len(d.words.off) - k)
			}
		},
		"offsets past the text": func(d *Dict) {
			for k := range d.words.off {
				d.words.off[k] = uint32(len(d.words.text) + k)
			}
		},
		"stems out of range": func(d *Dict) {
			for k := range d.words.start {
				d.words.start[k] = uint32(len(d.entries) + 1 - k)
			}
		},
		"flag sets out of range": func(d *Dict) {
			for i := range d.entries {
				d.entries[i] = ^uint32(0)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			d := openFixture(t, "long")
			spoil(d)
			for _, w := range words {
				d.spell(w, 0)
			}
		})
	}
}
