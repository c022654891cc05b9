package files

import (
	"bytes"
	"fmt"
)

// NotText says why data cannot be checked as UTF-8 text, or "" when it
// can be tried: UTF-16 or UTF-32 (a byte-order mark), or binary (a NUL
// byte). Whether the rest is valid UTF-8 is the parser's to say.
func NotText(data []byte) string {
	if enc, order := unicodeBOM(data); enc != "" {
		return fmt.Sprintf("%s: convert to UTF-8 (the file starts with a %s byte-order mark)", enc, order)
	}
	if off := bytes.IndexByte(data, 0); off >= 0 {
		return fmt.Sprintf("binary file (NUL byte at offset %d)", off)
	}
	return ""
}

// unicodeBOM names the encoding and byte order of a UTF-16 or UTF-32
// byte-order mark at the start of data; "" if there is none. Such text is
// not UTF-8, and UTF-16 holds NUL bytes wherever it has ASCII: without
// this it would be called binary or invalid UTF-8.
func unicodeBOM(data []byte) (enc, order string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return "UTF-32", "little-endian"
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return "UTF-32", "big-endian"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return "UTF-16", "little-endian"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "UTF-16", "big-endian"
	}
	return "", ""
}
