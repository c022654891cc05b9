package markup

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/linttest/scaling"
)

func TestMarkdownLimits(t *testing.T) {
	over := MaxNesting + 1
	rows := func(n int, row string) string { return strings.Repeat(row, n) }
	for _, c := range []struct {
		name, src string
		line      int // 0: parsed
		msg       string
	}{
		{"list markers", "أ\n\n" + strings.Repeat("- ", over) + "x\n", 3, "block quotes and lists"},
		{"list markers at the limit", strings.Repeat("- ", MaxNesting) + "x\n", 0, ""},
		{"ordered", strings.Repeat("1. ", over/2) + strings.Repeat("2) ", over/2+1) + "x\n", 1, "block quotes and lists"},
		{"mixed", strings.Repeat("> * ", over/2+1) + "x\n", 1, "block quotes and lists"},
		{"block quotes", strings.Repeat("> ", over) + "x\n", 1, "block quotes and lists"},
		{"block quotes unspaced", "\n" + strings.Repeat(">", over) + "x\n", 2, "block quotes and lists"},
		{"block quotes at the limit", strings.Repeat(">", MaxNesting) + "x\n" + strings.Repeat(">", MaxNesting) + "\n", 0, ""},
		{"indented list item", strings.Repeat(" ", 2*MaxNesting) + "- x\n", 1, "block quotes and lists"},
		{"tab-indented list item", strings.Repeat("\t", MaxNesting/2) + "- x\n", 1, "block quotes and lists"},
		{"indented code", strings.Repeat(" ", 4*MaxNesting) + "x\n", 0, ""},
		{"not markers", strings.Repeat("-x ", 2*MaxNesting) + strings.Repeat("1.x ", 2*MaxNesting) + "\n", 0, ""},
		{"thematic break after text", "x\n" + strings.Repeat("* ", 10) + "\n", 0, ""},
		{"brackets", strings.Repeat("[", over) + "x" + strings.Repeat("]", over) + "\n", 1, "brackets and parentheses"},
		{"brackets over lines", "أ\n" + rows(over, "[\n") + "x\n", 2 + MaxNesting, "brackets and parentheses"},
		{"brackets closed", rows(3*MaxNesting, "[a](b) ") + "\n", 0, ""},
		{"brackets in paragraphs", rows(over, "[x\n\n"), 0, ""},
		{"brackets in quoted paragraphs", rows(over, "> [x\n>\n"), 0, ""},
		{"escaped brackets", rows(over, `\[\(`) + "\n", 0, ""},
		{"links in destinations", rows(over, "[a](") + "\n", 1, "brackets and parentheses"},
		{"after front matter", "---\ntitle: أ\n---\n" + strings.Repeat("(", over) + "\n", 4, "brackets and parentheses"},
		{"wide table", rows(2000, "|a") + "|\n" + rows(2000, "|-") + "|\n" + rows(2000, "|b\n"), 2, "tables of more than"},
		{"long table", "|a|b|c|\n|-|:-:|-|\n" + rows(60000, "|ب|ج|د|\n"), 0, ""},
		{"short rows", "|a|b|c|d|e|f|\n|-|-|-|-|-|-|\n" + rows(20000, "|ب\n"), 0, ""},
		{"tables apart", rows(100, rows(100, "|a")+"|\n"+rows(100, "|-")+"|\n"+rows(30, rows(100, "|b")+"\n")+"\n"), 0, ""},
		{"short rows of wide tables", rows(100, rows(100, "|a")+"|\n"+rows(100, "|-")+"|\n"+rows(30, "|b\n")+"\n"), 33*48 + 2, "tables of more than"},
		{"escaped pipes in code", "|a|\n|-|\n" + rows(maxCodePipes+1, "|`\\|`|\n"), 2 + maxCodePipes + 1, "escaped pipes"},
		{"escaped pipes without code", "|a|\n|-|\n" + rows(2*maxCodePipes, "|\\||\n"), 0, ""},
	} {
		_, _, err := Parse("news/a.md", []byte(c.src), Options{})
		var e *LimitError
		if c.line == 0 {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		if !errors.As(err, &e) || e.Path != "news/a.md" || e.Line != c.line || !strings.Contains(e.Msg, c.msg) {
			t.Errorf("%s: %v, want a *LimitError at news/a.md:%d: %s", c.name, err, c.line, c.msg)
			continue
		}
		if want := "news/a.md:" + itoa(c.line) + ": "; !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: %q, want it to start %q", c.name, err.Error(), want)
		}
		// HTML and plain text are not Markdown
		for _, name := range []string{"a.html", "a.txt"} {
			if _, _, err := Parse(name, []byte(c.src), Options{}); err != nil {
				t.Errorf("%s as %s: %v", c.name, name, err)
			}
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestMergeBlankLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"a\n\nb", "a\n\nb"},
		{"a\n\n\nb", "a\n\n\nb"},
		{"a\n\n\n\nb", "a\n\n \nb"},
		{"a\n\n\n\n\n\nb\n\n\n\n", "a\n\n   \nb\n\n \n"},
		{"a\r\n\r\n \t\r\n\t\t\n\r\nb", "a\r\n\r\n        \nb"},
		{"a\n\n\n\v\n\n\n\nb", "a\n\n\n\v\n\n \nb"},
		{"a\n\n\n\n  ", "a\n\n \n  "},
		{"\n\n\n", "\n \n"},
		{"\n\n\n\n", "\n  \n"},
	} {
		in := []byte(c.in)
		if got := string(mergeBlankLines(in)); got != c.want {
			t.Errorf("mergeBlankLines(%q) = %q, want %q", c.in, got, c.want)
		}
		if string(in) != c.in {
			t.Errorf("mergeBlankLines(%q) changed its input", c.in)
		}
	}
}

// TestMergeBlankLinesSameParse parses random Markdown with blank lines in
// every kind of block with and without mergeBlankLines: the same text, the
// same offset map, the same pieces and directives.
func TestMergeBlankLinesSameParse(t *testing.T) {
	defer func() { mergeBlank = mergeBlankLines }()
	r := rand.New(rand.NewPCG(10, 12))
	pieces := []string{
		"\n", "\n", "\n\n\n", "\r\n", "  \n", "\t\n", "\v\n", "    \n", "\n\n\n\n\n",
		"- أ\n", "  - ب\n", "    - ج\n", "1. د\n", "   2) هـ\n", "-\n", "* \n", "> قال\n", "> > نعم\n", ">\n", "> - و\n",
		"نص عادي\n", "تابع السطر\n", "    شيفرة\n", "\t\tشيفرة\n", "```\n", "~~~\n", "<!--\n", "-->\n", "<!-- daqiq-disable-next-line -->\n",
		"<div>\n", "</div>\n", "<pre>\n", "</pre>\n", "<script>\n", "</script>\n", "| أ | ب |\n", "|---|---|\n", "| ج |\n",
		"[ر]: /u\n", "[ر]\n", "# عنوان\n", "عنوان\n===\n", "***\n", "<code>\n", "</code>\n", "`ك`\n", "\\\n",
	}
	for i := 0; i < 4000; i++ {
		var b strings.Builder
		for n := r.IntN(30); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		src := []byte(b.String())
		mergeBlank = mergeBlankLines
		doc, x, err := Parse("a.md", src, Options{})
		mergeBlank = func(b []byte) []byte { return b }
		wdoc, wx, werr := Parse("a.md", src, Options{})
		if err != nil || werr != nil {
			t.Fatalf("%q: %v, %v", src, err, werr)
		}
		if doc.Text != wdoc.Text {
			t.Fatalf("%q: text %q, without merging %q", src, doc.Text, wdoc.Text)
		}
		for k := 0; k <= len(doc.Text); k++ {
			if doc.ToSrc(k) != wdoc.ToSrc(k) || doc.ToSrcStart(k) != wdoc.ToSrcStart(k) {
				t.Fatalf("%q: text offset %d maps to %d, %d; without merging %d, %d", src, k, doc.ToSrcStart(k), doc.ToSrc(k), wdoc.ToSrcStart(k), wdoc.ToSrc(k))
			}
		}
		if !reflect.DeepEqual(x.pieces, wx.pieces) || !reflect.DeepEqual(x.Directives, wx.Directives) {
			t.Fatalf("%q: pieces %v, directives %+v; without merging %v, %+v", src, x.pieces, x.Directives, wx.pieces, wx.Directives)
		}
	}
}

// TestMarkdownLinear: goldmark's time grew with the square of the nesting
// on a line (40,000 list markers, 80 KB, took 7 s), of the brackets open
// in a paragraph, of the blank lines times the list items open around
// them, of the width of a table times its rows and of the escaped pipes in
// code in a table. Now such a file is refused (LimitError) in one pass, and
// the Markdown within the limits costs in proportion to its size.
func TestMarkdownLinear(t *testing.T) {
	for _, c := range []struct {
		name    string
		n       int
		doc     func(n int) string
		refused bool
	}{
		{"list markers", 20000, func(n int) string { return strings.Repeat("- ", n) + "x\n" }, true},
		{"block quotes", 20000, func(n int) string { return strings.Repeat("> ", n) + "x\n" }, true},
		{"brackets", 20000, func(n int) string { return strings.Repeat("[", n) + "x" + strings.Repeat("]", n) + "\n" }, true},
		{"wide tables", 1000, func(n int) string {
			return strings.Repeat("|أ", n) + "|\n" + strings.Repeat("|-", n) + "|\n" + strings.Repeat("|ب\n", n)
		}, true},
		{"escaped pipes in code", 5000, func(n int) string { return "|أ|\n|-|\n" + strings.Repeat("|`\\|`|\n", n) }, true},
		{"lists at the limit", 4, func(n int) string { return strings.Repeat(strings.Repeat("- ", MaxNesting)+"x\n", n) }, false},
		{"block quotes at the limit", 4, func(n int) string { return strings.Repeat(strings.Repeat("> ", MaxNesting)+"x\n", n) }, false},
		{"blank lines in lists", 20000, func(n int) string {
			return strings.Repeat("- ", MaxNesting) + "أ\n" + strings.Repeat("\n", n) + strings.Repeat("  ", MaxNesting) + "ب\n"
		}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			scaling.Linear(t, c.n, func(n int) func() {
				src := []byte(c.doc(n))
				return func() {
					_, _, err := Parse("a.md", src, Options{})
					var e *LimitError
					if c.refused != errors.As(err, &e) {
						t.Fatalf("n=%d: %v", n, err)
					}
				}
			})
		})
	}
}

// TestBlankLinesInLists: goldmark continued every open list item on each
// blank line and kept a record of each: "- " 100 deep then 200,000 blank
// lines allocated 24,700 bytes per byte of the file (4.9 GB). Merged,
// they cost what a short paragraph does; what is left (43 bytes a byte)
// is the document's table of line starts.
func TestBlankLinesInLists(t *testing.T) {
	src := []byte(strings.Repeat("- ", 100) + "أ\n" + strings.Repeat("\n", 200000) + strings.Repeat("  ", 100) + "ب\n")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	doc, _, err := Parse("a.md", src, Options{})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "أ\n\nب" {
		t.Errorf("text %q", doc.Text)
	}
	perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(src))
	t.Logf("%.1f bytes allocated per byte of the file", perByte)
	if perByte > 100 {
		t.Errorf("%.0f bytes allocated per byte of the file", perByte)
	}
}
