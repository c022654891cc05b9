package lsp

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/markup"
	"github.com/daqiq/daqiq/lint/output"
)

// wants reports whether a code action of kind is among those the client
// asked for (context.only: a kind and its sub-kinds; none: every kind).
func wants(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

// codeActions are the actions for the findings that touch the range:
// one quick fix per suggestion (the first safe one preferred), an
// "ignore this rule on this line" comment in Markdown and HTML, and a fix
// of every safe finding in the file (source.fixAll.daqiq).
func (s *Server) codeActions(p codeActionParams) []CodeAction {
	d, res := s.current(p.TextDocument.URI)
	actions := []CodeAction{}
	if res == nil {
		return actions
	}
	t, enc, lang, uri := res.t, res.enc, res.lang, d.uri
	a, b := t.offset(p.Range.Start, enc), t.offset(p.Range.End, enc)
	edit := func(edits []lint.TextEdit) *WorkspaceEdit {
		out := make([]TextEdit, len(edits))
		for i, e := range edits {
			out[i] = TextEdit{Range: t.rng(e.Start, e.End, enc), NewText: e.New}
		}
		return &WorkspaceEdit{Changes: map[string][]TextEdit{uri: out}}
	}
	format := d.format
	if format == markup.Auto {
		format = markup.FormatOf(d.path)
	}
	ignored := map[string]bool{} // rule@line already offered
	safeAnywhere := false
	for i, dg := range res.diags {
		for _, f := range dg.Fixes {
			if f.Applicability == lint.Safe && len(f.Edits) > 0 {
				safeAnywhere = true
			}
		}
		if dg.Start > b || dg.End < a {
			continue
		}
		ld := res.lsp[i]
		if wants(p.Context.Only, KindQuickFix) {
			preferred := false
			for _, f := range dg.Fixes {
				if len(f.Edits) == 0 {
					continue
				}
				ca := CodeAction{
					Title: fixTitle(lang, f, t.src[dg.Start:dg.End]), Kind: KindQuickFix,
					Diagnostics: []Diagnostic{ld}, Edit: edit(f.Edits),
				}
				if f.Applicability == lint.Safe && !preferred {
					ca.IsPreferred, preferred = true, true
				}
				actions = append(actions, ca)
			}
			if format == markup.Markdown || format == markup.HTML {
				line := t.position(dg.Start, enc).Line
				key := dg.Rule + "@" + strconv.Itoa(line)
				if !ignored[key] {
					ignored[key] = true
					actions = append(actions, CodeAction{
						Title: i18n.Text(lang, "lsp.ignore", dg.Rule), Kind: KindQuickFix,
						Diagnostics: []Diagnostic{ld},
						Edit:        edit([]lint.TextEdit{ignoreEdit(t, format, line, dg.Rule)}),
					})
				}
			}
		}
	}
	if safeAnywhere && wants(p.Context.Only, KindFixAll) {
		if e, ok := fixAll(res, d); ok {
			actions = append(actions, CodeAction{
				Title: i18n.Text(lang, "lsp.fix-all"), Kind: KindFixAll, Edit: edit([]lint.TextEdit{e}),
			})
		}
	}
	return actions
}

// fixTitle names a fix: the text it writes, or what it deletes, and
// whether it is unsafe.
func fixTitle(lang i18n.Lang, f lint.SuggestedFix, flagged []byte) string {
	var b strings.Builder
	for _, e := range f.Edits {
		b.WriteString(e.New)
	}
	key := "lsp.fix"
	arg := output.SuggestionText(lang, b.String())
	if b.Len() == 0 && len(flagged) > 0 {
		key, arg = "lsp.delete", output.Visible(string(flagged))
	}
	switch f.Applicability {
	case lint.Unsafe:
		key += ".unsafe"
	case lint.DisplayOnly:
		key += ".display-only"
	}
	return i18n.Text(lang, key, arg)
}

// ignoreEdit writes a daqiq-disable-next-line comment for rule above
// line. In HTML it is a line of its own. In Markdown a line of its own
// would end a paragraph, list or table it falls in, so it goes at the end
// of the line before, unless that line is blank or markup that a comment
// would change (a fence, front matter's delimiter, a thematic break, a
// setext underline): then on a line of its own. Nothing separates it from
// the line's last word, which a space would leave as trailing white
// space.
func ignoreEdit(t text, format markup.Format, line int, rule string) lint.TextEdit {
	comment := "<!-- daqiq-disable-next-line " + rule + " -->"
	start := t.lines[line]
	indentEnd := start
	for indentEnd < len(t.src) && (t.src[indentEnd] == ' ' || t.src[indentEnd] == '\t') {
		indentEnd++
	}
	indent := string(t.src[start:indentEnd])
	nl := "\n"
	if end := t.lineEnd(line); end < len(t.src) && t.src[end] == '\r' {
		nl = "\r\n"
	}
	if format == markup.Markdown && line > 0 {
		prevEnd := t.lineEnd(line - 1)
		prev := strings.TrimSpace(string(t.src[t.lines[line-1]:prevEnd]))
		if prev != "" && !blockMarker(prev) {
			return lint.TextEdit{Start: prevEnd, End: prevEnd, New: comment}
		}
	}
	if format == markup.Markdown {
		indent = "" // an indented line of four spaces would be code
		indentEnd = start
	}
	return lint.TextEdit{Start: indentEnd, End: indentEnd, New: comment + nl + indent}
}

// blockMarker reports whether a Markdown line is one a comment at its
// end would change: a code fence, a front matter delimiter, a thematic
// break or a setext heading's underline.
func blockMarker(line string) bool {
	if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") || strings.HasPrefix(line, "+++") {
		return true
	}
	stripped := strings.NewReplacer(" ", "", "\t", "").Replace(line)
	for _, c := range "-=*_" {
		if len(stripped) >= 2 && strings.Trim(stripped, string(c)) == "" {
			return true
		}
	}
	return false
}

// fixAll is one edit that applies every safe fix of the document (as
// check --fix would: fixes that others make necessary included): the
// text between the first and the last byte that change.
func fixAll(res *checked, d *document) (lint.TextEdit, bool) {
	r, err := res.eng.Check(context.Background(), engine.Input{
		Path: d.path, Src: res.t.src, Format: d.format, Dateline: res.dateline, Lang: res.lang, Fix: engine.SafeFixes,
	})
	if err != nil || r.Applied == 0 {
		return lint.TextEdit{}, false
	}
	return diffEdit(res.t.src, r.Fixed), true
}

// diffEdit is the one edit that turns a into b, on character boundaries.
func diffEdit(a, b []byte) lint.TextEdit {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for p > 0 && (p < len(a) && !utf8.RuneStart(a[p]) || p < len(b) && !utf8.RuneStart(b[p])) {
		p--
	}
	q := 0 // common suffix
	for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	for q > 0 && (!utf8.RuneStart(a[len(a)-q]) || !utf8.RuneStart(b[len(b)-q])) {
		q--
	}
	return lint.TextEdit{Start: p, End: len(a) - q, New: string(b[p : len(b)-q])}
}

// hover shows the documentation of the rules of the findings under the
// position, in the messages' language, after each finding's message.
func (s *Server) hover(p hoverParams) *Hover {
	_, res := s.current(p.TextDocument.URI)
	if res == nil {
		return nil
	}
	s.mu.Lock()
	markdown := s.markdown
	s.mu.Unlock()
	off := res.t.offset(p.Position, res.enc)
	var b bytes.Buffer
	var rng *Range
	seen := map[string]bool{}
	for i, d := range res.diags {
		if !(d.Start <= off && off < d.End || d.Start == d.End && off == d.Start) || seen[d.Rule] {
			continue
		}
		seen[d.Rule] = true
		if rng == nil {
			r := res.lsp[i].Range
			rng = &r
		} else {
			b.WriteString("\n---\n\n")
		}
		if markdown {
			b.WriteString("**" + d.Rule + "**: " + d.Message + "\n\n")
		} else {
			b.WriteString(d.Rule + ": " + d.Message + "\n\n")
		}
		if r := findRule(res.eng, d.Rule); r != nil {
			output.WriteExplain(&b, r, res.lang)
		}
	}
	if rng == nil {
		return nil
	}
	kind := "plaintext"
	if markdown {
		kind = "markdown"
	}
	return &Hover{Contents: MarkupContent{Kind: kind, Value: b.String()}, Range: rng}
}
