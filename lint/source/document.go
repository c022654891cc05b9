// Package source is the first stage of the pipeline: it turns the bytes of a
// file into a Document, the text that rules read, and maps every position in
// that text back to a byte offset, line and column in the original file.
//
// The bytes are kept as they are: a byte-order mark, CRLF line ends and every
// byte outside an applied fix survive unchanged. A line ends with "\n",
// "\r\n" or a lone "\r" (old Mac files). Markup formats (a later
// stage) strip tags into the lintable text; the offset map then points each
// text offset back at the source. For plain text the map is the identity.
package source

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"sort"
	"unicode/utf8"
	"unsafe"
)

// BOM is the UTF-8 byte-order mark. It is kept in the source and skipped by
// the tokenizer and by column counting.
const BOM = "\uFEFF"

// EncodingError reports invalid UTF-8 at a byte offset of a file.
type EncodingError struct {
	Path   string
	Offset int
}

func (e *EncodingError) Error() string {
	return fmt.Sprintf("%s: invalid UTF-8 at byte offset %d", e.Path, e.Offset)
}

// Document is a file's bytes and the text the rules lint.
type Document struct {
	Path string // as given on the command line, "-" or a stdin file name
	Src  []byte // the file, byte for byte
	Text string // the lintable text; equal to Src for plain text

	// segs maps Text to Src: each segment says that Text[t:t+n] is
	// Src[s:s+n]. Empty means the identity.
	segs []Segment
	// lines holds the Src offset at which each line starts: after each
	// "\n", "\r\n" and lone "\r".
	lines []int
	// last is the previous Pos result: findings come in order, so the
	// next one on the same line counts on from there (a 50 MB line with
	// many findings stays linear). A Document is not for concurrent Pos.
	last Position
}

// Segment is one piece of the offset map: Text[Text:Text+Len] came from
// Src[Src:Src+Len].
type Segment struct{ Text, Src, Len int }

// New checks that src is valid UTF-8 and returns a plain-text document. The
// caller must not modify src afterwards.
func New(path string, src []byte) (*Document, error) {
	if off := invalidUTF8(src); off >= 0 {
		return nil, &EncodingError{Path: path, Offset: off}
	}
	// Text shares src's bytes: a document never changes its source, and
	// fixes make new slices, so the copy would be wasted on large archives.
	d := &Document{Path: path, Src: src, Text: unsafe.String(unsafe.SliceData(src), len(src))}
	d.indexLines()
	return d, nil
}

// NewMapped returns a document whose lintable text was extracted from src,
// with segs giving where each piece of text came from (sorted by Text).
func NewMapped(path string, src []byte, text string, segs []Segment) (*Document, error) {
	if off := invalidUTF8(src); off >= 0 {
		return nil, &EncodingError{Path: path, Offset: off}
	}
	d := &Document{Path: path, Src: src, Text: text, segs: segs}
	d.indexLines()
	return d, nil
}

// invalidUTF8 returns the offset of the first byte of b that does not
// start a valid UTF-8 sequence, or -1. Its fast path checks eight bytes at
// a time that hold only ASCII and two-byte sequences (Arabic script).
func invalidUTF8(b []byte) int {
	const hi = 0x8080808080808080
	i := 0
	for i < len(b) {
		// i is at the start of a character
		lead := uint64(0) // 0x80 when the block before ended with a lead byte
		for i+8 <= len(b) {
			w := binary.LittleEndian.Uint64(b[i:])
			top := w & hi
			if top == 0 && lead == 0 {
				i += 8
				continue
			}
			cont := top &^ (w << 1)             // 10xxxxxx
			leads := top & (w << 1) &^ (w << 2) // 110xxxxx
			long := top & (w << 1) & (w << 2)   // 111xxxxx: three or four bytes
			// a lead byte C0 or C1 encodes an ASCII character: overlong
			overlong := leads &^ ((w & 0x1E1E1E1E1E1E1E1E) + 0x7F7F7F7F7F7F7F7F)
			if long|overlong != 0 || cont != leads<<8|lead {
				break
			}
			lead = leads >> 56
			i += 8
		}
		if lead != 0 {
			i-- // back to the lead byte that ended the last block
		}
		if i >= len(b) {
			break
		}
		// one character the slow way
		c := b[i]
		if c < 0x80 {
			i++
			continue
		}
		if c >= 0xC2 && c < 0xE0 {
			if i+1 < len(b) && b[i+1]&0xC0 == 0x80 {
				i += 2
				continue
			}
			return i
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// indexLines records where each line starts. A line ends with "\n",
// "\r\n" or a lone "\r" (old Mac files): a CRLF is one line end.
func (d *Document) indexLines() {
	src := d.Src
	d.lines = append(d.lines[:0], 0)
	// the next CR and LF at or after i, each found once: a file without a
	// CR pays for one search of it
	cr, lf := nextByte(src, 0, '\r'), nextByte(src, 0, '\n')
	for {
		switch {
		case lf < cr:
			d.lines = append(d.lines, lf+1)
			lf = nextByte(src, lf+1, '\n')
		case cr < len(src):
			i := cr + 1
			if i < len(src) && src[i] == '\n' {
				i++
				lf = nextByte(src, i, '\n')
			}
			d.lines = append(d.lines, i)
			cr = nextByte(src, cr+1, '\r')
		default:
			return
		}
	}
}

// nextByte returns the offset of the first c in src at or after i, or
// len(src).
func nextByte(src []byte, i int, c byte) int {
	if j := bytes.IndexByte(src[i:], c); j >= 0 {
		return i + j
	}
	return len(src)
}

// ToSrc maps an offset in Text to an offset in Src. Where two segments
// meet in Text, an offset on the seam maps to the end of the earlier one:
// right for the end of a span. Use ToSrcStart for the start of a span.
func (d *Document) ToSrc(t int) int {
	if len(d.segs) == 0 {
		return t
	}
	i := sort.Search(len(d.segs), func(i int) bool { return d.segs[i].Text+d.segs[i].Len >= t })
	if i == len(d.segs) {
		last := d.segs[len(d.segs)-1]
		return last.Src + last.Len
	}
	s := d.segs[i]
	if t < s.Text {
		return s.Src
	}
	return s.Src + (t - s.Text)
}

// ToSrcStart is ToSrc for the start of a span: an offset on the seam of two
// segments maps to the start of the later one, so that a span never begins
// with the markup between them.
func (d *Document) ToSrcStart(t int) int {
	if len(d.segs) == 0 {
		return t
	}
	i := sort.Search(len(d.segs), func(i int) bool { return d.segs[i].Text+d.segs[i].Len > t })
	if i == len(d.segs) {
		return d.ToSrc(t)
	}
	s := d.segs[i]
	if t < s.Text {
		return s.Src
	}
	return s.Src + (t - s.Text)
}

// Mapped reports whether Text differs from Src (markup was stripped).
func (d *Document) Mapped() bool { return len(d.segs) > 0 }

// Position is a place in the source file.
type Position struct {
	Offset int // byte offset in Src, 0-based
	Line   int // 1-based
	Column int // 1-based, in Unicode code points
	Col16  int // 1-based, in UTF-16 code units
}

// Pos converts a byte offset in Src to a position. A BOM at the start of the
// file is not counted as a column.
func (d *Document) Pos(off int) Position {
	if off > len(d.Src) {
		off = len(d.Src)
	}
	line := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off }) - 1
	start := d.lines[line]
	if line == 0 && len(d.Src) >= len(BOM) && string(d.Src[:len(BOM)]) == BOM && off >= len(BOM) {
		start = len(BOM)
	}
	col, col16 := 1, 1
	if l := d.last; l.Line == line+1 && l.Offset >= start && l.Offset <= off {
		start, col, col16 = l.Offset, l.Column, l.Col16
	}
	i := start
	// a previous position inside a character: each of its continuation
	// bytes counts as one (invalid) character, as utf8.DecodeRune reads it
	for i < off && d.Src[i]&0xC0 == 0x80 {
		i++
		col++
		col16++
	}
	if i < off {
		n, four := countRunes(d.Src[i:off])
		col += n
		col16 += n + four
	}
	d.last = Position{Offset: off, Line: line + 1, Column: col, Col16: col16}
	return d.last
}

// countRunes returns the number of characters that start in b, valid UTF-8
// that starts with a character (the last one may go on past b), and how
// many of them take four bytes (two UTF-16 units). It counts eight bytes
// at a time.
func countRunes(b []byte) (n, four int) {
	const hi = 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		cont := w &^ (w << 1) & hi                       // 10xxxxxx
		lead4 := w & (w << 1) & (w << 2) & (w << 3) & hi // 1111xxxx
		n += 8 - bits.OnesCount64(cont)
		four += bits.OnesCount64(lead4)
	}
	for ; i < len(b); i++ {
		if b[i]&0xC0 != 0x80 {
			n++
		}
		if b[i] >= 0xF0 {
			four++
		}
	}
	return n, four
}

// LineCount is the number of lines in the source.
func (d *Document) LineCount() int { return len(d.lines) }

// Line returns the source text of the 1-based line n without its line end.
func (d *Document) Line(n int) string {
	if n < 1 || n > len(d.lines) {
		return ""
	}
	start := d.lines[n-1]
	end := len(d.Src)
	if n < len(d.lines) {
		end = d.lines[n] - lineEndLen(d.Src, d.lines[n])
	}
	if n == 1 && end-start >= len(BOM) && string(d.Src[start:start+len(BOM)]) == BOM {
		start += len(BOM)
	}
	return string(d.Src[start:end])
}

// lineEndLen is the length of the line end ("\n", "\r\n" or "\r") that
// ends just before offset next, the start of a line after the first.
func lineEndLen(src []byte, next int) int {
	if src[next-1] == '\n' && next >= 2 && src[next-2] == '\r' {
		return 2
	}
	return 1
}

// LineEnd returns the Src offset where the 1-based line n ends, before its
// line end.
func (d *Document) LineEnd(n int) int {
	if n < len(d.lines) {
		return d.lines[n] - lineEndLen(d.Src, d.lines[n])
	}
	return len(d.Src)
}

// LineStart returns the Src offset of the 1-based line n.
func (d *Document) LineStart(n int) int { return d.lines[n-1] }
