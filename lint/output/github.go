package output

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// GitHubOptions control the GitHub Actions format.
type GitHubOptions struct {
	// Lang is the language of the summary line.
	Lang i18n.Lang
	// Root, when set, is the directory file paths are made relative to
	// (the checkout, $GITHUB_WORKSPACE): annotations need repository paths.
	Root string
}

// WriteGitHub writes one GitHub Actions workflow command per diagnostic,
//
//	::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
//
// (::warning for warnings, ::notice for info), then a summary line. GitHub
// turns the commands into annotations but shows at most 10 errors and 10
// warnings per step, so the summary gives the full count.
//
// Columns count UTF-16 code units and endColumn is exclusive. A span that
// ends with a line break ends on the line before it; a span over several
// lines has no columns, which GitHub accepts only on a single line.
func WriteGitHub(w io.Writer, files []lint.File, o GitHubOptions) error {
	return writeStream(w, "github", files, StreamOptions{GitHub: o, Lang: o.Lang})
}

// githubAnnotations writes the workflow commands of one file and counts
// its findings by level.
func githubAnnotations(b *bytes.Buffer, f lint.File, root string, count map[lint.Level]int) {
	file := RelPath(f.Doc.Path, root)
	for _, d := range f.Diagnostics {
		count[d.Level]++
		cmd := "warning"
		switch d.Level {
		case lint.Error:
			cmd = "error"
		case lint.Info:
			cmd = "notice"
		}
		s, e := f.Doc.Pos(d.Start), f.Doc.Pos(trimLineBreak(f.Doc.Src, d.Start, d.End))
		props := fmt.Sprintf("file=%s,line=%d,", ghProperty(file), s.Line)
		if s.Line == e.Line {
			props += fmt.Sprintf("col=%d,endLine=%d,endColumn=%d", s.Col16, e.Line, e.Col16)
		} else {
			props += fmt.Sprintf("endLine=%d", e.Line)
		}
		msg := d.Message
		if msg == "" {
			msg = d.Rule
		}
		fmt.Fprintf(b, "::%s %s,title=%s::%s\n", cmd, props, ghProperty(d.Rule), ghData(msg))
	}
}

// githubSummary is the last line in lang: "daqiq: 12 problems (3 errors,
// 9 warnings) in 2 files", with a note when GitHub cannot annotate them all.
func githubSummary(lang i18n.Lang, total, withProblems, checked int, count map[lint.Level]int) string {
	if total == 0 {
		return i18n.Text(lang, "github.clean", i18n.Count(lang, "files", checked)) + "\n"
	}
	var parts []string
	for _, s := range []lint.Level{lint.Error, lint.Warning, lint.Info} {
		if n := count[s]; n > 0 {
			parts = append(parts, i18n.Count(lang, s.String()+"s", n))
		}
	}
	line := i18n.Text(lang, "github.summary", i18n.Count(lang, "problems", total),
		strings.Join(parts, i18n.Text(lang, "list")), i18n.Count(lang, "files", withProblems))
	if count[lint.Error] > 10 || count[lint.Warning] > 10 || count[lint.Info] > 10 {
		line += i18n.Text(lang, "clauses") + i18n.Text(lang, "github.capped")
	}
	return line + "\n"
}

// trimLineBreak moves end back over a final "\n", "\r\n" or lone "\r"
// of the span [start, end), unless that would leave the span empty.
func trimLineBreak(src []byte, start, end int) int {
	e := end
	if e > start && src[e-1] == '\n' {
		e--
		if e > start && src[e-1] == '\r' {
			e--
		}
	} else if e > start && src[e-1] == '\r' {
		e--
	}
	if e <= start {
		return end
	}
	return e
}

var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghData escapes the message of a workflow command.
func ghData(s string) string { return ghDataEscaper.Replace(s) }

// ghProperty escapes a property value of a workflow command.
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
