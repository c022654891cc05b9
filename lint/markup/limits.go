package markup

import (
	"bytes"
	"fmt"
)

// goldmark's time grows faster than its input with some Markdown: with the
// number of block quote and list markers on a line, of brackets and
// parentheses open in a paragraph, of blank lines inside a list (each
// continues every open list item, and goldmark keeps a record per item
// and line: 1 MB of blank lines after "- - - x" allocated 7 GB), of cells
// in a table (every row has as many as the header, filled or not) and of
// escaped pipes in code in table cells (each compared with every other).
// Parse refuses the Markdown that would cost that much, before goldmark
// sees it, with a LimitError naming the line; blank lines it merges
// (mergeBlankLines) since it can do so without changing what they mean.
// No article comes near the limits.

// MaxNesting is the deepest Markdown nesting Parse reads: the block quote
// markers and list items that start on one line (a list item's
// indentation counting one level per two columns), and the brackets and
// parentheses open at once in a paragraph.
const MaxNesting = 1000

const (
	// minTableCells is the number of table cells a Markdown file may
	// always have; beyond it, one per byte of the file. goldmark fills a
	// short row up to the width of its header, so that a wide header and
	// many rows of a cell each cost header × rows.
	minTableCells = 100_000
	// maxCodePipes is the most escaped pipes (\|) Parse accepts in table
	// rows that hold code: goldmark compares each code span of such a
	// cell with every escaped pipe.
	maxCodePipes = 3000
)

// LimitError is a Markdown file that Parse does not read: nested deeper
// than MaxNesting or a table too large for the parser.
type LimitError struct {
	Path string
	Line int // 1-based, in the file
	Msg  string
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%s:%d: %s; the file is not checked", e.Path, e.Line, e.Msg)
}

// markdownLimits checks the Markdown body against the limits; on failure
// it returns the offset in body of the line at fault and what is wrong.
// One pass, as goldmark reads lines: a container prefix of block quote
// markers, list markers and indentation, then content.
func markdownLimits(body []byte) (at int, msg string) {
	brackets := 0              // [ and ( open in the current paragraph
	tableCols, tableAt := 0, 0 // the current table's header width, and its delimiter row
	cells, pipes := 0, 0       // table cells and escaped pipes in code in tables so far
	maxCells := len(body) + minTableCells
	for ls := 0; ls < len(body); {
		le := bytes.IndexByte(body[ls:], '\n')
		if le < 0 {
			le = len(body)
		} else {
			le += ls
		}
		line := body[ls:le]
		next := le + 1

		levels, lists, indent, cols, i := 0, 0, 0, 0, 0
	prefix:
		for i < len(line) {
			switch c := line[i]; {
			case c == ' ':
				cols++
				i++
			case c == '\t':
				cols += 4 - cols%4
				i++
			case c == '>':
				levels++
				cols++
				i++
			case c == '-' || c == '+' || c == '*':
				if !markerEnd(line, i+1) {
					break prefix
				}
				if lists == 0 {
					indent = cols
				}
				levels++
				lists++
				cols++
				i++
			case '0' <= c && c <= '9':
				j := i
				for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
					j++
				}
				if j == len(line) || line[j] != '.' && line[j] != ')' || !markerEnd(line, j+1) {
					break prefix
				}
				if lists == 0 {
					indent = cols
				}
				levels++
				lists++
				cols += j + 1 - i
				i = j + 1
			default:
				break prefix
			}
		}
		if lists > 0 {
			levels += indent / 2
		}
		if levels > MaxNesting {
			return ls, fmt.Sprintf("block quotes and lists nested more than %d deep", MaxNesting)
		}

		content := line[i:]
		if lists == 0 && isBlank(content) {
			// a blank line (in its block quotes): the paragraph and
			// the table end
			brackets, tableCols = 0, 0
			ls = next
			continue
		}
		for k := 0; k < len(content); k++ {
			switch content[k] {
			case '\\':
				if k+1 < len(content) && isASCIIPunct(content[k+1]) {
					k++
				}
			case '[', '(':
				brackets++
				if brackets > MaxNesting {
					return ls, fmt.Sprintf("brackets and parentheses nested more than %d deep", MaxNesting)
				}
			case ']', ')':
				brackets = max(brackets-1, 0)
			}
		}
		if tableDelimiter(content) {
			tableCols, tableAt = tableWidth(content), ls
		}
		if tableCols > 0 {
			cells += tableCols
			if cells > maxCells {
				return tableAt, fmt.Sprintf("tables of more than %d cells in %d bytes (rows shorter than their header count as wide)", maxCells, len(body))
			}
			if bytes.IndexByte(content, '`') >= 0 {
				pipes += bytes.Count(content, []byte(`\|`))
				if pipes > maxCodePipes {
					return ls, fmt.Sprintf("more than %d escaped pipes (\\|) in code in table cells", maxCodePipes)
				}
			}
		}
		ls = next
	}
	return -1, ""
}

// markerEnd reports whether a list marker ending before line[i] is one:
// followed by a space, a tab or the end of the line.
func markerEnd(line []byte, i int) bool {
	return i >= len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\r'
}

// tableDelimiter reports whether a line could be a table's delimiter row,
// as goldmark reads one: only pipes, hyphens, colons and spaces, not all
// hyphens.
func tableDelimiter(l []byte) bool {
	dash, other := false, false
	for _, c := range l {
		switch {
		case c == '-':
			dash = true
		case c == '|' || c == ':':
			other = true
		case c != ' ' && c != '\t' && c != '\r' && c != '\v' && c != '\f':
			return false
		}
	}
	return dash && other
}

// tableWidth is the number of columns of a delimiter row: the parts
// between its pipes, less a blank one at either end.
func tableWidth(l []byte) int {
	first, last := bytes.IndexByte(l, '|'), bytes.LastIndexByte(l, '|')
	if first < 0 {
		return 1
	}
	n := bytes.Count(l, []byte("|")) + 1
	if isBlank(l[:first]) {
		n--
	}
	if isBlank(l[last+1:]) {
		n--
	}
	return max(n, 1)
}

// isBlank reports whether a line (without its line end) is blank: spaces,
// tabs and carriage returns. goldmark also calls a line of vertical tabs
// or form feeds blank in places, but not everywhere: such a line may
// carry on a paragraph, so it is not taken for one here.
func isBlank(l []byte) bool {
	for _, c := range l {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// mergeBlankLines returns body with each run of three or more blank lines
// made two: the first as it is, then one line of spaces up to the run's
// last line end. Offsets do not move, and nothing in Markdown counts
// blank lines past two (code blocks hold them, but their text is not
// read), while goldmark pays for every blank line with every list item
// open around it. body is copied only when a run is found.
func mergeBlankLines(body []byte) []byte {
	out, copied := body, false
	run, from := 0, 0 // blank lines in the current run; the first byte not yet merged
	for ls := 0; ls < len(body); {
		le := bytes.IndexByte(body[ls:], '\n')
		if le < 0 {
			break // a last line without a line end is left as it is
		}
		le += ls
		if !isBlank(body[ls:le]) {
			run = 0
			ls = le + 1
			continue
		}
		run++
		switch {
		case run == 2:
			from = ls
		case run >= 3:
			if !copied {
				out, copied = append([]byte(nil), body...), true
			}
			for k := from; k < le; k++ {
				out[k] = ' '
			}
			from = le
		}
		ls = le + 1
	}
	return out
}
