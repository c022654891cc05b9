package lsp

import (
	"sort"
	"unicode/utf8"
)

// encoding is the unit LSP positions count characters in, negotiated at
// initialize: UTF-16 code units (the protocol's default), bytes of UTF-8
// or code points (UTF-32).
type encoding uint8

const (
	utf16 encoding = iota
	utf8enc
	utf32
)

func (e encoding) String() string { return [...]string{"utf-16", "utf-8", "utf-32"}[e] }

// chooseEncoding picks the first encoding the client offers that daqiq
// knows (the client lists them best first), else UTF-16.
func chooseEncoding(offered []string) encoding {
	for _, o := range offered {
		switch o {
		case "utf-16":
			return utf16
		case "utf-8":
			return utf8enc
		case "utf-32":
			return utf32
		}
	}
	return utf16
}

// text is a document's bytes with the offsets of its lines. Lines end at
// "\n" ("\r\n" included: the "\r" ends the line's content).
type text struct {
	src   []byte
	lines []int // byte offset of each line's start
}

func newText(src []byte) text {
	t := text{src: src}
	t.index()
	return t
}

func (t *text) index() {
	t.lines = append(t.lines[:0], 0)
	for i, c := range t.src {
		if c == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
}

// lineEnd is the end of line i's content, before its "\n" or "\r\n".
func (t *text) lineEnd(i int) int {
	if i+1 >= len(t.lines) {
		return len(t.src)
	}
	end := t.lines[i+1] - 1
	if end > t.lines[i] && t.src[end-1] == '\r' {
		end--
	}
	return end
}

// units counts the characters of b in enc.
func units(b []byte, enc encoding) int {
	switch enc {
	case utf8enc:
		return len(b)
	case utf32:
		return utf8.RuneCount(b)
	}
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// position is the LSP position of byte offset off.
func (t *text) position(off int, enc encoding) Position {
	off = min(max(off, 0), len(t.src))
	line := sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off }) - 1
	return Position{Line: line, Character: units(t.src[t.lines[line]:off], enc)}
}

func (t *text) rng(start, end int, enc encoding) Range {
	return Range{Start: t.position(start, enc), End: t.position(end, enc)}
}

// offset is the byte offset of an LSP position. A line past the end is
// the end of the text; a character past the end of its line is the
// line's end; one inside a character (half a surrogate pair, a byte
// inside a UTF-8 sequence) is that character's start.
func (t *text) offset(p Position, enc encoding) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(t.lines) {
		return len(t.src)
	}
	at, end := t.lines[p.Line], t.lineEnd(p.Line)
	for n := 0; at < end; {
		r, size := utf8.DecodeRune(t.src[at:end])
		w := 1
		switch {
		case enc == utf8enc:
			w = size
		case enc == utf16 && r >= 0x10000:
			w = 2
		}
		if n+w > p.Character {
			break
		}
		n += w
		at += size
	}
	return at
}
