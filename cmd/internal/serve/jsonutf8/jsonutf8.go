// Package jsonutf8 finds what encoding/json would silently replace with
// U+FFFD when it decodes a JSON text: bytes that are not UTF-8, and \u
// escapes of lone UTF-16 surrogates ("\ud800" not followed by a low
// surrogate, "\udc00" not preceded by a high one). The servers and batch
// refuse such input rather than check, and give back, a text the client
// did not send.
package jsonutf8

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// Check returns an error naming the first byte offset of data that
// encoding/json would decode to U+FFFD without being asked to (an escaped
// "\ufffd" is asked for), or nil. It looks at every \u escape, so data
// should be JSON: outside a string a backslash is a syntax error the
// decoder reports anyway.
func Check(data []byte) error {
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return fmt.Errorf("invalid UTF-8 at byte %d", i)
	}
	return Escapes(data)
}

// Escapes is Check for data already known to be valid UTF-8: it looks
// only at the \u escapes (a lone surrogate).
func Escapes(data []byte) error {
	for i := 0; i < len(data); i++ {
		k := bytes.IndexByte(data[i:], '\\')
		if k < 0 {
			return nil
		}
		i += k
		if i+1 >= len(data) {
			return nil // truncated: a syntax error
		}
		if data[i+1] != 'u' {
			i++ // \" \\ \n ...: skip the escaped character
			continue
		}
		r, ok := hex4(data, i+2)
		if !ok {
			return nil // a syntax error the decoder reports
		}
		switch {
		case utf16.IsSurrogate(r) && r < 0xdc00: // high: a low must follow
			lo, ok := rune(0), false
			if i+7 < len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
				lo, ok = hex4(data, i+8)
			}
			if !ok || lo < 0xdc00 || lo > 0xdfff {
				return fmt.Errorf("lone UTF-16 surrogate \\u%04x at byte %d", r, i)
			}
			i += 11
		case utf16.IsSurrogate(r): // a low one on its own
			return fmt.Errorf("lone UTF-16 surrogate \\u%04x at byte %d", r, i)
		default:
			i += 5
		}
	}
	return nil
}

// hex4 reads the four hex digits at data[i:].
func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
