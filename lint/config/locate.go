package config

import (
	"slices"
	"strings"
)

// The TOML decoder gives positions for syntax errors only. For errors found
// while validating decoded values, these helpers find the key's line in the
// source by following table headers and dotted keys.

// errAt returns an error placed at the key path (table names and keys, no
// array indexes), or at the start of the file when it cannot be found.
func (c *Config) errAt(path []string, msg string) error {
	line, col := c.locate(path)
	return &Error{Path: c.Path, Line: line, Col: col, Msg: msg}
}

func (c *Config) locate(path []string) (int, int) {
	var table []string
	best, bestCol := 0, 0
	for n, raw := range strings.Split(string(c.src), "\n") {
		line := strings.TrimRight(raw, "\r")
		trim := strings.TrimSpace(line)
		if c.scope > 0 {
			if n+1 < c.scope {
				continue
			}
			if n+1 > c.scope && strings.HasPrefix(trim, "[[") {
				break // the next array table: out of scope
			}
		}
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		if strings.HasPrefix(trim, "[") {
			h := strings.Trim(trim, "[]")
			if i := strings.Index(h, "]"); i >= 0 {
				h = h[:i]
			}
			table = splitKey(h)
			if prefixOf(path, table) && best == 0 {
				if len(table) == len(path) {
					return n + 1, indent + 1
				}
			}
			continue
		}
		eq := strings.Index(trim, "=")
		if eq < 0 {
			continue
		}
		full := append(append([]string{}, table...), splitKey(strings.TrimSpace(trim[:eq]))...)
		if slices.Equal(full, path) {
			return n + 1, indent + 1
		}
		if best == 0 && prefixOf(full, path) {
			best, bestCol = n+1, indent+1
		}
	}
	if best > 0 {
		return best, bestCol
	}
	return 1, 1
}

// nthTableLine returns the line of the i-th [[name]] header, 1 when there
// is none.
func (c *Config) nthTableLine(name string, i int) int {
	if lines := c.tables[name]; i >= 0 && i < len(lines) {
		return lines[i]
	}
	return 1
}

// arrayTables finds the [[name]] header lines, once for all the tables
// (looking them up per table read the file once per table). A header is a
// line holding only [[name]], before any comment.
func arrayTables(src []byte) map[string][]int {
	out := map[string][]int{}
	for n, raw := range strings.Split(string(src), "\n") {
		header, _, _ := strings.Cut(raw, "#")
		h := strings.TrimSpace(header)
		if strings.HasPrefix(h, "[[") && strings.HasSuffix(h, "]]") {
			name := h[2 : len(h)-2]
			out[name] = append(out[name], n+1)
		}
	}
	return out
}

// findKeyAfter finds the first line at or after from that assigns key.
func (c *Config) findKeyAfter(key string, from int) (int, int) {
	lines := strings.Split(string(c.src), "\n")
	for n := from - 1; n >= 0 && n < len(lines); n++ {
		line := strings.TrimRight(lines[n], "\r")
		trim := strings.TrimSpace(line)
		if n > from-1 && strings.HasPrefix(trim, "[[") {
			break
		}
		if i := strings.Index(trim, "#"); i == 0 {
			continue
		}
		if eq := strings.Index(trim, "="); eq > 0 {
			ks := splitKey(strings.TrimSpace(trim[:eq]))
			if len(ks) > 0 && ks[0] == key {
				return n + 1, len(line) - len(strings.TrimLeft(line, " \t")) + 1
			}
		}
		if strings.HasPrefix(trim, "[") && !strings.HasPrefix(trim, "[[") {
			if ks := splitKey(strings.Trim(trim, "[]")); len(ks) > 1 && ks[1] == key {
				return n + 1, 1
			}
		}
	}
	return from, 1
}

// splitKey splits a dotted TOML key, honouring quotes.
func splitKey(s string) []string {
	var out []string
	var cur strings.Builder
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			} else {
				cur.WriteByte(ch)
			}
		case ch == '"' || ch == '\'':
			quote = ch
		case ch == '.':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		case ch == ' ' || ch == '\t':
		default:
			cur.WriteByte(ch)
		}
	}
	return append(out, strings.TrimSpace(cur.String()))
}

func prefixOf(a, b []string) bool {
	if len(a) > len(b) {
		return false
	}
	return slices.Equal(a, b[:len(a)])
}
