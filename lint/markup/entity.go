package markup

import (
	"html"
	"unicode/utf8"
)

// entityAt decodes the character reference starting at src[i] ('&') and
// returns its value and length in bytes, or n == 0 when there is none.
// Markdown (CommonMark) needs the ';'; HTML also takes the legacy names
// without it (&amp &nbsp &copy), except in an attribute value when a
// letter, a digit or '=' follows, as the HTML tokenizer does.
func entityAt(src []byte, i int, mode textMode) (string, int) {
	j := i + 1
	if j >= len(src) {
		return "", 0
	}
	if src[j] == '#' {
		j++
		hex := j < len(src) && (src[j] == 'x' || src[j] == 'X')
		if hex {
			j++
		}
		d := j
		for j < len(src) && (isDigit(src[j]) || hex && isHex(src[j])) {
			j++
		}
		if j == d {
			return "", 0
		}
		semi := j < len(src) && src[j] == ';'
		if semi {
			j++
		} else if mode == modeMarkdown {
			return "", 0
		}
		if mode == modeMarkdown && j-d-1 > 7 || mode == modeMarkdown && hex && j-d-1 > 6 {
			return "", 0
		}
		ref := string(src[i:j])
		dec := html.UnescapeString(ref)
		if dec == ref || !utf8.ValidString(dec) {
			return "", 0
		}
		return dec, j - i
	}
	for j < len(src) && isAlnum(src[j]) {
		j++
	}
	name := string(src[i+1 : j])
	if name == "" {
		return "", 0
	}
	if j < len(src) && src[j] == ';' {
		ref := "&" + name + ";"
		if dec := html.UnescapeString(ref); dec != ref {
			return dec, len(ref)
		}
	}
	if mode == modeMarkdown {
		return "", 0
	}
	// legacy names: the longest prefix of name that is one
	for k := len(name); k >= 2; k-- {
		ref := "&" + name[:k]
		dec := html.UnescapeString(ref)
		if dec == ref || hasASCIIAlnum(dec) {
			continue // not a reference, or a shorter one followed by letters
		}
		if mode == modeAttr && i+1+k < len(src) && (isAlnum(src[i+1+k]) || src[i+1+k] == '=') {
			return "", 0
		}
		return dec, 1 + k
	}
	return "", 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func isAlnum(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func hasASCIIAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if isAlnum(s[i]) {
			return true
		}
	}
	return false
}

// findURLs returns the bare URLs of src: http://, https://, ftp:// or
// www. up to whitespace, a quote, an angle or square bracket, a backtick,
// a pipe, ، ؛ ؟ or an unmatched ')', without trailing . , : ; ! ? * _ ~.
// They may hold Arabic letters, which goldmark's linkify does not take.
func findURLs(src []byte) []span {
	var out []span
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c != 'h' && c != 'f' && c != 'w' && c != 'H' && c != 'F' && c != 'W' {
			continue
		}
		if i > 0 && isAlnum(src[i-1]) {
			continue
		}
		n := urlPrefix(src[i:])
		if n == 0 {
			continue
		}
		j, depth := i+n, 0
	scan:
		for j < len(src) {
			r, size := utf8.DecodeRune(src[j:])
			switch r {
			case ' ', '\t', '\n', '\r', '\f', '\v', '<', '>', '"', '\'', '`', '[', ']', '{', '}', '|',
				'\u00A0', '«', '»', '“', '”', '‘', '’', '،', '؛', '؟', '\u2028', '\u2029', utf8.RuneError:
				break scan
			case '(':
				depth++
			case ')':
				if depth == 0 {
					break scan
				}
				depth--
			}
			j += size
		}
		for j > i+n {
			switch src[j-1] {
			case '.', ',', ':', ';', '!', '?', '*', '_', '~':
				j--
				continue
			}
			break
		}
		if j > i+n {
			out = append(out, span{i, j})
			i = j - 1
		}
	}
	return out
}

func urlPrefix(b []byte) int {
	for _, p := range [...]string{"https://", "http://", "ftp://", "www."} {
		if len(b) >= len(p) && equalFoldASCII(b[:len(p)], p) {
			return len(p)
		}
	}
	return 0
}

func equalFoldASCII(b []byte, s string) bool {
	for i := range b {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}
