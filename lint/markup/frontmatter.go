package markup

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// checkedKeys are the front matter keys whose values are prose.
var checkedKeys = []string{"title", "description", "summary"}

// frontMatter finds YAML (---) or TOML (+++) front matter at the start of
// src (after a BOM) and returns the offset just after its closing line, or
// 0. The closing line is the same fence (or ... for YAML).
func frontMatter(src []byte) (end int, toml bool) {
	i := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		i = 3
	}
	first, next := lineAt(src, i)
	fence := strings.TrimRight(string(first), " \t")
	if fence != "---" && fence != "+++" {
		return 0, false
	}
	toml = fence == "+++"
	for i = next; i < len(src); {
		l, n := lineAt(src, i)
		t := strings.TrimRight(string(l), " \t")
		if t == fence || !toml && t == "..." {
			return n, toml
		}
		i = n
	}
	return 0, false
}

// lineAt returns the line starting at i without its line end, and the
// offset of the next line.
func lineAt(src []byte, i int) ([]byte, int) {
	j := bytes.IndexByte(src[i:], '\n')
	if j < 0 {
		return src[i:], len(src)
	}
	l := src[i : i+j]
	return bytes.TrimSuffix(l, []byte("\r")), i + j + 1
}

// fmValue is a top-level scalar of the front matter.
type fmValue struct {
	key    string
	s, e   int  // the value's bytes in the source, quotes excluded
	quote  byte // 0, '\'' or '"'
	single bool // single-quoted ('' is a quote) or TOML literal
	value  string
}

// parseFrontMatter reads the top-level "key: value" (YAML) or
// "key = value" (TOML) lines of src[start:end] whose value is a one-line
// scalar. Block scalars, flow collections, multi-line strings, nested keys
// and keys after a TOML [table] are left out.
func parseFrontMatter(src []byte, start, end int, toml bool) []fmValue {
	var out []fmValue
	_, i := lineAt(src, start) // the opening fence
	for i < end {
		l, next := lineAt(src, i)
		if next > end {
			break
		}
		ls := i
		i = next
		if len(l) == 0 || l[0] == ' ' || l[0] == '\t' || l[0] == '#' {
			continue
		}
		if toml && l[0] == '[' {
			break // a table: its keys are not top-level
		}
		k := 0
		for k < len(l) && (isAlnum(l[k]) || l[k] == '_' || l[k] == '-') {
			k++
		}
		if k == 0 {
			continue
		}
		key := string(l[:k])
		p := k
		for p < len(l) && (l[p] == ' ' || l[p] == '\t') {
			p++
		}
		sepc := byte(':')
		if toml {
			sepc = '='
		}
		if p >= len(l) || l[p] != sepc {
			continue
		}
		p++
		if !toml && p < len(l) && l[p] != ' ' && l[p] != '\t' {
			continue
		}
		for p < len(l) && (l[p] == ' ' || l[p] == '\t') {
			p++
		}
		if v, ok := scalar(l, p, toml); ok {
			v.key = key
			v.s += ls
			v.e += ls
			out = append(out, v)
		}
	}
	return out
}

// scalar reads a one-line scalar at l[p:].
func scalar(l []byte, p int, toml bool) (fmValue, bool) {
	if p >= len(l) {
		return fmValue{}, false
	}
	rest := func(q int) bool { // only a comment may follow a quoted value
		t := strings.TrimLeft(string(l[q:]), " \t")
		return t == "" || t[0] == '#'
	}
	switch c := l[p]; c {
	case '"':
		if toml && bytes.HasPrefix(l[p:], []byte(`"""`)) {
			return fmValue{}, false
		}
		var b strings.Builder
		for q := p + 1; q < len(l); q++ {
			switch l[q] {
			case '"':
				return fmValue{s: p + 1, e: q, quote: '"', value: b.String()}, rest(q + 1)
			case '\\':
				dec, n := unescapeQuoted(l[q:], toml)
				if n == 0 {
					return fmValue{}, false
				}
				b.WriteString(dec)
				q += n - 1
			default:
				b.WriteByte(l[q])
			}
		}
		return fmValue{}, false
	case '\'':
		if toml && bytes.HasPrefix(l[p:], []byte(`'''`)) {
			return fmValue{}, false
		}
		var b strings.Builder
		for q := p + 1; q < len(l); q++ {
			if l[q] != '\'' {
				b.WriteByte(l[q])
				continue
			}
			if !toml && q+1 < len(l) && l[q+1] == '\'' {
				b.WriteByte('\'')
				q++
				continue
			}
			return fmValue{s: p + 1, e: q, quote: '\'', single: true, value: b.String()}, rest(q + 1)
		}
		return fmValue{}, false
	case '|', '>', '[', '{', '&', '*', '!', '%', '@', '`':
		return fmValue{}, false
	}
	// a plain scalar (YAML) or a bare value (TOML: dates, numbers, booleans)
	e := len(l)
	for q := p; q < len(l); q++ {
		if l[q] == '#' && (l[q-1] == ' ' || l[q-1] == '\t') {
			e = q
			break
		}
	}
	for e > p && (l[e-1] == ' ' || l[e-1] == '\t') {
		e--
	}
	if e == p {
		return fmValue{}, false
	}
	return fmValue{s: p, e: e, value: string(l[p:e])}, true
}

// unescapeQuoted decodes the escape at b[0] ('\\') of a YAML double-quoted
// or TOML basic string.
func unescapeQuoted(b []byte, toml bool) (string, int) {
	if len(b) < 2 {
		return "", 0
	}
	switch b[1] {
	case '"', '\\', '/':
		return string(b[1]), 2
	case 'n':
		return "\n", 2
	case 't':
		return "\t", 2
	case 'r':
		return "\r", 2
	case 'b':
		return "\b", 2
	case 'f':
		return "\f", 2
	case 'e':
		return "\x1b", 2
	case '0':
		if !toml {
			return "\x00", 2
		}
	case ' ':
		if !toml {
			return " ", 2
		}
	case '_':
		if !toml {
			return "\u00A0", 2
		}
	case 'x', 'u', 'U':
		n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[b[1]]
		if b[1] == 'x' && toml || len(b) < 2+n {
			return "", 0
		}
		v, err := strconv.ParseUint(string(b[2:2+n]), 16, 32)
		if err != nil || !utf8.ValidRune(rune(v)) {
			return "", 0
		}
		return string(rune(v)), 2 + n
	}
	return "", 0
}

// frontMatterDate reads a date value: YYYY-MM-DD or an RFC 3339 timestamp
// (T or a space between date and time), returning its date as written.
func frontMatterDate(v string) string {
	if len(v) < 10 {
		return ""
	}
	d := v[:10]
	if _, err := time.Parse("2006-01-02", d); err != nil {
		return ""
	}
	if len(v) == 10 {
		return d
	}
	ts := v
	if ts[10] == ' ' {
		ts = ts[:10] + "T" + ts[11:]
	}
	if _, err := time.Parse(time.RFC3339Nano, ts); err != nil {
		// a local date-time (TOML) or a timestamp without a zone
		if _, err := time.Parse("2006-01-02T15:04:05", ts); err != nil {
			if _, err := time.Parse("2006-01-02T15:04", ts); err != nil {
				return ""
			}
		}
	}
	return d
}

// readFrontMatter fills x from the front matter of src and writes the
// checked values to b, each as a block. It returns the offset where the
// body starts.
func readFrontMatter(b *builder, x *Extras, src []byte, opts Options) int {
	end, toml := frontMatter(src)
	if end == 0 {
		return 0
	}
	x.FrontMatterEnd = end
	x.FrontMatter = map[string]string{}
	start := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		start = 3
	}
	checked := map[string]bool{}
	for _, k := range checkedKeys {
		checked[k] = true
	}
	for _, k := range opts.FrontMatterKeys {
		checked[k] = true
	}
	for _, v := range parseFrontMatter(src, start, end, toml) {
		if _, dup := x.FrontMatter[v.key]; dup {
			continue
		}
		x.FrontMatter[v.key] = v.value
		switch {
		case v.key == "date":
			x.Date = frontMatterDate(v.value)
		case checked[v.key]:
			b.isolate()
			writeValue(b, src, v, toml)
			b.isolate()
		}
	}
	return end
}

// writeValue writes a front matter value to the text: an escape is decoded
// and mapped as a unit, ” in a YAML single-quoted string is one quote.
func writeValue(b *builder, src []byte, v fmValue, toml bool) {
	switch v.quote {
	case 0:
		b.prose(v.s, v.e, modePlain)
	case '\'':
		run := v.s
		for q := v.s; q < v.e; q++ {
			if src[q] == '\'' && !toml { // the first of ''
				b.prose(run, q, modePlain)
				run = q + 1
				q++
			}
		}
		b.prose(run, v.e, modePlain)
	case '"':
		run := v.s
		for q := v.s; q < v.e; q++ {
			if src[q] != '\\' {
				continue
			}
			b.prose(run, q, modePlain)
			dec, n := unescapeQuoted(src[q:v.e], toml)
			if n == 2 && dec == string(src[q+1]) {
				b.verbatim(q+1, q+2)
			} else {
				b.entity(dec, q, q+n)
			}
			q += n - 1
			run = q + 1
		}
		b.prose(run, v.e, modePlain)
	}
}

// FrontMatterValue returns the value of a top-level scalar key of the
// YAML or TOML front matter at the start of src (as Parse reads it into
// Extras.FrontMatter for Markdown; the first if given twice), without
// parsing the rest of the document. ok is false when there is no front
// matter or no such key.
func FrontMatterValue(src []byte, key string) (value string, ok bool) {
	end, toml := frontMatter(src)
	if end == 0 {
		return "", false
	}
	start := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		start = 3
	}
	for _, v := range parseFrontMatter(src, start, end, toml) {
		if v.key == key {
			return v.value, true
		}
	}
	return "", false
}
