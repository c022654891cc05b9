package output

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Visible returns s fit for a line of text output on a terminal: the
// characters that would act rather than show are written out. C0 controls
// (all but the tab) and DEL become Go escapes (\n, \r, \x1b: an ESC could
// start a sequence that clears the screen, sets the window title or writes
// the clipboard), C1 controls (U+0080–U+009F) and the bidi controls
// (U+202A–U+202E, U+2066–U+2069, which reorder what follows them on the
// line) a code point in angle brackets (<U+009B>, <U+202E>). Other text,
// Arabic and its marks included, is unchanged.
func Visible(s string) string {
	i := firstActive(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i >= 0 {
		b.WriteString(s[:i])
		r, n := utf8.DecodeRuneInString(s[i:])
		writeVisible(&b, r)
		s = s[i+n:]
		i = firstActive(s)
	}
	b.WriteString(s)
	return b.String()
}

func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// firstActive returns the offset of the first character of s that Visible
// writes out, or -1. It looks at bytes: C0 and DEL are one byte, C1 is
// C2 80–C2 9F, the bidi controls E2 80 AA–AE and E2 81 A6–A9.
func firstActive(s string) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\t', c == 0x7F:
			return i
		case c == 0xC2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F {
				return i
			}
		case c == 0xE2:
			if i+2 < len(s) && (s[i+1] == 0x80 && s[i+2] >= 0xAA && s[i+2] <= 0xAE ||
				s[i+1] == 0x81 && s[i+2] >= 0xA6 && s[i+2] <= 0xA9) {
				return i
			}
		}
	}
	return -1
}

func writeVisible(b *strings.Builder, r rune) {
	switch r {
	case '\a':
		b.WriteString(`\a`)
	case '\b':
		b.WriteString(`\b`)
	case '\f':
		b.WriteString(`\f`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\v':
		b.WriteString(`\v`)
	default:
		if r < 0x80 {
			fmt.Fprintf(b, `\x%02x`, r)
		} else {
			fmt.Fprintf(b, "<U+%04X>", r)
		}
	}
}

// QuotePath returns a file name fit for a line of output: as it is, or
// Go-quoted ("nl\nfake.txt") when it holds a control character (the tab
// included), a C1 or bidi control, or starts with a quote. A newline in a
// file name can then never start a line of output of its own, a forged
// finding.
func QuotePath(p string) string {
	if !needsQuote(p) {
		return p
	}
	return strconv.Quote(p)
}

func needsQuote(p string) bool {
	return strings.HasPrefix(p, `"`) || strings.IndexByte(p, '\t') >= 0 || firstActive(p) >= 0
}

// the bytes C escapes write as a backslash and a letter
const cEscaped, cEscapes = "\a\b\t\n\v\f\r\"\\", `abtnvfr"\`

// diffPath is the name in a unified diff's header, a/ or b/ and path: as
// it is, or quoted the way git and GNU patch read it (C escapes, other
// control bytes and the bytes of C1 and bidi controls in octal) when
// QuotePath would quote it.
func diffPath(prefix, p string) string {
	name := prefix + p
	if !needsQuote(p) {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for len(name) > 0 {
		i := firstActive(name)
		if j := strings.IndexAny(name, "\t\"\\"); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		if i < 0 {
			b.WriteString(name)
			break
		}
		b.WriteString(name[:i])
		_, n := utf8.DecodeRuneInString(name[i:])
		for _, c := range []byte(name[i : i+n]) {
			if k := strings.IndexByte(cEscaped, c); k >= 0 {
				b.WriteByte('\\')
				b.WriteByte(cEscapes[k])
			} else {
				fmt.Fprintf(&b, "\\%03o", c)
			}
		}
		name = name[i+n:]
	}
	b.WriteByte('"')
	return b.String()
}
