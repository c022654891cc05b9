package typography

import (
	"path"
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// Whitespace makes the rule typography/whitespace.
func Whitespace() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "typography/whitespace",
		Kind:     lint.Code,
		Category: "typography",
		Level:    lint.Warning,
		Summary:  "two or more spaces in a row, a no-break space beside a space, whitespace at the end of a line or on a blank line: one finding per paragraph",
		Doc: lint.Doc{
			What: "Flags runs of two or more spaces inside a line, a no-break space (U+00A0) next to another space, whitespace at the end of a line and lines that hold only whitespace: one finding per paragraph (lines up to a blank line), on its first slip, whose fix mends them all. " +
				"The finding is a warning when the paragraph has a run of plain spaces between words (a typing slip that shows in print), info when it has only what a CMS export leaves behind (trailing whitespace, blank lines with spaces, a space beside a no-break space): on real copy these are most of all findings, and one a paragraph tells the editor what a finding a line would bury. " +
				"Indentation at the start of a line, a single no-break space between words (جمادى الأولى، إيدي راما) and, in Markdown, two spaces ending a line (a hard line break) are left alone. Runs with a tab are taken for alignment and left alone too.",
			Why:   "Doubled spaces come from pasting and deleting; they widen justified lines and break searches for phrases. Trailing whitespace is invisible noise that shows up in every diff.",
			Wrong: "وقال الوزير إن  الحكومة ستعلن خطتها الأسبوع المقبل. \nوأضاف أن الخطة جاهزة.",
			Right: "وقال الوزير إن الحكومة ستعلن خطتها الأسبوع المقبل.\nوأضاف أن الخطة جاهزة.",
			Fix:   "Safe, one fix for the paragraph: a run becomes one space, or one no-break space if it held one beside a digit (5 كم: a number bound to its unit); trailing whitespace is deleted, and a whitespace-only line is emptied. The CR of a CRLF line end is kept.",
		},
		Run: whitespace,
	}, nil
}

const nbsp = "\u00a0"

// wsSlip is one run of whitespace to fix.
type wsSlip struct {
	start, end int
	repl       string
	msg        string // the message's key in the catalogue
	spaces     int    // of a run of spaces: how many
	inLine     bool   // a run of plain spaces between words: a typing slip that shows in print
}

// message is the slip's message in the pass's language.
func (s wsSlip) message(p *lint.Pass) string {
	if s.msg == "spaces" {
		return i18n.Plural(p.Lang(), p.Rule.ID, "spaces", s.spaces)
	}
	return p.T(s.msg)
}

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
	var slips []wsSlip
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
				slips = append(slips, wsSlip{start: pos, end: end, msg: "blank-line"})
			case lineEnd:
				if markdown && end-pos >= 2 && strings.Trim(text[pos:end], " ") == "" {
					break // a Markdown hard line break
				}
				slips = append(slips, wsSlip{start: pos, end: end, msg: "trailing"})
			case lineStart:
				// indentation
			default:
				if sl, ok := spaceRun(text, pos, end); ok {
					slips = append(slips, sl)
				}
			}
			if br < 0 {
				break
			}
			pos = next
		}
	}
	reportParagraphs(p, slips)
}

// reportParagraphs reports the slips one finding per paragraph (lines up
// to a blank line; the blank lines after a paragraph belong to it): the
// finding marks the first slip, and its fix mends them all. CMS exports
// leave trailing blanks and space + no-break space pairs on most lines,
// and one finding for each would bury the report; an editor wants to know
// that a paragraph needs a clean-up, once. The finding is a warning when
// the paragraph has a run of plain spaces between words (a typing slip
// that shows in print), info when it has only what a CMS leaves behind
// (trailing whitespace, blank lines with spaces, a space beside a no-break
// space).
func reportParagraphs(p *lint.Pass, slips []wsSlip) {
	var starts []int
	if len(slips) > 1 {
		starts = paragraphStarts(p.Text)
	}
	for i, next := 0, 0; i < len(slips); {
		// next: the first paragraph start after the slip i
		for next < len(starts) && starts[next] <= slips[i].start {
			next++
		}
		j := i + 1
		for j < len(slips) && (next == len(starts) || slips[j].start < starts[next]) {
			j++
		}
		group := slips[i:j]
		level := lint.Info
		edits := make([]lint.TextEdit, len(group))
		for k, sl := range group {
			edits[k] = lint.TextEdit{Start: sl.start, End: sl.end, New: sl.repl}
			if sl.inLine {
				level = lint.Warning
			}
		}
		msg, fixMsg := group[0].message(p), ""
		if n := len(group) - 1; n > 0 {
			msg = p.T("and-more", msg, i18n.Plural(p.Lang(), p.Rule.ID, "more", n))
			fixMsg = p.T("mend")
		}
		p.Report(lint.Diagnostic{Start: group[0].start, End: group[0].end, Level: level, Message: msg,
			Fixes: []lint.SuggestedFix{{Message: fixMsg, Applicability: lint.Safe, Edits: edits}}})
		i = j
	}
}

// paragraphStarts returns the offsets where a paragraph starts: a line with
// text after a blank line (empty or only whitespace).
func paragraphStarts(text string) []int {
	var starts []int
	blank := false
	for pos := 0; pos < len(text); {
		end := strings.IndexAny(text[pos:], "\r\n")
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += pos
			next = end + 1
			if text[end] == '\r' && next < len(text) && text[next] == '\n' {
				next++
			}
		}
		if strings.Trim(text[pos:end], " \t\u00a0") == "" {
			blank = true
		} else {
			if blank {
				starts = append(starts, pos)
			}
			blank = false
		}
		pos = next
	}
	return starts
}

// spaceRun returns the slip of a run of whitespace inside a line when it is
// two characters or more, all spaces or no-break spaces (a tab is taken
// for alignment).
func spaceRun(text string, start, end int) (wsSlip, bool) {
	run := text[start:end]
	chars, hasNBSP := 0, false
	for i := 0; i < len(run); {
		switch {
		case run[i] == ' ':
			i++
		case strings.HasPrefix(run[i:], nbsp):
			i += len(nbsp)
			hasNBSP = true
		default:
			return wsSlip{}, false
		}
		chars++
	}
	if chars < 2 {
		return wsSlip{}, false
	}
	if hasNBSP {
		// a no-break space binds a number to its unit or its word (5 كم،
		// 2015 م): kept there, and in a run of no-break spaces alone;
		// between two words a space beside one was one space
		if digitBeside(text, start, end) || !strings.Contains(run, " ") {
			return wsSlip{start: start, end: end, repl: nbsp, msg: "nbsp"}, true
		}
		return wsSlip{start: start, end: end, repl: " ", msg: "nbsp-plain"}, true
	}
	return wsSlip{start: start, end: end, repl: " ", msg: "spaces", spaces: chars, inLine: true}, true
}

// digitBeside reports whether a digit (ASCII or Arabic-Indic) ends
// text[:start] or starts text[end:].
func digitBeside(text string, start, end int) bool {
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' || r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹' }
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return isDigit(before) || isDigit(after)
}
