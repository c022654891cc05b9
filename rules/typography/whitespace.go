package typography

import (
	"fmt"
	"path"
	"strings"

	"github.com/daqiq/daqiq/lint"
)

// Whitespace makes the rule typography/whitespace.
func Whitespace() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "typography/whitespace",
		Kind:     lint.Code,
		Category: "typography",
		Level:    lint.Warning,
		Summary:  "two or more spaces in a row, a no-break space beside a space; whitespace at the end of a line or on a blank line",
		Doc: lint.Doc{
			What: "Flags runs of two or more spaces inside a line and a no-break space (U+00A0) next to another space (warning); whitespace at the end of a line and lines that hold only whitespace (info). " +
				"Indentation at the start of a line, a single no-break space between words (جمادى الأولى، إيدي راما) and, in Markdown, two spaces ending a line (a hard line break) are left alone. Runs with a tab are taken for alignment and left alone too.",
			Why:   "Doubled spaces come from pasting and deleting; they widen justified lines and break searches for phrases. Trailing whitespace is invisible noise that shows up in every diff.",
			Wrong: "وقال الوزير إن  الحكومة ستعلن خطتها الأسبوع المقبل. \nوأضاف أن الخطة جاهزة.",
			Right: "وقال الوزير إن الحكومة ستعلن خطتها الأسبوع المقبل.\nوأضاف أن الخطة جاهزة.",
			Fix:   "Safe: a run becomes one space, or one no-break space if it held one; trailing whitespace is deleted, and a whitespace-only line is emptied. The CR of a CRLF line end is kept.",
		},
		Run: whitespace,
	}, nil
}

const nbsp = "\u00a0"

func whitespace(p *lint.Pass) {
	sc := scanOf(p)
	if len(sc.spaces) == 0 {
		return
	}
	text := p.Text
	markdown := false
	switch strings.ToLower(path.Ext(p.Doc.Path)) {
	case ".md", ".markdown":
		markdown = true
	}
	var arena fixArena
	del := func(start, end int, msg string) {
		p.Report(lint.Diagnostic{Start: start, End: end, Level: lint.Info, Message: msg,
			Fixes: arena.one(start, end, "", lint.Safe, "")})
	}
	for _, ti := range sc.spaces {
		t := p.Tokens[ti]
		atStart := t.Start == 0 || t.Start == len("\uFEFF") && strings.HasPrefix(text, "\uFEFF")
		atEnd := t.End == len(text)
		// the token is a run of whitespace between two other tokens: cut
		// it at its line ends, "\n", "\r\n" or a lone "\r" (old Mac
		// files), which are never part of a finding
		for pos, first := t.Start, true; ; first = false {
			br := strings.IndexAny(text[pos:t.End], "\r\n")
			end, next := t.End, t.End
			if br >= 0 {
				end, next = pos+br, pos+br+1
				if text[end] == '\r' && next < t.End && text[next] == '\n' {
					next++
				}
			}
			lineStart, lineEnd := !first || atStart, br >= 0 || atEnd
			switch {
			case end == pos:
			case strings.ContainsAny(text[pos:end], "\v\f"):
				// a vertical tab or form feed is a control character:
				// typography/hidden-characters reports it
			case lineStart && lineEnd:
				del(pos, end, "this line holds only whitespace")
			case lineEnd:
				if markdown && end-pos >= 2 && strings.Trim(text[pos:end], " ") == "" {
					break // a Markdown hard line break
				}
				del(pos, end, "whitespace at the end of the line")
			case lineStart:
				// indentation
			default:
				spaceRun(p, &arena, pos, end)
			}
			if br < 0 {
				break
			}
			pos = next
		}
	}
}

// spaceRun reports a run of whitespace inside a line when it is two
// characters or more, all spaces or no-break spaces (a tab is taken for
// alignment).
func spaceRun(p *lint.Pass, arena *fixArena, start, end int) {
	run := p.Text[start:end]
	chars, hasNBSP := 0, false
	for i := 0; i < len(run); {
		switch {
		case run[i] == ' ':
			i++
		case strings.HasPrefix(run[i:], nbsp):
			i += len(nbsp)
			hasNBSP = true
		default:
			return
		}
		chars++
	}
	if chars < 2 {
		return
	}
	repl, msg := " ", fmt.Sprintf("%d spaces in a row: use one", chars)
	if hasNBSP {
		repl, msg = nbsp, "a no-break space next to a space: keep the no-break space alone"
	}
	p.Report(lint.Diagnostic{Start: start, End: end, Message: msg,
		Fixes: arena.one(start, end, repl, lint.Safe, "")})
}
