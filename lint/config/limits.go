package config

import (
	"bytes"
	"errors"
	"fmt"
)

// The TOML decoder's time and memory grow faster than its input with
// nesting: 32 KB of inline tables inside inline tables take gigabytes, a
// table header of a hundred thousand dotted parts more. A configuration
// needs nothing near the limits below, and Parse checks them before it
// decodes.
const (
	// MaxSize is the largest configuration Parse reads, in bytes (1 MiB).
	MaxSize = 1 << 20
	// MaxNesting is the deepest nesting of arrays and inline tables that
	// Parse accepts: the [ and { open at once, outside strings and
	// comments (a table header's brackets count, [[rule]] is 2).
	MaxNesting = 64
	// MaxKeyParts is the most parts a dotted key or table header may
	// have: a.b.c has 3.
	MaxKeyParts = 64
)

// ErrTooLarge and ErrTooDeep are the causes (errors.Is) of the *Error that
// Parse returns for a configuration over MaxSize, and nested deeper than
// MaxNesting or with a key of more than MaxKeyParts parts.
var (
	ErrTooLarge = errors.New("configuration too large")
	ErrTooDeep  = errors.New("configuration nested too deeply")
)

// checkLimits refuses a configuration over MaxSize, MaxNesting or
// MaxKeyParts, with the place of the first byte over the limit. One pass,
// no allocation: it reads strings and comments only to skip them.
func checkLimits(path string, src []byte) error {
	if len(src) > MaxSize {
		return &Error{Path: path, Err: ErrTooLarge,
			Msg: fmt.Sprintf("the configuration is %d bytes, more than the %d (1 MiB) daqiq reads", len(src), MaxSize)}
	}
	at := func(i int, msg string) error {
		line, col := lineCol(src, i-bomLen(src))
		return &Error{Path: path, Line: line, Col: col, Msg: msg, Err: ErrTooDeep}
	}
	depth, parts := 0, 1
	for i := bomLen(src); i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			parts = 1
		case '#':
			if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
				i += j - 1 // the line end is read next
			} else {
				i = len(src)
			}
		case '"', '\'':
			i = skipString(src, i) - 1
		case '[', '{':
			depth++
			parts = 1
			if depth > MaxNesting {
				return at(i, fmt.Sprintf("arrays and tables nested more than %d deep", MaxNesting))
			}
		case ']', '}':
			depth = max(depth-1, 0)
			parts = 1
		case '.':
			parts++
			if parts > MaxKeyParts {
				return at(i, fmt.Sprintf("a key of more than %d dotted parts", MaxKeyParts))
			}
		case ' ', '\t', '\r':
		default:
			if !isBareKey(c) {
				parts = 1
			}
		}
	}
	return nil
}

// bomLen is the length of the byte order mark the decoder drops, as
// lineCol reads it.
func bomLen(src []byte) int {
	switch {
	case bytes.HasPrefix(src, []byte("\xff\xfe")), bytes.HasPrefix(src, []byte("\xfe\xff")):
		return 2
	case bytes.HasPrefix(src, []byte("\uFEFF")):
		return 3
	}
	return 0
}

func isBareKey(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// skipString returns the offset after the TOML string that starts at
// src[i] (a quote): basic ("…", with backslash escapes) or literal ('…'),
// each also multi-line (three quotes, closed by three quotes and at most
// two more). A single-line string left open ends at its line end, a
// multi-line one at the end of the file.
func skipString(src []byte, i int) int {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		for j := i + 3; j < len(src); j++ {
			if q == '"' && src[j] == '\\' {
				j++
				continue
			}
			if src[j] == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q {
				end := j + 3
				for k := 0; k < 2 && end < len(src) && src[end] == q; k++ {
					end++
				}
				return end
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case src[j] == '\n':
			return j
		case q == '"' && src[j] == '\\' && j+1 < len(src) && src[j+1] != '\n':
			j++
		case src[j] == q:
			return j + 1
		}
	}
	return len(src)
}
