package files

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encodings are the values of --encoding: utf-8 (the default) and
// windows-1256, the code page of legacy Arabic archives.
const (
	UTF8        = "utf-8"
	Windows1256 = "windows-1256"
)

// ParseEncoding reads an --encoding value (any case; utf8, cp1256 and
// 1256 are accepted as other names).
func ParseEncoding(s string) (string, error) {
	switch strings.ToLower(s) {
	case "", "utf-8", "utf8":
		return UTF8, nil
	case "windows-1256", "cp1256", "1256":
		return Windows1256, nil
	}
	return "", fmt.Errorf("--encoding %q: want utf-8 or windows-1256", s)
}

// LooksWindows1256 reports whether data, not valid UTF-8, reads as Arabic
// text in Windows-1256: at least three quarters of its bytes above ASCII
// decode there to characters of the Arabic block (letters, harakat, the
// Arabic comma, semicolon and question mark). Latin-1 text decodes there
// to Latin letters and Arabic punctuation no text is made of, and UTF-8
// cut short or mixed with other bytes is mostly valid sequences.
func LooksWindows1256(data []byte) bool {
	high, arabic := 0, 0
	for _, b := range data {
		if b < utf8.RuneSelf {
			continue
		}
		high++
		if r := charmap.Windows1256.DecodeByte(b); r >= 0x0600 && r <= 0x06FF {
			arabic++
		}
	}
	return high > 0 && arabic*4 >= high*3
}

// DecodeWindows1256 returns the UTF-8 text of Windows-1256 data. Every
// byte is a character there, so the lines and the character columns of
// the text are the file's, and the file's byte offset of a character is
// its column count from the start of the file.
func DecodeWindows1256(data []byte) []byte {
	out := make([]byte, 0, len(data)+len(data)/2)
	for _, b := range data {
		if b < utf8.RuneSelf {
			out = append(out, b)
			continue
		}
		out = utf8.AppendRune(out, charmap.Windows1256.DecodeByte(b))
	}
	return out
}

// UnencodableError is a character of a fixed text that Windows-1256 has
// no byte for: the file is not written.
type UnencodableError struct {
	Name      string // the file, as reported
	Rune      rune
	Line, Col int // 1-based; the column counts characters
	Encoding  string
}

func (e *UnencodableError) Error() string {
	return fmt.Sprintf("%s: a fix writes %q (U+%04X) at line %d, column %d of the fixed text, which %s cannot encode; not written (the file is kept in its own encoding: see --diff, or fix it by hand)",
		e.Name, e.Rune, e.Rune, e.Line, e.Col, e.Encoding)
}

// EncodeWindows1256 returns UTF-8 text in Windows-1256, or an
// *UnencodableError naming the first character it has no byte for. Text
// decoded by DecodeWindows1256 comes back byte for byte.
func EncodeWindows1256(name string, text []byte) ([]byte, error) {
	out := make([]byte, 0, len(text))
	line, col := 1, 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		col++
		if r < utf8.RuneSelf {
			out = append(out, byte(r))
		} else if b, ok := charmap.Windows1256.EncodeRune(r); ok && n > 1 {
			out = append(out, b)
		} else {
			return nil, &UnencodableError{Name: name, Rune: r, Line: line, Col: col, Encoding: "Windows-1256"}
		}
		if r == '\n' || r == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
			line, col = line+1, 0
		}
		i += n
	}
	return out, nil
}
