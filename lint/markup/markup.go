// Package markup turns Markdown and HTML files into documents whose text is
// the prose an editor writes, with every byte of that text mapped back to
// the bytes of the file it came from.
//
// Parse chooses the format by the file's extension. What is checked:
//
//   - Markdown (goldmark, with GFM tables, strikethrough and task lists):
//     paragraphs, headings, list items, block quotes, table cells, link text
//     and image alt text; and the title, description and summary of YAML
//     (---) or TOML (+++) front matter. Code spans, fenced and indented
//     code, autolinks and bare URLs, raw HTML and HTML comments are not.
//   - HTML (golang.org/x/net/html tokenizer): text and the values of the
//     title and alt attributes, except inside script, style, code, pre, kbd,
//     samp, textarea and the other elements listed in html.go.
//   - anything else: plain text, as source.New.
//
// The text is built so that the rules see prose, not markup:
//
//   - blocks are separated by "\n\n", mapped as a unit onto the markup
//     between them: ToSrcStart of the break is the end of the block before,
//     ToSrc of its end the start of the block after, so a span that takes
//     in a break takes in that markup too and is not Editable;
//   - a block that is not running prose (a table cell, a front matter
//     value, an HTML title, a title or alt attribute) is set off by
//     isolatingBreak, a paragraph holding only U+FFFC, so that identical
//     cells or a title repeated as the heading do not read as a repeated
//     paragraph; an attribute value is a block where its tag is, which
//     splits a paragraph around <a title> but keeps the text in source
//     order;
//   - an inline element that is not prose (a code span, a URL, an image in
//     HTML) becomes one U+FFFC OBJECT REPLACEMENT CHARACTER mapped onto the
//     element, so that "قال `x` إن" does not read as two spaces or
//     "كلمة `x` كلمة" as a doubled word; one at the start or the end of a
//     block is dropped;
//   - character references (&nbsp; &laquo; &#1575;) and Markdown backslash
//     escapes are decoded; a decoded reference is mapped onto its source
//     bytes as a unit (see entitySegs for the one imprecision);
//   - in HTML whitespace collapses as a browser shows it: a run holding a
//     line break becomes that line break, any other run one space, and
//     whitespace at the start and end of a block is dropped.
//
// Diagnostics come back from the runner on source offsets; Extras.Filter
// then drops what a directive suppresses and demotes to display-only every
// fix that would touch markup, a skipped element, a block break or part of
// a character reference.
package markup

import (
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/source"
)

// Format is the kind of file a document was read as.
type Format uint8

const (
	// Auto chooses the format by extension (Options.Format only).
	Auto Format = iota
	Plain
	Markdown
	HTML
)

func (f Format) String() string {
	return [...]string{"auto", "text", "markdown", "html"}[f]
}

// FormatOf returns the format Parse uses for a path: .md and .markdown are
// Markdown, .html and .htm HTML, anything else plain text.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return Markdown
	case ".html", ".htm":
		return HTML
	}
	return Plain
}

// Options tune Parse.
type Options struct {
	// FrontMatterKeys are more front matter keys whose values are checked
	// as text, after title, description and summary.
	FrontMatterKeys []string
	// Format overrides the choice by extension.
	Format Format
}

// Placeholder stands in the text for an inline element that is not prose.
const Placeholder = "\uFFFC"

// Extras is what Parse found beside the text.
type Extras struct {
	Format Format
	// Date is the front matter date as YYYY-MM-DD (the date part of an
	// RFC 3339 timestamp as written), or "" when there is none or it is not
	// a valid date. It is the dateline for the date rules.
	Date string
	// FrontMatter holds the top-level scalar values of the front matter,
	// decoded, by key.
	FrontMatter map[string]string
	// FrontMatterEnd is the source offset just after the front matter's
	// closing line, 0 when there is none.
	FrontMatterEnd int
	// Directives are the suppression comments, in source order.
	Directives []Directive

	src    []byte
	pieces []piece   // source ranges the text was copied or decoded from, sorted
	sup    *supIndex // the directives by what they silence, for Suppressed
}

// piece is a range of the source that reached the text: copied byte for
// byte (verbatim) or decoded as a unit (a character reference, an escape
// in a front matter string).
type piece struct {
	s, e   int
	entity bool
}

// Editable reports whether an edit of the source bytes [start, end) (source
// offsets, as the runner returns them) touches prose only: every byte is a
// byte copied into the text or part of a character reference the edit
// covers whole. An insertion (start == end) must sit inside prose or at its
// edge; in Markdown an edge next to markup counts only when the other side
// is whitespace, since a space inserted inside ** or _ breaks the emphasis.
// Plain text is editable everywhere.
func (x *Extras) Editable(start, end int) bool {
	if x == nil || x.Format == Plain {
		return true
	}
	if start < 0 || end > len(x.src) || start > end {
		return false
	}
	// i: the first piece that ends after start
	i := sort.Search(len(x.pieces), func(i int) bool { return x.pieces[i].e > start })
	if start == end {
		var left, right bool
		if i < len(x.pieces) {
			p := x.pieces[i]
			if p.s < start { // strictly inside
				return !p.entity
			}
			right = p.s == start
		}
		left = i > 0 && x.pieces[i-1].e == start
		if !left && !right {
			return false
		}
		if x.Format == HTML || left && right {
			return true
		}
		if left {
			return start == len(x.src) || isSpace(x.src[start])
		}
		return start == 0 || isSpace(x.src[start-1])
	}
	pos := start
	for ; i < len(x.pieces) && pos < end; i++ {
		p := x.pieces[i]
		if p.s > pos {
			return false
		}
		if p.entity && (p.s < pos || p.e > end) {
			return false
		}
		pos = p.e
	}
	return pos >= end
}

// Fixable reports whether every edit of a fix is Editable and inserts
// nothing that markup would read as syntax: no < or & in HTML, none of
// \ ` * _ [ ] < > & | # in Markdown, no quote, backslash, # or line break
// in a front matter value.
func (x *Extras) Fixable(f lint.SuggestedFix) bool {
	for _, e := range f.Edits {
		if !x.Editable(e.Start, e.End) || !x.safeNew(e.Start, e.New) {
			return false
		}
	}
	return true
}

func (x *Extras) safeNew(at int, s string) bool {
	if x == nil || x.Format == Plain {
		return true
	}
	bad := "<&"
	if x.Format == Markdown {
		bad = "\\`*_[]<>&|#"
		if at < x.FrontMatterEnd {
			bad = "\"'\\#\n\r"
		}
	}
	return !strings.ContainsAny(s, bad)
}

// Filter is what a caller does with the runner's diagnostics for a markup
// document: it drops those a directive suppresses (marking the directive
// used) and demotes to DisplayOnly every fix that is not Fixable, so that
// --fix and --diff never touch markup while the suggestion is still shown.
// It works in place and returns the kept diagnostics.
func (x *Extras) Filter(ds []lint.Diagnostic) []lint.Diagnostic {
	if x == nil {
		return ds
	}
	out := ds[:0]
	for _, d := range ds {
		if x.Suppressed(d.Rule, d.Start) {
			continue
		}
		for i, f := range d.Fixes {
			if f.Applicability != lint.DisplayOnly && !x.Fixable(f) {
				d.Fixes[i].Applicability = lint.DisplayOnly
			}
		}
		out = append(out, d)
	}
	return out
}

// Parse reads src as the format of path (or opts.Format) and returns the
// document to lint and what was found beside its text. Invalid UTF-8 is a
// *source.EncodingError, as from source.New; Markdown nested deeper than
// MaxNesting, or with tables too large for the parser, a *LimitError.
func Parse(path string, src []byte, opts Options) (*source.Document, *Extras, error) {
	f := opts.Format
	if f == Auto {
		f = FormatOf(path)
	}
	x := &Extras{Format: f, src: src}
	if f == Plain {
		doc, err := source.New(path, src)
		if err != nil {
			return nil, nil, err
		}
		return doc, x, nil
	}
	if !utf8.Valid(src) { // the error, with its offset, as NewMapped gives it
		if _, err := source.New(path, src); err != nil {
			return nil, nil, err
		}
	}
	b := newBuilder(src)
	switch f {
	case Markdown:
		if err := parseMarkdown(b, x, opts); err != nil {
			err.Path = path
			return nil, nil, err
		}
	case HTML:
		parseHTML(b, x)
	}
	b.block()
	x.pieces = b.finishPieces()
	x.resolveDirectives()
	doc, err := source.NewMapped(path, src, string(b.text), b.segs)
	if err != nil {
		return nil, nil, err
	}
	return doc, x, nil
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
