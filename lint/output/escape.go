package output

import (
	"fmt"
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
