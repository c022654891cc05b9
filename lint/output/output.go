// Package output is the last stage of the pipeline: it renders diagnostics
// as text for people, as JSON for tools, and fixes as a unified diff. Byte
// offsets become lines and columns here and nowhere else.
package output

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/source"
)

// JSONDiagnostic is the JSON form of a diagnostic. Lines and columns are
// 1-based, columns count code points, ends are exclusive; offsets are bytes.
type JSONDiagnostic struct {
	Path        string   `json:"path"`
	Rule        string   `json:"rule"`
	Severity    string   `json:"severity"`
	Message     string   `json:"message"`
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	EndLine     int      `json:"end_line"`
	EndColumn   int      `json:"end_column"`
	Offset      int      `json:"offset"`
	EndOffset   int      `json:"end_offset"`
	Text        string   `json:"text"`
	Suggestions []string `json:"suggestions"`
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
		out = append(out, JSONDiagnostic{
			Path: f.Doc.Path, Rule: d.Rule, Severity: d.Level.String(), Message: d.Message,
			Line: s.Line, Column: s.Column, EndLine: e.Line, EndColumn: e.Column,
			Offset: d.Start, EndOffset: d.End, Text: string(f.Doc.Src[d.Start:d.End]), Suggestions: sug,
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
		level := d.Level.String()
		if o.Color {
			c := map[lint.Level]string{lint.Error: red, lint.Warning: yellow, lint.Info: blue}[d.Level]
			level = c + level + reset
		}
		fmt.Fprintf(w, "%s:%d:%d: %s %s: %s\n", QuotePath(f.Doc.Path), s.Line, s.Column, level, Visible(d.Rule), Visible(d.Message))
		for i, sg := range lint.Suggestions(f.Doc.Src, d) {
			label := "suggestion"
			if d.Fixes[i].Applicability != lint.Safe {
				label = "suggestion (" + d.Fixes[i].Applicability.String() + ")"
			}
			if sg == "" {
				sg = "(delete)"
			}
			fmt.Fprintf(w, "  %s: %s\n", label, Visible(sg))
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

// WriteQuiet writes one line per diagnostic, the first line of the text
// format: path:line:col: level rule: message (daqiq check --quiet).
func WriteQuiet(w io.Writer, f lint.File) {
	path := QuotePath(f.Doc.Path)
	for _, d := range f.Diagnostics {
		p := f.Doc.Pos(d.Start)
		fmt.Fprintf(w, "%s:%d:%d: %s %s: %s\n", path, p.Line, p.Column, d.Level, Visible(d.Rule), Visible(d.Message))
	}
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
