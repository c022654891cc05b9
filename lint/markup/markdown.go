package markup

import (
	"bytes"
	"regexp"
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// md is goldmark with the GFM extensions that change what is prose: tables,
// strikethrough and task lists. Linkify is left out: bare URLs are found by
// findURLs, which also takes Arabic letters in a path.
var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))

// mergeBlank is mergeBlankLines, a variable for the test that compares
// Parse with and without it.
var mergeBlank = mergeBlankLines

// mdWalker walks goldmark's tree. goldmark's segments are offsets into the
// body it parsed, which starts base bytes into the file.
type mdWalker struct {
	b    *builder
	x    *Extras
	src  []byte
	base int
	// skip is set between an inline raw <code> (<kbd>, <samp>, <script>,
	// <style>) and its end tag: the text between is not prose.
	skip      string
	skipStart int
}

// parseMarkdown reads the front matter and the Markdown after it, unless
// that is beyond the limits of markdownLimits: then it returns the error
// (its Path left to the caller).
func parseMarkdown(b *builder, x *Extras, opts Options) *LimitError {
	src := b.src
	base := readFrontMatter(b, x, src, opts)
	body := src[base:]
	if base == 0 && bytes.HasPrefix(body, []byte("\uFEFF")) {
		// goldmark reads a BOM as text; parse after it
		base = 3
		body = src[base:]
	}
	if at, msg := markdownLimits(body); at >= 0 {
		return &LimitError{Line: 1 + bytes.Count(src[:base+at], []byte("\n")), Msg: msg}
	}
	root := md.Parser().Parse(text.NewReader(mergeBlank(body)))
	w := &mdWalker{b: b, x: x, src: src, base: base}
	w.blocks(root)
	return nil
}

func (w *mdWalker) blocks(n ast.Node) {
	for _, c := range inSourceOrder(n) {
		switch c.Kind() {
		case east.KindTableCell:
			w.b.isolate()
			w.skip = ""
			w.inline(c)
			w.b.isolate()
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			w.b.block()
			w.skip = ""
			w.inline(c)
			w.b.block()
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindThematicBreak:
			w.b.block()
		case ast.KindHTMLBlock:
			w.b.block()
			h := c.(*ast.HTMLBlock)
			s, e := -1, -1
			for i := 0; i < h.Lines().Len(); i++ {
				sg := h.Lines().At(i)
				if s < 0 {
					s = sg.Start
				}
				e = sg.Stop
			}
			if h.HasClosure() {
				if s < 0 {
					s = h.ClosureLine.Start
				}
				e = h.ClosureLine.Stop
			}
			if s >= 0 {
				w.x.addComments(w.src, w.base+s, w.base+e)
			}
		default: // document, block quote, list, list item, table, rows
			w.blocks(c)
		}
	}
}

// inSourceOrder returns n's children in the order of their text in the
// source. goldmark's tree is almost always in that order, but not
// always: a table made from the last line of a paragraph comes before
// what is left of the paragraph ("ب\n0ب\n|-\n-"), and the text would
// then run backwards against the source, which the offset map cannot
// hold. A child whose start is unknown keeps its place after the one
// before it.
func inSourceOrder(n ast.Node) []ast.Node {
	var cs []ast.Node
	var keys []int
	last, sorted := -1, true
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		k := startOf(c)
		if k < 0 {
			k = last
		}
		sorted = sorted && k >= last
		last = max(last, k)
		cs, keys = append(cs, c), append(keys, k)
	}
	if !sorted {
		idx := make([]int, len(cs))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
		out := make([]ast.Node, len(cs))
		for i, j := range idx {
			out[i] = cs[j]
		}
		cs = out
	}
	return cs
}

// startOf is where n's text starts in the parsed source, -1 if it has
// none.
func startOf(n ast.Node) int {
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
	} else if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := startOf(c); s >= 0 {
			return s
		}
	}
	return -1
}

var (
	openSkip  = regexp.MustCompile(`^<(?i:(code|kbd|samp|script|style|var))(?:[\s/>]|$)`)
	closeSkip = regexp.MustCompile(`^</(?i:(code|kbd|samp|script|style|var))\s*>`)
	brTag     = regexp.MustCompile(`^<(?i:br)\s*/?>$`)
)

func (w *mdWalker) inline(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.RawHTML:
			if c.Segments.Len() == 0 {
				continue
			}
			s, e := w.base+c.Segments.At(0).Start, w.base+c.Segments.At(c.Segments.Len()-1).Stop
			raw := w.src[s:e]
			if bytes.HasPrefix(raw, []byte("<!--")) {
				w.x.addComments(w.src, s, e)
				continue
			}
			if w.skip == "" && brTag.Match(raw) {
				w.b.lineBreak(s, e)
			} else if w.skip == "" {
				if m := openSkip.FindSubmatch(raw); m != nil && !bytes.HasSuffix(raw, []byte("/>")) {
					w.skip, w.skipStart = string(bytes.ToLower(m[1])), s
				}
			} else if m := closeSkip.FindSubmatch(raw); m != nil && string(bytes.ToLower(m[1])) == w.skip {
				w.skip = ""
				w.b.object(w.skipStart, e)
			}
		case *ast.Text:
			if w.skip != "" {
				continue
			}
			s, e := w.base+c.Segment.Start, w.base+c.Segment.Stop
			w.b.prose(s, e, modeMarkdown)
			if c.SoftLineBreak() || c.HardLineBreak() {
				w.lineBreak(e)
			}
		case *ast.String:
			// no source position (goldmark makes these only for
			// typographer-like extensions, which are not enabled)
		case *ast.CodeSpan:
			if w.skip == "" {
				s, e := w.codeSpan(c)
				w.b.object(s, e)
			}
		case *ast.AutoLink:
			if w.skip == "" {
				s, e := w.autoLink(c)
				w.b.object(s, e)
			}
		case *east.TaskCheckBox:
		default: // emphasis, link (its text), image (its alt text), strikethrough
			w.inline(c)
		}
	}
}

// lineBreak holds the line end after a line of a paragraph at e. A line
// with nothing but a hard break on it (a lone backslash) adds no second
// line break: two in a row would read as a paragraph break.
func (w *mdWalker) lineBreak(e int) {
	if n := len(w.b.pend); n > 0 && w.b.pend[n-1].isLineBreak(w.src) {
		return
	}
	src := w.src
	p := e
	for p < len(src) && (src[p] == ' ' || src[p] == '\t' || src[p] == '\\' || src[p] == '\r') {
		p++
	}
	if p < len(src) && src[p] == '\n' {
		w.b.space(p, p+1)
	} else {
		w.b.lineBreak(e, e)
	}
}

// codeSpan returns the source bytes of a code span, backticks included:
// from its opening run of backticks to the next run of the same length.
func (w *mdWalker) codeSpan(c *ast.CodeSpan) (int, int) {
	src := w.src
	s := c.Pos()
	if s < 0 {
		return 0, 0
	}
	s += w.base
	n := 0
	for s+n < len(src) && src[s+n] == '`' {
		n++
	}
	for i := s + n; i < len(src); {
		if src[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(src) && src[j] == '`' {
			j++
		}
		if j-i == n {
			return s, j
		}
		i = j
	}
	return s, s + n
}

// autoLink returns the source bytes of <https://…>, brackets included.
func (w *mdWalker) autoLink(c *ast.AutoLink) (int, int) {
	s := c.Pos()
	if s < 0 {
		return 0, 0
	}
	s += w.base
	if e := bytes.IndexByte(w.src[s:], '>'); w.src[s] == '<' && e > 0 {
		return s, s + e + 1
	}
	return s, s + len(c.Label(w.src[w.base:]))
}
