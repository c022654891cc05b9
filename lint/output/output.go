// Package output is the last stage of the pipeline: it renders diagnostics
// as text for people, as JSON for tools, and fixes as a unified diff. Byte
// offsets become lines and columns here and nowhere else.
package output

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/source"
)

// JSONDiagnostic is the JSON form of a diagnostic. Lines and columns are
// 1-based, columns count code points, ends are exclusive; offsets are bytes.
// Suggestions are the replacements of the flagged text, best first; Fixes
// the same with whether each is safe; Safe whether the first is (the one
// --fix applies without --unsafe-fixes).
type JSONDiagnostic struct {
	Path        string    `json:"path"`
	Rule        string    `json:"rule"`
	Severity    string    `json:"severity"`
	Message     string    `json:"message"`
	Line        int       `json:"line"`
	Column      int       `json:"column"`
	EndLine     int       `json:"end_line"`
	EndColumn   int       `json:"end_column"`
	Offset      int       `json:"offset"`
	EndOffset   int       `json:"end_offset"`
	Text        string    `json:"text"`
	Suggestions []string  `json:"suggestions"`
	Safe        bool      `json:"safe"`
	Fixes       []JSONFix `json:"fixes"`
}

// JSONFix is one suggestion of a diagnostic: its replacement text, whether
// --fix applies it (safe) and its applicability: "safe", "unsafe" (applied
// with --unsafe-fixes) or "display-only" (never applied).
type JSONFix struct {
	Text          string `json:"text"`
	Safe          bool   `json:"safe"`
	Applicability string `json:"applicability"`
}

// ToJSON converts a file's diagnostics.
func ToJSON(f lint.File) []JSONDiagnostic {
	out := make([]JSONDiagnostic, 0, len(f.Diagnostics))
	for _, d := range f.Diagnostics {
		s, e := f.Doc.Pos(d.Start), f.Doc.Pos(d.End)
		sug := lint.Suggestions(f.Doc.Src, d)
		if sug == nil {
			sug = []string{}
		}
		fixes := make([]JSONFix, len(sug))
		for i, sg := range sug {
			a := d.Fixes[i].Applicability
			fixes[i] = JSONFix{Text: sg, Safe: a == lint.Safe, Applicability: a.String()}
		}
		out = append(out, JSONDiagnostic{
			Path: f.Doc.Path, Rule: d.Rule, Severity: d.Level.String(), Message: d.Message,
			Line: s.Line, Column: s.Column, EndLine: e.Line, EndColumn: e.Column,
			Offset: d.Start, EndOffset: d.End, Text: string(f.Doc.Src[d.Start:d.End]), Suggestions: sug,
			Safe: len(fixes) > 0 && fixes[0].Safe, Fixes: fixes,
		})
	}
	return out
}

// WriteJSON writes {"diagnostics":[...]} for all files.
func WriteJSON(w io.Writer, files []lint.File) error {
	return writeStream(w, "json", files, StreamOptions{})
}

// writeStream writes files as one document of a Stream's format.
func writeStream(w io.Writer, format string, files []lint.File, o StreamOptions) error {
	s, err := NewStream(w, format, o)
	if err != nil {
		return err
	}
	for _, f := range files {
		p, err := s.Render(f)
		if err != nil {
			return err
		}
		if err := s.Write(p); err != nil {
			return err
		}
	}
	return s.Close()
}

// TextOptions control the text format.
type TextOptions struct {
	Color bool
	Lang  i18n.Lang // the language of the labels (the messages are the rules')
}

const (
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	blue   = "\x1b[34m"
	bold   = "\x1b[1m"
	under  = "\x1b[4m"
	reset  = "\x1b[0m"
)

// WriteText writes one block per diagnostic:
//
//	path:line:col: level rule: message
//	  suggestion: replacement
//	  | the source line with [the span] marked
//
// Controls and bidi controls from the file or the findings are written
// out (Visible): a line of output is only ever what it shows.
func WriteText(w io.Writer, f lint.File, o TextOptions) {
	for _, d := range f.Diagnostics {
		s := f.Doc.Pos(d.Start)
		level := levelWord(o.Lang, d.Level)
		if o.Color {
			c := map[lint.Level]string{lint.Error: red, lint.Warning: yellow, lint.Info: blue}[d.Level]
			level = c + level + reset
		}
		fmt.Fprintf(w, "%s:%d:%d: %s %s: %s\n", QuotePath(f.Doc.Path), s.Line, s.Column, level, Visible(d.Rule), Visible(d.Message))
		for i, sg := range lint.Suggestions(f.Doc.Src, d) {
			fmt.Fprintf(w, "  %s: %s\n", suggestionLabel(o.Lang, d.Fixes[i]), suggestionText(o.Lang, sg))
		}
		// a window of the line around the span, never the whole line: a
		// 50 MB line with many findings must stay linear. The line ends
		// before its "\n", "\r\n" or lone "\r"; a span over several lines
		// is shown on its first.
		src := f.Doc.Src
		lineStart, lineEnd := f.Doc.LineStart(s.Line), f.Doc.LineEnd(s.Line)
		if s.Line == 1 && bytes.HasPrefix(src, []byte(source.BOM)) {
			lineStart += len(source.BOM)
		}
		from := max(lineStart, d.Start-contextBytes)
		for from < d.Start && !utf8.RuneStart(src[from]) {
			from++
		}
		end := max(min(d.End, lineEnd), d.Start)
		to := max(min(lineEnd, d.End+contextBytes), end)
		for to > end && to < len(src) && !utf8.RuneStart(src[to]) {
			to--
		}
		line := string(src[from:to])
		a, b := d.Start-from, end-from
		if a < 0 || b > len(line) || a > b {
			continue
		}
		pre, mid, post := Visible(clip(line[:a], true)), Visible(line[a:b]), Visible(clip(line[b:], false))
		if o.Color {
			fmt.Fprintf(w, "  | %s%s%s%s%s\n", pre, bold+under, mid, reset, post)
		} else {
			fmt.Fprintf(w, "  | %s[%s]%s\n", pre, mid, post)
		}
	}
}

// suggestionText is a suggestion as text output shows it in lang:
// "(delete)" for nothing, and a replacement made only of white space
// named, since it would not be seen: "(space)", "(2 spaces)", "(no-break
// space)", "(space, newline)".
func suggestionText(lang i18n.Lang, sg string) string {
	if sg == "" {
		return i18n.Text(lang, "delete")
	}
	if strings.TrimSpace(sg) != "" {
		return Visible(sg)
	}
	var parts []string
	rs := []rune(sg)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		parts = append(parts, spaceName(lang, rs[i], j-i))
		i = j
	}
	return "(" + strings.Join(parts, i18n.Text(lang, "list")) + ")"
}

// SuggestionText is a suggestion as the text format shows it in lang:
// "(delete)", a white-space replacement named, other text with its
// invisible characters made visible. Editors (daqiq lsp) title their
// quick fixes with it.
func SuggestionText(lang i18n.Lang, sg string) string { return suggestionText(lang, sg) }

// spaceName names n white-space characters r in lang.
func spaceName(lang i18n.Lang, r rune, n int) string {
	key := map[rune]string{' ': "space", '\u00a0': "nbsp", '\t': "tab", '\n': "newline", '\r': "cr"}[r]
	if key == "" {
		name := fmt.Sprintf("U+%04X", r)
		if n > 1 {
			return fmt.Sprintf("%d × %s", n, name)
		}
		return name
	}
	return i18n.Count(lang, key, n)
}

// suggestionLabel is how the text format introduces a fix in lang:
// "suggestion", or "suggestion (unsafe)" and "suggestion (display-only)".
func suggestionLabel(lang i18n.Lang, fx lint.SuggestedFix) string {
	if fx.Applicability != lint.Safe {
		return i18n.Text(lang, "suggestion."+fx.Applicability.String())
	}
	return i18n.Text(lang, "suggestion")
}

// WriteQuiet writes one line per diagnostic, the first line of the text
// format: path:line:col: level rule: message (daqiq check --quiet).
func WriteQuiet(w io.Writer, f lint.File, lang i18n.Lang) {
	path := QuotePath(f.Doc.Path)
	for _, d := range f.Diagnostics {
		fmt.Fprintf(w, "%s\n", quietLine(lang, f, path, d))
	}
}

// quietLine is a diagnostic's line in the quiet format in lang, without
// its line break; path is QuotePath(f.Doc.Path).
func quietLine(lang i18n.Lang, f lint.File, path string, d lint.Diagnostic) string {
	p := f.Doc.Pos(d.Start)
	return fmt.Sprintf("%s:%d:%d: %s %s: %s", path, p.Line, p.Column, levelWord(lang, d.Level), Visible(d.Rule), Visible(d.Message))
}

// LevelWord is a level as the text formats write it in lang (error,
// خطأ).
func LevelWord(lang i18n.Lang, l lint.Level) string { return levelWord(lang, l) }

func levelWord(lang i18n.Lang, l lint.Level) string {
	return i18n.Text(lang, "level."+l.String())
}

// contextBytes bounds the source read on each side of a span.
const contextBytes = 400

// clip keeps at most 40 code points of context next to the span.
func clip(s string, keepEnd bool) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	if keepEnd {
		return "…" + string(r[len(r)-max:])
	}
	return string(r[:max]) + "…"
}
