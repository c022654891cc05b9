package markup

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

var (
	// blockTags end a block where they start or end.
	blockTags = set("address article aside blockquote body caption center dd details dialog div dl dt fieldset " +
		"figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li main menu nav ol " +
		"optgroup option p section select summary table tbody td tfoot th thead title tr ul")
	// skipBlock elements hold no prose and end a block.
	skipBlock = set("script style pre textarea template noscript iframe noembed noframes xmp object video audio")
	// skipInline elements hold no prose and stand in the text as one
	// placeholder, like an image. Those that cannot hold a block (all but
	// svg and math) end at a block tag when their end tag is missing.
	skipInline = set("code kbd samp var svg math")
	phrasing   = set("code kbd samp var")
	// voidTags have no end tag.
	voidTags = set("area base br col embed hr img input link meta param source track wbr")
	// isolated elements are not running prose: set off by isolatingBreak.
	isolated = set("title td th caption figcaption")
	// textAttrs are the attributes whose values are prose.
	textAttrs = set("title alt")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// htmlWalker follows the tokenizer. The tokenizer gives no positions: the
// offset of a token is the sum of the lengths of the Raw bytes before it.
type htmlWalker struct {
	b   *builder
	x   *Extras
	src []byte
	// skip holds the open skipped elements, innermost last; skipStart is
	// where the outermost one started. open counts them by name, so that
	// an end tag of an element not open there is passed over without
	// reading the stack (a quadratic scan for a file of thousands of
	// nested <code> and stray end tags).
	skip      []string
	skipStart int
	open      map[string]int
}

func parseHTML(b *builder, x *Extras) {
	b.collapse = true
	w := &htmlWalker{b: b, x: x, src: b.src, open: map[string]int{}}
	z := html.NewTokenizer(bytes.NewReader(b.src))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken { // io.EOF: the tokenizer reads to the end
			break
		}
		raw := z.Raw()
		s, e := off, off+len(raw)
		off = e
		switch tt {
		case html.TextToken:
			if len(w.skip) == 0 {
				b.prose(s, e, modeHTML)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			w.start(string(name), s, e, tt == html.SelfClosingTagToken, z)
		case html.EndTagToken:
			name, _ := z.TagName()
			w.end(string(name), s, e)
		case html.CommentToken:
			x.addComments(w.src, s, e)
		}
	}
	w.boundary()
}

// boundary ends a block.
func (w *htmlWalker) boundary() { w.b.block() }

func (w *htmlWalker) start(name string, s, e int, selfClosing bool, z *html.Tokenizer) {
	if len(w.skip) > 0 {
		if phrasing[w.skip[0]] && (blockTags[name] || skipBlock[name]) {
			w.closeSkip(s) // an inline element left open: close it here
		} else {
			if !selfClosing && !voidTags[name] && (skipBlock[name] || skipInline[name]) {
				w.push(name)
			}
			return
		}
	}
	switch {
	case isolated[name]:
		w.b.isolate()
	case blockTags[name]:
		w.boundary()
	case skipBlock[name]:
		w.boundary()
	case name == "br":
		w.b.lineBreak(s, e)
	case name == "img":
		w.b.object(s, e)
	}
	if !selfClosing && !voidTags[name] && (skipBlock[name] || skipInline[name]) {
		w.push(name)
		w.skipStart = s
	}
	w.attributes(s, e, z)
}

// push opens a skipped element.
func (w *htmlWalker) push(name string) {
	w.skip = append(w.skip, name)
	w.open[name]++
}

// popTo closes the skipped elements from the innermost to the i-th.
func (w *htmlWalker) popTo(i int) {
	for _, name := range w.skip[i:] {
		w.open[name]--
	}
	w.skip = w.skip[:i]
}

func (w *htmlWalker) end(name string, s, e int) {
	if len(w.skip) > 0 {
		if w.open[name] > 0 {
			// the innermost open element of that name; the elements read
			// on the way are closed with it, so the scan costs what
			// pushing them did
			i := len(w.skip) - 1
			for w.skip[i] != name {
				i--
			}
			w.popTo(i)
			if i == 0 {
				if skipInline[name] {
					w.b.object(w.skipStart, e)
				} else {
					w.boundary()
				}
			}
			return
		}
		if phrasing[w.skip[0]] && blockTags[name] {
			w.closeSkip(s)
		} else {
			return
		}
	}
	if isolated[name] {
		w.b.isolate()
	}
	if blockTags[name] || skipBlock[name] {
		w.boundary()
	}
}

// closeSkip ends skipped inline elements left open at offset s.
func (w *htmlWalker) closeSkip(s int) {
	w.popTo(0)
	w.b.object(w.skipStart, s)
}

// attributes writes the title and alt values of the tag src[s:e], each as
// a block of its own where the tag is: a title on an inline element splits
// its paragraph, so that the text stays in source order and a span never
// runs from one block into an earlier part of the file. The
// values' positions come from scanning the raw tag; the tokenizer's
// decoded values are the check that the scan read the tag as it did.
func (w *htmlWalker) attributes(s, e int, z *html.Tokenizer) {
	type kv struct{ k, v string }
	var want []kv
	for {
		k, v, more := z.TagAttr()
		if len(k) > 0 {
			want = append(want, kv{string(k), string(v)})
		}
		if !more {
			break
		}
	}
	if len(want) == 0 {
		return
	}
	got := scanAttrs(w.src, s, e)
	if len(got) != len(want) {
		return
	}
	for i, a := range got {
		if a.name != want[i].k {
			return
		}
		if a.vs >= 0 && textAttrs[a.name] {
			if dec := decodeAttr(w.src, a.vs, a.ve); dec != want[i].v {
				return
			}
		}
	}
	for _, a := range got {
		if a.vs >= 0 && a.vs < a.ve && textAttrs[a.name] {
			w.b.isolate()
			w.b.prose(a.vs, a.ve, modeAttr)
			w.b.isolate()
		}
	}
}

type rawAttr struct {
	name   string
	vs, ve int // the value's bytes, quotes excluded; -1 without a value
}

// scanAttrs reads the attributes of the raw tag src[s:e] as the HTML
// tokenizer does.
func scanAttrs(src []byte, s, e int) []rawAttr {
	i := s + 1
	for i < e && !isSpace(src[i]) && src[i] != '/' && src[i] != '>' {
		i++
	}
	var out []rawAttr
	for i < e {
		for i < e && (isSpace(src[i]) || src[i] == '/') {
			i++
		}
		if i >= e || src[i] == '>' {
			break
		}
		ns := i
		i++ // the first character may be '='
		for i < e && !isSpace(src[i]) && src[i] != '/' && src[i] != '>' && src[i] != '=' {
			i++
		}
		a := rawAttr{name: strings.ToLower(string(src[ns:i])), vs: -1, ve: -1}
		j := i
		for j < e && isSpace(src[j]) {
			j++
		}
		if j < e && src[j] == '=' {
			j++
			for j < e && isSpace(src[j]) {
				j++
			}
			if j < e && (src[j] == '"' || src[j] == '\'') {
				q := src[j]
				k := bytes.IndexByte(src[j+1:e], q)
				if k < 0 {
					a.vs, a.ve = j+1, e
					i = e
				} else {
					a.vs, a.ve = j+1, j+1+k
					i = j + 1 + k + 1
				}
			} else {
				a.vs = j
				for j < e && !isSpace(src[j]) && src[j] != '>' {
					j++
				}
				a.ve = j
				i = j
			}
		}
		out = append(out, a)
	}
	return out
}

// decodeAttr decodes the character references of an attribute value.
func decodeAttr(src []byte, s, e int) string {
	var b strings.Builder
	for i := s; i < e; {
		if src[i] == '&' {
			if dec, n := entityAt(src[:e], i, modeAttr); n > 0 {
				b.WriteString(dec)
				i += n
				continue
			}
		}
		if src[i] == '\r' { // the tokenizer reads CRLF and CR as LF
			b.WriteByte('\n')
			if i+1 < e && src[i+1] == '\n' {
				i++
			}
			i++
			continue
		}
		b.WriteByte(src[i])
		i++
	}
	return b.String()
}
