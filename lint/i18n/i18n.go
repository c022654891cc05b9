// Package i18n holds daqiq's message catalogues: every message, rule
// summary and rule document in Arabic (the default) and English.
//
// A catalogue is data: TOML files of tables, one table per rule id
// (["spelling/misspelling"]) or per part of the program (["text"]), each
// key a message template. A template names its arguments {1}, {2}…, in
// the order the code passes them, so that a translation can put them
// where its language wants them. The rule families register their
// catalogues when their package is loaded (Register); the test of
// rules/ checks that every rule has its Arabic documents and that both
// languages have the same messages with the same arguments.
package i18n

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
)

// Lang is a language of the catalogue. The zero value is Arabic.
type Lang uint8

const (
	Ar Lang = iota // Arabic, the default
	En             // English
)

// Langs are the catalogue's languages.
var Langs = []Lang{Ar, En}

func (l Lang) String() string {
	if l == En {
		return "en"
	}
	return "ar"
}

// Parse reads a language code: ar or en, with or without a region
// (ar-SA, en_US), in any case; "" is Arabic.
func Parse(s string) (Lang, error) {
	code := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	switch code {
	case "", "ar":
		return Ar, nil
	case "en":
		return En, nil
	}
	return Ar, fmt.Errorf("unknown language %q (want ar or en)", s)
}

var (
	mu      sync.RWMutex
	books   [2]map[string]map[string]string // lang → table → key → template
	pending [2][]file                       // registered, not yet decoded
	decoded [2]atomic.Bool                  // pending[lang] is empty
)

// file is a catalogue file waiting to be decoded: its bytes, or the file
// system it is read from when its language is first asked for.
type file struct {
	name string
	data []byte
	fsys fs.FS
	path string
}

// Register adds a catalogue file of one language. It is decoded when the
// language is first asked for (a run in Arabic never decodes the English
// files unless a message falls back to them). A table or key given twice,
// or a file that does not parse, is a programming error: it panics with
// the file's name then.
func Register(lang Lang, name string, data []byte) {
	mu.Lock()
	defer mu.Unlock()
	pending[lang] = append(pending[lang], file{name: name, data: data})
	decoded[lang].Store(false)
}

// RegisterFamily registers the catalogue of a rule family: the files
// messages_ar.toml and messages_en.toml of fsys (the family's embedded
// files), named dir/messages_ar.toml and dir/messages_en.toml in errors.
// Like Register's, a file is read and decoded only when its language is
// first asked for; one missing from fsys is a programming error and panics
// then.
func RegisterFamily(fsys fs.FS, dir string) {
	mu.Lock()
	defer mu.Unlock()
	for _, f := range [...]struct {
		lang Lang
		path string
	}{{Ar, "messages_ar.toml"}, {En, "messages_en.toml"}} {
		pending[f.lang] = append(pending[f.lang], file{name: dir + "/" + f.path, fsys: fsys, path: f.path})
		decoded[f.lang].Store(false)
	}
}

// decode decodes the pending files of lang, once.
func decode(lang Lang) {
	if decoded[lang].Load() {
		return
	}
	mu.Lock()
	defer mu.Unlock()
	for _, f := range pending[lang] {
		if f.fsys != nil {
			data, err := fs.ReadFile(f.fsys, f.path)
			if err != nil {
				panic(fmt.Sprintf("i18n: %s: %v", f.name, err))
			}
			f.data = data
		}
		add(lang, f.name, f.data)
	}
	pending[lang] = nil
	decoded[lang].Store(true)
}

// add decodes one file into books; mu is held.
func add(lang Lang, name string, data []byte) {
	var tables map[string]map[string]string
	if _, err := toml.Decode(string(data), &tables); err != nil {
		panic(fmt.Sprintf("i18n: %s: %v", name, err))
	}
	if books[lang] == nil {
		books[lang] = map[string]map[string]string{}
	}
	for t, keys := range tables {
		book := books[lang][t]
		if book == nil {
			book = map[string]string{}
			books[lang][t] = book
		}
		for k, v := range keys {
			if _, dup := book[k]; dup {
				panic(fmt.Sprintf("i18n: %s: [%q] %s given twice", name, t, k))
			}
			book[k] = v
		}
	}
}

// Lookup returns the template of table and key in lang, if the
// catalogue has it.
func Lookup(lang Lang, table, key string) (string, bool) {
	decode(lang)
	mu.RLock()
	defer mu.RUnlock()
	s, ok := books[lang][table][key]
	return s, ok
}

// T formats the template of table and key in lang with args; a template
// missing in lang is taken from English, and one missing in both gives
// "table.key" and the arguments, so that a gap shows instead of
// vanishing (the catalogue test finds it first).
func T(lang Lang, table, key string, args ...any) string {
	tmpl, ok := Lookup(lang, table, key)
	if !ok {
		missing.Store(Missing{lang, table, key}, true)
	}
	if !ok && lang != En {
		tmpl, ok = Lookup(En, table, key)
	}
	if !ok {
		parts := []string{table + "." + key}
		for _, a := range args {
			parts = append(parts, fmt.Sprint(a))
		}
		return strings.Join(parts, " ")
	}
	return Format(tmpl, args...)
}

// Missing is a message asked for (T) that the catalogue of its
// language lacks.
type Missing struct {
	Lang       Lang
	Table, Key string
}

var missing sync.Map // Missing → true

// Gaps returns the messages asked for so far that the catalogue lacks,
// for the tests.
func Gaps() []Missing {
	var out []Missing
	missing.Range(func(k, _ any) bool {
		out = append(out, k.(Missing))
		return true
	})
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Table != b.Table {
			return a.Table < b.Table
		}
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		return a.Lang < b.Lang
	})
	return out
}

// Format puts the arguments into a template's {1}…{9}.
func Format(tmpl string, args ...any) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 || i+2 >= len(tmpl) || tmpl[i+2] != '}' || tmpl[i+1] < '1' || tmpl[i+1] > '9' {
			if i < 0 {
				b.WriteString(tmpl)
				return b.String()
			}
			b.WriteString(tmpl[:i+1])
			tmpl = tmpl[i+1:]
			continue
		}
		b.WriteString(tmpl[:i])
		if n := int(tmpl[i+1] - '1'); n < len(args) {
			b.WriteString(fmt.Sprint(args[n]))
		}
		tmpl = tmpl[i+3:]
	}
}

// Args lists the argument numbers a template uses, sorted.
func Args(tmpl string) []int {
	seen := map[int]bool{}
	for i := 0; i+2 < len(tmpl); i++ {
		if tmpl[i] == '{' && tmpl[i+2] == '}' && tmpl[i+1] >= '1' && tmpl[i+1] <= '9' {
			seen[int(tmpl[i+1]-'0')] = true
		}
	}
	out := make([]int, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

// Tables returns the catalogue of lang: table → key → template, a copy.
func Tables(lang Lang) map[string]map[string]string {
	decode(lang)
	mu.RLock()
	defer mu.RUnlock()
	out := make(map[string]map[string]string, len(books[lang]))
	for t, keys := range books[lang] {
		m := make(map[string]string, len(keys))
		for k, v := range keys {
			m[k] = v
		}
		out[t] = m
	}
	return out
}

// Plural picks the form of a count for lang from the table's key with
// a suffix: English .one and .other; Arabic the categories of its
// grammar of numbers, .one (1), .two (2), .few (3 to 10, and the same
// last two digits), .many (11 to 99) and .other (0, 100, 1000…), each
// falling back to .other. {1} in the template is the count.
func Plural(lang Lang, table, key string, n int) string {
	form := pluralForm(lang, n)
	if _, ok := Lookup(lang, table, key+"."+form); !ok {
		form = "other"
	}
	return T(lang, table, key+"."+form, number(lang, n))
}

// number writes a count as lang does: 1,500 in English, 1500 in Arabic
// copy (whose digit grouping varies from paper to paper).
func number(lang Lang, n int) string {
	s := strconv.Itoa(n)
	if lang != En || n < 1000 && n > -1000 {
		return s
	}
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func pluralForm(lang Lang, n int) string {
	if lang == En {
		if n == 1 {
			return "one"
		}
		return "other"
	}
	switch m := n % 100; {
	case n == 1:
		return "one"
	case n == 2:
		return "two"
	case m >= 3 && m <= 10:
		return "few"
	case m >= 11 && m <= 99:
		return "many"
	}
	return "other"
}
