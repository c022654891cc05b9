package output

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/source"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/output")

// goldenDir holds the pinned output of the longer formats and the SARIF
// schema.
var goldenDir = filepath.Join("..", "..", "testdata", "output")

// checkGolden compares got with the golden file name, or rewrites it with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join(goldenDir, name)
	if *updateGolden {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

// offsetAt is the byte offset of a 1-based line and column, the column
// counted in UTF-16 code units (utf16, a byte-order mark not counted) or
// in bytes; the tests' own mapping, independent of source.Document.Pos.
func offsetAt(t *testing.T, src []byte, line, col int, utf16 bool) int {
	t.Helper()
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			t.Fatalf("no line %d", line)
		}
		off += i + 1
	}
	if !utf16 { // byte columns count a byte-order mark
		return off + col - 1
	}
	if line == 1 && bytes.HasPrefix(src, []byte(source.BOM)) {
		off += len(source.BOM)
	}
	for c := 1; c < col; {
		r, n := utf8.DecodeRune(src[off:])
		if n == 0 {
			t.Fatalf("column %d past the end of line %d", col, line)
		}
		off += n
		c++
		if r >= 0x10000 {
			c++
		}
	}
	return off
}

// The fixture every format is pinned on: Arabic with emoji before the
// flagged words (so code-point, UTF-16 and byte columns all differ), a
// multi-line span, a deletion, an unsafe fix, and a path that needs
// percent-encoding.
const fixtureSrc = "📰 قال المسؤل إن الخبر صحيح\n" +
	"عاجل: قال قال\n" +
	"سطر 🙂 مكرر\n" +
	"سطر 🙂 مكرر\n"

func fixture(t *testing.T) []lint.File {
	t.Helper()
	src := fixtureSrc
	d := doc(t, "أخبار/خبر 1.txt", src)
	s1, e1 := span(t, src, "المسؤل")
	// the second قال of line 2, and the space before it
	i2 := strings.Index(src, "قال قال") + len("قال ")
	s2, e2 := i2, i2+len("قال")
	l3 := strings.Index(src, "سطر")
	l4 := strings.LastIndex(src, "سطر")
	e3 := len(src) - 1 // end of line 4, before its "\n"
	clean := doc(t, "نظيف.txt", "خبر نظيف\n")
	return []lint.File{
		{Doc: d, Diagnostics: []lint.Diagnostic{
			{Start: s1, End: e1, Rule: "spelling/misspelling", Level: lint.Error,
				Message: "“المسؤل” is misspelled: write “المسؤول”",
				Fixes:   []lint.SuggestedFix{lint.Replace(s1, e1, "المسؤول", lint.Safe)}},
			{Start: s2, End: e2, Rule: "repetition/repeated-word", Level: lint.Warning,
				Message: "“قال” is repeated",
				Fixes:   []lint.SuggestedFix{lint.Replace(s2-1, e2, "", lint.Unsafe)}},
			{Start: l3, End: e3, Rule: "repetition/repeated-line", Level: lint.Info,
				Message: "line 4 repeats line 3 (100%)",
				Fixes:   []lint.SuggestedFix{{Message: "delete line 4", Applicability: lint.Safe, Edits: []lint.TextEdit{{Start: l4, End: len(src)}}}}},
		}},
		{Doc: clean},
	}
}

var fixtureRules = []*lint.Rule{
	{ID: "repetition/repeated-line", Category: "repetition", Level: lint.Warning, Summary: "a line identical to the one above",
		Doc: lint.Doc{What: "Flags a line identical to the line right above it.", Why: "A pasted line twice is a slip.",
			Wrong: "سطر\nسطر", Right: "سطر", Fix: "Unsafe: the repetition may be deliberate."}},
	{ID: "spelling/misspelling", Category: "spelling", Level: lint.Error, Summary: "common newsroom misspellings",
		Doc:  lint.Doc{What: "Flags common misspellings.", Why: "They look careless.", Wrong: "المسؤل", Right: "المسؤول"},
		Link: "https://example.org/rules/spelling/misspelling"},
	{ID: "typography/off", Category: "typography", Level: lint.Info, Summary: "a rule off by default", Disabled: true},
}
