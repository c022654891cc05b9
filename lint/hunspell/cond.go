package hunspell

import (
	"fmt"
	"unicode/utf8"
)

// condElem is one character position of an affix condition: a literal
// character, a group [...] or [^...], or any character (.).
type condElem struct {
	any   bool
	neg   bool
	runes []rune
}

func (e *condElem) match(r rune) bool {
	if e.any {
		return true
	}
	for _, c := range e.runes {
		if c == r {
			return !e.neg
		}
	}
	return e.neg
}

// cond is an affix condition. For a prefix it applies to the start of the
// stem, for a suffix to its end.
type cond []condElem

func parseCond(s string) (cond, error) {
	if s == "." || s == "" {
		return nil, nil
	}
	var c cond
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '.':
			c = append(c, condElem{any: true})
		case '[':
			e := condElem{}
			if i < len(s) && s[i] == '^' {
				e.neg = true
				i++
			}
			closed := false
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				i += size
				if r == ']' {
					closed = true
					break
				}
				e.runes = append(e.runes, r)
			}
			if !closed {
				return nil, fmt.Errorf("missing ] in condition %q", s)
			}
			c = append(c, e)
		case ']':
			return nil, fmt.Errorf("unexpected ] in condition %q", s)
		default:
			c = append(c, condElem{runes: []rune{r}})
		}
	}
	return c, nil
}

// matchStart reports whether the start of s satisfies the condition.
func (c cond) matchStart(s string) bool {
	for i := range c {
		if len(s) == 0 {
			return false
		}
		r, size := utf8.DecodeRuneInString(s)
		if !c[i].match(r) {
			return false
		}
		s = s[size:]
	}
	return true
}

// matchEnd reports whether the end of s satisfies the condition.
func (c cond) matchEnd(s string) bool {
	for i := len(c) - 1; i >= 0; i-- {
		if len(s) == 0 {
			return false
		}
		r, size := utf8.DecodeLastRuneInString(s)
		if !c[i].match(r) {
			return false
		}
		s = s[:len(s)-size]
	}
	return true
}
