// Package baseline records the findings a project already knows about, so
// that a check can report only new ones.
//
// A finding is identified by its rule, the path of its file and a hash of
// its neighbourhood: the flagged text and up to two words (at most 32
// characters) on each side of it on the same line, all normalised (harakat,
// tatweel and invisible characters removed, every run of whitespace one
// space, line ends ignored). The line number is not part of it, so a
// baseline survives edits elsewhere in the file; changing the flagged text
// or the words right beside it makes the finding new. Identical findings in
// one file (same rule, same neighbourhood) are counted: a third one where
// the baseline has two is reported.
//
// The file is JSON, one finding per line, sorted by path, rule and hash, so
// that it diffs and merges well:
//
//	{
//	  "version": 1,
//	  "findings": [
//	    {"path": "news/a.txt", "rule": "spelling/misspelling", "hash": "9c1f0a7e5b2d4c83", "count": 1, "text": "إجتماع"}
//	  ]
//	}
//
// "text" is the flagged text, for people reading the file; it is not
// matched.
package baseline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// Version is the format version written and read.
const Version = 1

// contextWords and contextRunes bound the neighbourhood on each side.
const (
	contextWords = 2
	contextRunes = 32
	textRunes    = 60 // the length of the "text" shown in the file
)

// Entry is one known finding, with how many times it occurs in its file.
type Entry struct {
	Path  string `json:"path"` // slash-separated
	Rule  string `json:"rule"`
	Hash  string `json:"hash"`
	Count int    `json:"count"`
	Text  string `json:"text,omitempty"` // for people; not matched
}

type key struct{ path, rule, hash string }

// Baseline is a set of known findings. A nil *Baseline knows nothing: its
// Filter returns every finding.
type Baseline struct {
	entries map[key]*Entry
}

// Build records every diagnostic of files. Paths are made relative to root
// (normally the directory of the baseline file); with root "" they are kept
// as given. See Path.
func Build(files []lint.File, root string) *Baseline {
	b := &Baseline{entries: map[key]*Entry{}}
	for _, f := range files {
		p := Path(f.Doc.Path, root)
		for _, d := range f.Diagnostics {
			hash, text := fingerprint(f.Doc.Src, d.Start, d.End)
			k := key{p, d.Rule, hash}
			if e, ok := b.entries[k]; ok {
				e.Count++
				continue
			}
			b.entries[k] = &Entry{Path: p, Rule: d.Rule, Hash: hash, Count: 1, Text: display(text)}
		}
	}
	return b
}

// Len is the number of findings recorded, counts included.
func (b *Baseline) Len() int {
	if b == nil {
		return 0
	}
	n := 0
	for _, e := range b.entries {
		n += e.Count
	}
	return n
}

// Entries returns the findings sorted by path, rule and hash.
func (b *Baseline) Entries() []Entry {
	if b == nil {
		return nil
	}
	out := make([]Entry, 0, len(b.entries))
	for _, e := range b.entries {
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Hash < y.Hash
	})
	return out
}

// Filter returns f without the diagnostics the baseline knows, path taken
// relative to root as in Build. Each known finding absorbs at most its
// count of matching diagnostics, in file order; the rest are kept. Filter
// does not change the baseline: filtering the same file twice gives the
// same result.
func (b *Baseline) Filter(f lint.File, root string) lint.File {
	if b == nil || len(b.entries) == 0 || len(f.Diagnostics) == 0 {
		return f
	}
	p := Path(f.Doc.Path, root)
	left := map[key]int{}
	kept := f.Diagnostics[:0:0]
	for _, d := range f.Diagnostics {
		hash, _ := fingerprint(f.Doc.Src, d.Start, d.End)
		k := key{p, d.Rule, hash}
		n, seen := left[k]
		if !seen {
			if e, ok := b.entries[k]; ok {
				n = e.Count
			}
		}
		if n > 0 {
			left[k] = n - 1
			continue
		}
		left[k] = 0
		kept = append(kept, d)
	}
	return lint.File{Doc: f.Doc, Diagnostics: kept}
}

// Path is the path a baseline records for a file reported as path: relative
// to root and slash-separated; with root "", or when no relative path
// exists (another volume), path itself, cleaned and slash-separated.
// Standard input ("-") stays "-". Both are taken as they are, relative to
// the current directory; symbolic links are not resolved.
func Path(path, root string) string {
	if path == "-" {
		return path
	}
	if root != "" {
		ap, err1 := filepath.Abs(path)
		ar, err2 := filepath.Abs(root)
		if err1 == nil && err2 == nil {
			if rel, err := filepath.Rel(ar, ap); err == nil {
				return filepath.ToSlash(rel)
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(path))
}

// Fingerprint returns the hash identifying the finding [start, end) of src
// (byte offsets, as in lint.File) independently of its line number.
func Fingerprint(src []byte, start, end int) string {
	h, _ := fingerprint(src, start, end)
	return h
}

func fingerprint(src []byte, start, end int) (hash string, text string) {
	start = min(max(start, 0), len(src))
	end = min(max(end, start), len(src))
	ls := bytes.LastIndexByte(src[:start], '\n') + 1
	le := len(src)
	if i := bytes.IndexByte(src[end:], '\n'); i >= 0 {
		le = end + i
	}
	text = string(src[start:end])
	before := lastWords(normalize(string(src[ls:start])))
	after := firstWords(normalize(string(src[end:le])))
	sum := sha256.Sum256([]byte(before + "\x00" + normalize(text) + "\x00" + after))
	return hex.EncodeToString(sum[:8]), text
}

// normalize removes harakat, tatweel and invisible characters and turns
// every run of whitespace (line ends included) into one space.
func normalize(s string) string {
	s = arabic.Key(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// lastWords keeps the end of s: its last contextWords words (a word cut by
// the span counts as one) and the space after them, at most contextRunes
// runes.
func lastWords(s string) string {
	i, words := len(s), 0
	for i > 0 {
		j := strings.LastIndexByte(s[:i], ' ')
		if j+1 < i { // a word s[j+1:i]
			words++
			if words == contextWords {
				i = j + 1
				break
			}
		}
		i = j
		if i < 0 {
			i = 0
		}
	}
	s = strings.TrimLeft(s[i:], " ")
	if n := utf8.RuneCountInString(s); n > contextRunes {
		r := []rune(s)
		s = string(r[n-contextRunes:])
	}
	return s
}

// firstWords keeps the start of s: the space before its first
// contextWords words and the words, at most contextRunes runes.
func firstWords(s string) string {
	i, words := 0, 0
	for i < len(s) {
		if s[i] == ' ' {
			i++
			continue
		}
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			i = len(s)
		} else {
			i += j
		}
		words++
		if words == contextWords {
			break
		}
	}
	s = strings.TrimRight(s[:i], " ")
	if utf8.RuneCountInString(s) > contextRunes {
		s = string([]rune(s)[:contextRunes])
	}
	return s
}

// display shortens text for the "text" field and shows invisible and
// control characters as <U+XXXX>, so that no bidi control reorders the
// baseline in a diff.
func display(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == textRunes {
			b.WriteString("…")
			break
		}
		n++
		if unicode.Is(unicode.Cf, r) || unicode.IsControl(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Write writes the baseline as JSON, one finding per line, sorted.
func (b *Baseline) Write(w io.Writer) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n  \"findings\": [", Version)
	entries := b.Entries()
	for i, e := range entries {
		line, err := marshal(e)
		if err != nil {
			return err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		buf.Write(line)
	}
	if len(entries) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// marshal writes an entry on one line with its fields in a fixed order:
// {"path": "a.txt", "rule": "...", "hash": "...", "count": 1, "text": "..."}.
func marshal(e Entry) ([]byte, error) {
	var out, buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	fields := []struct {
		name string
		v    any
	}{{"path", e.Path}, {"rule", e.Rule}, {"hash", e.Hash}, {"count", e.Count}, {"text", e.Text}}
	out.WriteByte('{')
	for i, f := range fields {
		if f.name == "text" && e.Text == "" {
			continue
		}
		buf.Reset()
		if err := enc.Encode(f.v); err != nil {
			return nil, err
		}
		if i > 0 {
			out.WriteString(", ")
		}
		fmt.Fprintf(&out, "%q: %s", f.name, bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// WriteFile writes the baseline to path through a temporary file and a
// rename.
func (b *Baseline) WriteFile(path string) error {
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// Error is a problem in a baseline file, at a line and column when known.
type Error struct {
	Path      string
	Line, Col int // 1-based; 0 when unknown
	Msg       string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Load reads a baseline file. A missing file is an error that satisfies
// errors.Is(err, fs.ErrNotExist); a malformed one is an *Error naming the
// file, the line and column and the problem. Findings listed twice have
// their counts added.
func Load(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads a baseline from data; name is used in errors.
func Parse(name string, data []byte) (*Baseline, error) {
	fail := func(off int64, format string, args ...any) error {
		line, col := position(data, off)
		return &Error{Path: name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{Path: name, Msg: "empty file: want a JSON object with \"version\" and \"findings\""}
	}
	if !utf8.Valid(data) {
		return nil, &Error{Path: name, Msg: "not valid UTF-8"}
	}
	for i, line := range bytes.Split(data, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("<<<<<<<")) || bytes.HasPrefix(line, []byte(">>>>>>>")) {
			return nil, &Error{Path: name, Line: i + 1, Col: 1, Msg: "unresolved merge conflict: regenerate the baseline"}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	jsonErr := func(err error, at int64) error {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return fail(se.Offset, "invalid JSON: %v", se)
		case errors.As(err, &te): // its Offset is not in the stream: use the value's start
			if te.Field != "" {
				return fail(at, "%s: want %s, found %s", te.Field, te.Type, te.Value)
			}
			return fail(at, "want %s, found %s", te.Type, te.Value)
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return fail(int64(len(data)), "invalid JSON: unexpected end of file")
		}
		return fail(at, "%s", strings.TrimPrefix(err.Error(), "json: "))
	}
	tok := func() (json.Token, int64, error) {
		at := skipSpace(data, dec.InputOffset())
		t, err := dec.Token()
		if err != nil {
			return nil, at, jsonErr(err, at)
		}
		return t, at, nil
	}
	t, at, err := tok()
	if err != nil {
		return nil, err
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return nil, fail(at, "want a JSON object with \"version\" and \"findings\"")
	}
	b := &Baseline{entries: map[key]*Entry{}}
	version, haveFindings := 0, false
	for dec.More() {
		t, at, err := tok()
		if err != nil {
			return nil, err
		}
		switch t {
		case "version":
			vat := skipSpace(data, dec.InputOffset())
			if err := dec.Decode(&version); err != nil {
				return nil, jsonErr(err, vat)
			}
			if version != Version {
				return nil, fail(vat, "unsupported baseline version %d (this daqiq reads version %d)", version, Version)
			}
		case "findings":
			haveFindings = true
			t, at, err := tok()
			if err != nil {
				return nil, err
			}
			if d, ok := t.(json.Delim); !ok || d != '[' {
				return nil, fail(at, "findings: want a list")
			}
			for dec.More() {
				eat := skipSpace(data, dec.InputOffset())
				var e Entry
				if err := dec.Decode(&e); err != nil {
					return nil, jsonErr(err, eat)
				}
				switch {
				case e.Path == "":
					return nil, fail(eat, "finding has no \"path\"")
				case e.Rule == "":
					return nil, fail(eat, "finding has no \"rule\"")
				case e.Hash == "":
					return nil, fail(eat, "finding has no \"hash\"")
				case e.Count < 1:
					return nil, fail(eat, "finding has count %d: want 1 or more", e.Count)
				}
				k := key{e.Path, e.Rule, e.Hash}
				if old, ok := b.entries[k]; ok {
					old.Count += e.Count
					continue
				}
				b.entries[k] = &e
			}
			if _, _, err := tok(); err != nil { // ]
				return nil, err
			}
		default:
			return nil, fail(at, "unknown key %v (want \"version\" and \"findings\")", t)
		}
	}
	if _, _, err := tok(); err != nil { // }
		return nil, err
	}
	if version == 0 {
		return nil, fail(0, "no \"version\"")
	}
	if !haveFindings {
		return nil, fail(0, "no \"findings\"")
	}
	if at := skipSpace(data, dec.InputOffset()); at < int64(len(data)) {
		return nil, fail(at, "unexpected text after the JSON object")
	}
	return b, nil
}

// skipSpace skips the white space and the separators (: and ,) the
// decoder has not consumed yet, to the next token.
func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
			continue
		}
		break
	}
	return off
}

// position converts a byte offset to a 1-based line and a column in code
// points.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	ls := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[ls:]) + 1
}
