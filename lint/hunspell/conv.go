package hunspell

import (
	"sort"
	"strings"
)

// convTable is an ICONV table. A pattern starting with _ applies at the
// start of a word only, one ending with _ at the end only; any other _
// stands for a space.
type convTable struct {
	entries []convEntry // sorted by pattern
	first   [256]bool   // first bytes of the patterns
}

type convEntry struct {
	pattern string
	out     [4]string // anywhere, at the start, at the end, whole word
}

func (t *convTable) add(pattern, out string) {
	kind := 0
	if strings.HasPrefix(pattern, "_") {
		pattern = pattern[1:]
		kind = 1
	}
	if strings.HasSuffix(pattern, "_") {
		pattern = pattern[:len(pattern)-1]
		kind += 2
	}
	if pattern == "" || out == "" {
		return
	}
	pattern = strings.ReplaceAll(pattern, "_", " ")
	out = strings.ReplaceAll(out, "_", " ")
	i := sort.Search(len(t.entries), func(i int) bool { return t.entries[i].pattern >= pattern })
	if i < len(t.entries) && t.entries[i].pattern == pattern {
		t.entries[i].out[kind] = out
		return
	}
	t.entries = append(t.entries, convEntry{})
	copy(t.entries[i+1:], t.entries[i:])
	t.entries[i] = convEntry{pattern: pattern}
	t.entries[i].out[kind] = out
	t.first[pattern[0]] = true
}

// replacement returns the output for entry e matching at the start of s,
// at the start of the word or not; "" if none applies.
func (e *convEntry) replacement(s string, atStart bool) string {
	kind := 0
	if atStart {
		kind = 1
	}
	if len(s) == len(e.pattern) {
		kind += 2
	}
	// Fall back from the most specific form to the general one, as
	// Hunspell does.
	for kind > 0 && e.out[kind] == "" {
		if kind == 2 && !atStart {
			kind = 0
		} else {
			kind--
		}
	}
	return e.out[kind]
}

// conv applies the table to word, at each position the longest pattern
// that matches.
func (t *convTable) conv(word string) string {
	if t == nil || len(t.entries) == 0 {
		return word
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(word); {
		if t.first[word[i]] {
			rest := word[i:]
			best := -1
			for k := range t.entries {
				if len(t.entries[k].pattern) > len(rest) || (best >= 0 && len(t.entries[k].pattern) <= len(t.entries[best].pattern)) {
					continue
				}
				if strings.HasPrefix(rest, t.entries[k].pattern) {
					if r := t.entries[k].replacement(rest, i == 0); r != "" {
						best = k
					}
				}
			}
			if best >= 0 {
				if !changed {
					b.Grow(len(word) + 8)
					b.WriteString(word[:i])
					changed = true
				}
				b.WriteString(t.entries[best].replacement(rest, i == 0))
				i += len(t.entries[best].pattern)
				continue
			}
		}
		if changed {
			b.WriteByte(word[i])
		}
		i++
	}
	if !changed {
		return word
	}
	return b.String()
}
