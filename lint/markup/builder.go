package markup

import (
	"sort"

	"github.com/daqiq/daqiq/lint/source"
)

// builder accumulates the text of a document and its offset map.
type builder struct {
	src    []byte
	text   []byte
	segs   []source.Segment
	pieces []piece
	urls   []span       // bare URLs in the source, sorted; skipped as objects
	done   map[int]bool // URLs already written

	collapse bool // HTML: whitespace collapses as a browser shows it

	last int    // the source offset after the last byte mapped
	open bool   // the current block has content
	sep  bool   // a block break is due before the next content
	brk  string // that break, when not blockBreak
	pend []pend // whitespace and objects waiting for content
}

type span struct{ s, e int }

// pend is whitespace or an object seen after the last content of a block:
// written only if more content follows in the same block.
type pend struct {
	s, e   int
	object bool
	synth  string // text standing for a tag (a <br>)
}

// isLineBreak reports whether p holds a line break: a <br> or a line end.
func (p pend) isLineBreak(src []byte) bool {
	return p.synth == "\n" || !p.object && p.synth == "" && p.e == p.s+1 && src[p.s] == '\n'
}

func newBuilder(src []byte) *builder {
	return &builder{src: src, urls: findURLs(src), done: map[int]bool{}}
}

const (
	blockBreak = "\n\n"
	// isolatingBreak sets off a block that is not part of the running
	// prose (a table cell, a front matter value, an HTML title or
	// attribute value) with a paragraph holding no letter, so that a
	// column of identical cells (نعم، نعم), a title repeated as the
	// heading or an alt text repeated as the caption is not read as a
	// paragraph repeating the one above it, nor two cells as a doubled
	// word.
	isolatingBreak = "\n\n" + Placeholder + "\n\n"
)

// block ends the current block: what was pending is dropped and the next
// content starts a new block.
func (b *builder) block() {
	b.pend = b.pend[:0]
	if b.open {
		b.sep = true
		b.open = false
	}
}

// isolate ends the current block as block does, and makes the break
// before the next content an isolatingBreak. Call it before and after a
// block that is not running prose.
func (b *builder) isolate() {
	b.block()
	if b.sep {
		b.brk = isolatingBreak
	}
}

// content is called before each piece of content, which starts at the
// source offset s. A block break due is written first: "\n\n" (or
// isolatingBreak) mapped as a unit onto the source between the blocks, so that
// a span that starts or ends inside it covers that markup (and is not
// Editable) and ToSrc and ToSrcStart land between the blocks.
func (b *builder) content(s int) {
	if b.sep && len(b.text) > 0 {
		brk := b.brk
		if brk == "" {
			brk = blockBreak
		}
		if b.last < s {
			b.unit(brk, b.last, s)
		} else {
			b.text = append(b.text, brk...) // not expected: blocks follow the source
		}
	}
	b.sep, b.brk = false, ""
	if b.open {
		for _, p := range b.pendingToWrite() {
			switch {
			case p.synth != "" && p.s < p.e:
				b.unit(p.synth, p.s, p.e)
			case p.synth != "":
				b.text = append(b.text, p.synth...)
			case p.object:
				b.unit(Placeholder, p.s, p.e)
			default:
				b.copy(p.s, p.e)
			}
		}
	}
	b.pend = b.pend[:0]
	b.open = true
}

// pendingToWrite returns what of the pending whitespace is written before
// the next content: around a line break (<br>) no whitespace; in HTML
// (collapse) one whitespace of a run that tags interrupt, its line break if
// it has one, as a browser shows one space.
func (b *builder) pendingToWrite() []pend {
	br := false
	for _, p := range b.pend {
		br = br || p.synth != ""
	}
	out := b.pend[:0:0]
	for _, p := range b.pend {
		ws := !p.object && p.synth == ""
		if ws && br {
			continue
		}
		if n := len(out); ws && b.collapse && n > 0 && !out[n-1].object && out[n-1].synth == "" {
			if b.src[out[n-1].s] != '\n' && b.src[p.s] == '\n' {
				out[n-1] = p
			}
			continue
		}
		out = append(out, p)
	}
	return out
}

// verbatim writes src[s:e] to the text.
func (b *builder) verbatim(s, e int) {
	if s >= e {
		return
	}
	b.content(s)
	b.copy(s, e)
}

func (b *builder) copy(s, e int) {
	t := len(b.text)
	b.text = append(b.text, b.src[s:e]...)
	b.addSeg(source.Segment{Text: t, Src: s, Len: e - s})
	if n := len(b.pieces); n > 0 && !b.pieces[n-1].entity && b.pieces[n-1].e == s {
		b.pieces[n-1].e = e
	} else {
		b.pieces = append(b.pieces, piece{s: s, e: e})
	}
}

// entity writes decoded, the value of the character reference or escape
// src[s:e].
func (b *builder) entity(decoded string, s, e int) {
	b.content(s)
	b.unit(decoded, s, e)
	b.pieces = append(b.pieces, piece{s: s, e: e, entity: true})
}

// unit writes txt mapped onto src[s:e] as a whole; see entitySegs.
func (b *builder) unit(txt string, s, e int) {
	t := len(b.text)
	b.text = append(b.text, txt...)
	for _, sg := range entitySegs(t, len(txt), s, e) {
		b.addSeg(sg)
	}
}

// entitySegs maps text [t, t+tl) onto source [s, e) as one unit with
// today's source.Segment, which maps lengths one to one: the first text
// byte goes to src[s] and the last to src[e-1], the bytes between are a gap
// (ToSrc sends them to e-1). So ToSrcStart(t) == s and ToSrc(t+tl) == e,
// exact at both ends for a span that starts or ends on the unit. A
// one-byte unit (&amp; &lt; &gt; &quot; &#39;, a <br>) cannot be exact at
// both ends: it starts at s and ends at s+1, which Editable rejects as a
// cut through the reference.
func entitySegs(t, tl, s, e int) []source.Segment {
	switch {
	case tl == 0 || e <= s:
		return nil
	case tl == 1:
		return []source.Segment{{Text: t, Src: s, Len: 1}}
	}
	return []source.Segment{{Text: t, Src: s, Len: 1}, {Text: t + tl - 1, Src: e - 1, Len: 1}}
}

func (b *builder) addSeg(sg source.Segment) {
	b.last = sg.Src + sg.Len
	if n := len(b.segs); n > 0 {
		l := &b.segs[n-1]
		if l.Text+l.Len == sg.Text && l.Src+l.Len == sg.Src {
			l.Len += sg.Len
			return
		}
	}
	b.segs = append(b.segs, sg)
}

// space holds the whitespace src[s:e] until content follows in the same
// block. A run with a line break is reduced to that line break; in HTML
// (collapse) any other run to its first byte.
func (b *builder) space(s, e int) {
	if b.collapse && b.open {
		// whitespace inside an HTML block is insignificant: an edit may
		// take the bytes that collapsing left out of the text
		b.pieces = append(b.pieces, piece{s: s, e: e})
	}
	for i := s; i < e; i++ {
		if b.src[i] == '\n' {
			s, e = i, i+1
			break
		}
	}
	if b.collapse {
		e = s + 1
	}
	b.pend = append(b.pend, pend{s: s, e: e})
}

// object holds a placeholder for the skipped element src[s:e].
func (b *builder) object(s, e int) {
	if s < e {
		b.pend = append(b.pend, pend{s: s, e: e, object: true})
	}
}

// lineBreak holds a line break standing for the tag src[s:e] (<br>), or
// for nothing when s == e.
func (b *builder) lineBreak(s, e int) {
	b.pend = append(b.pend, pend{s: s, e: e, synth: "\n"})
}

// textMode says how prose bytes are decoded.
type textMode uint8

const (
	modePlain    textMode = iota // front matter values: no references
	modeMarkdown                 // backslash escapes; references need ';'
	modeHTML                     // HTML text: legacy references without ';'
	modeAttr                     // HTML attribute value
)

// prose writes the prose src[s:e]: whitespace held, escapes and character
// references decoded, bare URLs replaced by a placeholder.
func (b *builder) prose(s, e int, mode textMode) {
	src := b.src
	run := s
	flush := func(j int) {
		if run < j {
			b.verbatim(run, j)
		}
	}
	u := sort.Search(len(b.urls), func(k int) bool { return b.urls[k].e > s })
	for i := s; i < e; {
		for u < len(b.urls) && b.urls[u].e <= i {
			u++
		}
		if u < len(b.urls) && b.urls[u].s <= i {
			flush(i)
			if !b.done[u] {
				b.done[u] = true
				b.object(b.urls[u].s, b.urls[u].e)
			}
			i = min(b.urls[u].e, e)
			run = i
			continue
		}
		c := src[i]
		switch {
		case isSpace(c):
			flush(i)
			j := i
			for j < e && isSpace(src[j]) {
				j++
			}
			b.space(i, j)
			i, run = j, j
		case c == '\\' && mode == modeMarkdown && i+1 < e && isASCIIPunct(src[i+1]):
			flush(i)
			b.verbatim(i+1, i+2)
			i += 2
			run = i
		case c == '&' && mode != modePlain:
			if dec, n := entityAt(src[:e], i, mode); n > 0 {
				flush(i)
				b.entity(dec, i, i+n)
				i += n
				run = i
			} else {
				i++
			}
		default:
			i++
		}
	}
	flush(e)
}

// finishPieces returns the pieces sorted by source offset (attribute values
// are written after their block) with adjacent verbatim pieces merged.
func (b *builder) finishPieces() []piece {
	ps := b.pieces
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].s < ps[j].s })
	out := ps[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && !p.entity && !out[n-1].entity && out[n-1].e >= p.s {
			out[n-1].e = max(out[n-1].e, p.e)
			continue
		}
		out = append(out, p)
	}
	return out
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
