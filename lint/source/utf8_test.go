package source

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// invalidRef is invalidUTF8 without its fast paths.
func invalidRef(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

func TestInvalidUTF8SameAsDecodeRune(t *testing.T) {
	pieces := []string{
		"a", " ", "\n", "ق", "ال", "قال ", "\u00a0", "\u0640", "\u200c", "😀", "中", "\uFFFD", "\u07ff", "\u0800",
		"\x80", "\xbf", "\xc0\xaf", "\xc1\xbf", "\xc2", "\xc2\x80", "\xdf\xbf", "\xdf", "\xe0\x80\x80",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\xd9\x20", "\xd8\xa7\xd8",
	}
	r := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < 50000; n++ {
		var b []byte
		for k := r.IntN(20); k >= 0; k-- {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		if got, want := invalidUTF8(b), invalidRef(b); got != want {
			t.Fatalf("invalidUTF8(%q) = %d, want %d", b, got, want)
		}
		if (invalidUTF8(b) < 0) != utf8.Valid(b) {
			t.Fatalf("invalidUTF8(%q) disagrees with utf8.Valid", b)
		}
	}
	// long runs of Arabic and ASCII, with an error at every offset of
	// the last sixteen bytes
	long := []byte(strings.Repeat("قال الوزير in English ", 40))
	if got := invalidUTF8(long); got != -1 {
		t.Fatalf("valid text invalid at %d", got)
	}
	for at := len(long) - 16; at < len(long); at++ {
		b := append([]byte{}, long...)
		b[at] = 0xff
		if got, want := invalidUTF8(b), invalidRef(b); got != want {
			t.Fatalf("0xff at %d: %d, want %d", at, got, want)
		}
		b[at] = 0xc1
		if got, want := invalidUTF8(b), invalidRef(b); got != want {
			t.Fatalf("0xc1 at %d: %d, want %d", at, got, want)
		}
	}
}

// posRef is Document.Pos without the count of eight bytes at a time.
func posRef(d *Document, last *Position, off int) Position {
	if off > len(d.Src) {
		off = len(d.Src)
	}
	line := 0
	for line+1 < len(d.lines) && d.lines[line+1] <= off {
		line++
	}
	start := d.lines[line]
	if line == 0 && len(d.Src) >= len(BOM) && string(d.Src[:len(BOM)]) == BOM && off >= len(BOM) {
		start = len(BOM)
	}
	col, col16 := 1, 1
	if l := *last; l.Line == line+1 && l.Offset >= start && l.Offset <= off {
		start, col, col16 = l.Offset, l.Column, l.Col16
	}
	for i := start; i < off; {
		r, n := utf8.DecodeRune(d.Src[i:])
		i += n
		col++
		col16++
		if r >= 0x10000 {
			col16++
		}
	}
	*last = Position{Offset: off, Line: line + 1, Column: col, Col16: col16}
	return *last
}

func TestPosSameAsDecodeRune(t *testing.T) {
	pieces := []string{"a", " ", "\n", "\r\n", "ق", "قال ", "الوزير", "😀", "中", "\uFFFD", "é", BOM}
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		if r.IntN(4) == 0 {
			b.WriteString(BOM)
		}
		for k := r.IntN(60); k >= 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		src := []byte(b.String())
		d, err := New("f", src)
		if err != nil {
			t.Fatal(err)
		}
		var last Position
		for q := 0; q < 40; q++ {
			// mostly increasing offsets, some inside a character, some
			// going back, some past the end
			off := r.IntN(len(src) + 3)
			got, want := d.Pos(off), posRef(d, &last, off)
			if got != want {
				t.Fatalf("%q: Pos(%d) = %+v, want %+v", src, off, got, want)
			}
		}
	}
}
