package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/source"
)

// numbered returns n lines "سطر 1\n" … "سطر n\n".
func numbered(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("سطر %d\n", i+1)
	}
	return out
}

// edit returns lines with the 1-based lines in repl replaced.
func edit(lines []string, repl map[int]string) []string {
	out := append([]string{}, lines...)
	for n, s := range repl {
		out[n-1] = s
	}
	return out
}

func diff(old, new string) string {
	var b strings.Builder
	UnifiedDiff(&b, "a.txt", []byte(old), []byte(new))
	return b.String()
}

var hunkHeader = regexp.MustCompile(`(?m)^@@ -\S+ \+\S+ @@$`)

func hunkHeaders(d string) []string { return hunkHeader.FindAllString(d, -1) }

// applyPatch applies d to a file holding old with patch(1) and returns the
// result; it skips the test when patch is not installed.
func applyPatch(t *testing.T, old []byte, d string) []byte {
	t.Helper()
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch not installed")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, old, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(patch, "-p1", "--batch", "--silent", "--no-backup-if-mismatch")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(d)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch failed: %v\n%s\ndiff:\n%s", err, out, d)
	}
	got, err := os.ReadFile(file)
	if os.IsNotExist(err) { // patch may remove a file that became empty
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestUnifiedDiffIdentical(t *testing.T) {
	for _, s := range []string{"", "قال إن\n", "بلا سطر أخير"} {
		if d := diff(s, s); d != "" {
			t.Errorf("diff of identical %q = %q, want nothing", s, d)
		}
	}
}

func TestUnifiedDiffArabicWord(t *testing.T) {
	old := "سطر ١\nقال المسؤل إن\nسطر ٣\n"
	new := "سطر ١\nقال المسؤول إن\nسطر ٣\n"
	want := "--- a/a.txt\n+++ b/a.txt\n" +
		"@@ -1,3 +1,3 @@\n" +
		" سطر ١\n" +
		"-قال المسؤل إن\n" +
		"+قال المسؤول إن\n" +
		" سطر ٣\n"
	got := diff(old, new)
	if got != want {
		t.Errorf("diff =\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(got, "%D9") || strings.Contains(got, "%d9") {
		t.Errorf("diff percent-encodes Arabic:\n%s", got)
	}
	if p := applyPatch(t, []byte(old), got); string(p) != new {
		t.Errorf("patched = %q, want %q", p, new)
	}
}

func TestUnifiedDiffHunks(t *testing.T) {
	base := numbered(20)
	for _, c := range []struct {
		name    string
		changed []int // 1-based lines changed
		headers []string
	}{
		{"one change at the top", []int{1}, []string{"@@ -1,4 +1,4 @@"}},
		{"one change at the bottom", []int{20}, []string{"@@ -17,4 +17,4 @@"}},
		{"six unchanged lines between: one hunk", []int{5, 12}, []string{"@@ -2,14 +2,14 @@"}},
		{"seven unchanged lines between: two hunks", []int{5, 13}, []string{"@@ -2,7 +2,7 @@", "@@ -10,7 +10,7 @@"}},
		{"far apart: two hunks", []int{2, 15}, []string{"@@ -1,5 +1,5 @@", "@@ -12,7 +12,7 @@"}},
		{"three changes, two close", []int{2, 4, 18}, []string{"@@ -1,7 +1,7 @@", "@@ -15,6 +15,6 @@"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			repl := map[int]string{}
			for _, n := range c.changed {
				repl[n] = fmt.Sprintf("تغيير %d\n", n)
			}
			old, new := strings.Join(base, ""), strings.Join(edit(base, repl), "")
			d := diff(old, new)
			if got := hunkHeaders(d); strings.Join(got, "|") != strings.Join(c.headers, "|") {
				t.Errorf("hunks = %q, want %q\n%s", got, c.headers, d)
			}
			for _, n := range c.changed {
				if !strings.Contains(d, "\n-"+base[n-1]) || !strings.Contains(d, "\n+"+repl[n]) {
					t.Errorf("line %d change missing from\n%s", n, d)
				}
			}
			if p := applyPatch(t, []byte(old), d); string(p) != new {
				t.Errorf("patched = %q, want %q", p, new)
			}
		})
	}
}

func TestUnifiedDiffInsertDelete(t *testing.T) {
	for _, c := range []struct {
		name, old, new, header string
	}{
		{"into empty file", "", "قال\n", "@@ -0,0 +1 @@"},
		{"everything deleted", "قال\n", "", "@@ -1 +0,0 @@"},
		{"line inserted", "أ\nب\nج\n", "أ\nب\nجديد\nج\n", "@@ -1,3 +1,4 @@"},
		{"line deleted", "أ\nب\nج\nد\nه\n", "أ\nب\nد\nه\n", "@@ -1,5 +1,4 @@"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := diff(c.old, c.new)
			if got := hunkHeaders(d); len(got) != 1 || got[0] != c.header {
				t.Errorf("hunks = %q, want [%q]\n%s", got, c.header, d)
			}
			if p := applyPatch(t, []byte(c.old), d); string(p) != c.new {
				t.Errorf("patched = %q, want %q", p, c.new)
			}
		})
	}
}

func TestUnifiedDiffNoNewlineAtEOF(t *testing.T) {
	const marker = "\\ No newline at end of file\n"
	for _, c := range []struct {
		name, old, new string
		markers        int
	}{
		{"last line changed, both without newline", "أ\nقال", "أ\nقالت", 2},
		{"newline added", "أ\nقال", "أ\nقال\n", 1},
		{"newline removed", "أ\nقال\n", "أ\nقال", 1},
		{"first line changed, last line is context without newline", "أ\nب\nقال", "ا\nب\nقال", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := diff(c.old, c.new)
			if n := strings.Count(d, marker); n != c.markers {
				t.Errorf("%d %q markers, want %d:\n%s", n, marker, c.markers, d)
			}
			if p := applyPatch(t, []byte(c.old), d); string(p) != c.new {
				t.Errorf("patched = %q, want %q", p, c.new)
			}
		})
	}
	d := diff("أ\nقال", "أ\nقالت")
	if !strings.Contains(d, "-قال\n"+marker+"+قالت\n"+marker) {
		t.Errorf("marker must follow each line without newline:\n%s", d)
	}
}

// Random edits over a small, repetitive vocabulary: every diff must apply.
func TestUnifiedDiffAppliesRandom(t *testing.T) {
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch not installed")
	}
	vocab := []string{"قال\n", "إن\n", "المسؤول\n", "\n", "خبر عاجل\n", "في\n"}
	rnd := rand.New(rand.NewSource(1))
	gen := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = vocab[rnd.Intn(len(vocab))]
		}
		return out
	}
	join := func(ls []string) string {
		s := strings.Join(ls, "")
		if s != "" && rnd.Intn(4) == 0 {
			s = strings.TrimSuffix(s, "\n")
		}
		return s
	}
	for i := 0; i < 60; i++ {
		old := gen(rnd.Intn(30))
		new := append([]string{}, old...)
		for k := rnd.Intn(4); k >= 0; k-- {
			p := rnd.Intn(len(new) + 1)
			switch rnd.Intn(3) {
			case 0:
				new = append(new[:p], append(gen(1+rnd.Intn(2)), new[p:]...)...)
			case 1:
				if p < len(new) {
					new = append(new[:p], new[p+1:]...)
				}
			default:
				if p < len(new) {
					new[p] = "تغيير\n"
				}
			}
		}
		o, n := join(old), join(new)
		d := diff(o, n)
		if (d == "") != (o == n) {
			t.Fatalf("case %d: diff %q for %q → %q", i, d, o, n)
		}
		if d == "" {
			continue
		}
		if p := applyPatch(t, []byte(o), d); string(p) != n {
			t.Fatalf("case %d: patched = %q, want %q\ndiff:\n%s", i, p, n, d)
		}
	}
}

func doc(t *testing.T, path, src string) *source.Document {
	t.Helper()
	d, err := source.New(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// span returns the byte offsets of the first sub in s.
func span(t *testing.T, s, sub string) (int, int) {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, s)
	}
	return i, i + len(sub)
}

func TestWriteJSON(t *testing.T) {
	src := "سطر أول\nقال المسؤل إن الخبر <صحيح> & أكيد\n"
	d := doc(t, "أخبار/خبر.txt", src)
	s, e := span(t, src, "المسؤل")
	s2, e2 := span(t, src, "<صحيح>")
	f := lint.File{Doc: d, Diagnostics: []lint.Diagnostic{
		{Start: s, End: e, Rule: "spelling/misspelling", Level: lint.Error, Message: "خطأ إملائي: المسؤل",
			Fixes: []lint.SuggestedFix{lint.Replace(s, e, "المسؤول", lint.Safe)}},
		{Start: s2, End: e2, Rule: "style/x", Level: lint.Info, Message: "a <b> & c"},
		{Start: s, End: e, Rule: "style/y", Level: lint.Warning, Message: "two ways",
			Fixes: []lint.SuggestedFix{lint.Replace(s, e, "أ", lint.Unsafe), lint.Replace(s, e, "ب", lint.Safe), lint.Replace(s, e, "ج", lint.DisplayOnly)}},
	}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, []lint.File{f}); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	if strings.Contains(raw, `\u06`) || !strings.Contains(raw, "المسؤول") {
		t.Errorf("Arabic is escaped or missing:\n%s", raw)
	}
	if strings.Contains(raw, `\u003c`) || strings.Contains(raw, `\u0026`) {
		t.Errorf("HTML characters are escaped:\n%s", raw)
	}
	if !strings.Contains(raw, `"suggestions": []`) || !strings.Contains(raw, `"fixes": []`) {
		t.Errorf("no-fix diagnostic must have \"suggestions\": [] and \"fixes\": []:\n%s", raw)
	}

	var generic struct {
		Diagnostics []map[string]any `json:"diagnostics"`
	}
	if err := json.Unmarshal(buf.Bytes(), &generic); err != nil {
		t.Fatal(err)
	}
	wantKeys := "column end_column end_line end_offset fixes line message offset path rule safe severity suggestions text"
	for i, m := range generic.Diagnostics {
		var keys []string
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if got := strings.Join(keys, " "); got != wantKeys {
			t.Errorf("diagnostic %d keys = %s, want %s", i, got, wantKeys)
		}
	}

	var out struct {
		Diagnostics []JSONDiagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	want := []JSONDiagnostic{
		{Path: "أخبار/خبر.txt", Rule: "spelling/misspelling", Severity: "error", Message: "خطأ إملائي: المسؤل",
			Line: 2, Column: 5, EndLine: 2, EndColumn: 11, Offset: s, EndOffset: e, Text: "المسؤل",
			Suggestions: []string{"المسؤول"}, Safe: true, Fixes: []JSONFix{{"المسؤول", true, "safe"}}},
		{Path: "أخبار/خبر.txt", Rule: "style/x", Severity: "info", Message: "a <b> & c",
			Line: 2, Column: 21, EndLine: 2, EndColumn: 27, Offset: s2, EndOffset: e2, Text: "<صحيح>",
			Suggestions: []string{}, Fixes: []JSONFix{}},
		// safe says whether the first fix is; each fix says its own
		{Path: "أخبار/خبر.txt", Rule: "style/y", Severity: "warning", Message: "two ways",
			Line: 2, Column: 5, EndLine: 2, EndColumn: 11, Offset: s, EndOffset: e, Text: "المسؤل",
			Suggestions: []string{"أ", "ب", "ج"}, Safe: false,
			Fixes: []JSONFix{{"أ", false, "unsafe"}, {"ب", true, "safe"}, {"ج", false, "display-only"}}},
	}
	if len(out.Diagnostics) != len(want) {
		t.Fatalf("got %d diagnostics, want %d", len(out.Diagnostics), len(want))
	}
	for i := range want {
		g, w := fmt.Sprintf("%+v", out.Diagnostics[i]), fmt.Sprintf("%+v", want[i])
		if g != w {
			t.Errorf("diagnostic %d:\n got %s\nwant %s", i, g, w)
		}
	}

	// No files: an empty list, not null.
	buf.Reset()
	if err := WriteJSON(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(strings.Fields(buf.String()), ""); got != `{"diagnostics":[]}` {
		t.Errorf("WriteJSON(nil) = %s", buf.String())
	}
}

func TestWriteJSONMultiLineSpan(t *testing.T) {
	src := source.BOM + "قال\r\nقال\r\n"
	d := doc(t, "f.txt", src)
	s := len(source.BOM)
	e := len(src) // the repeated line, with its line break
	js := ToJSON(lint.File{Doc: d, Diagnostics: []lint.Diagnostic{{Start: s, End: e, Rule: "r/x", Level: lint.Warning,
		Fixes: []lint.SuggestedFix{lint.Replace(s+len("قال\r\n"), e, "", lint.Safe)}}}})
	if len(js) != 1 {
		t.Fatalf("got %d diagnostics", len(js))
	}
	j := js[0]
	if j.Line != 1 || j.Column != 1 || j.EndLine != 3 || j.EndColumn != 1 {
		t.Errorf("span = %d:%d-%d:%d, want 1:1-3:1", j.Line, j.Column, j.EndLine, j.EndColumn)
	}
	if j.Offset != 3 || j.EndOffset != len(src) {
		t.Errorf("offsets = %d-%d", j.Offset, j.EndOffset)
	}
}

func TestWriteText(t *testing.T) {
	src := source.BOM + "سطر أول\r\nقال المسؤل إن الخبر صحيح\r\n"
	d := doc(t, "خبر.txt", src)
	s, e := span(t, src, "المسؤل")
	s2, e2 := span(t, src, " صحيح")
	s3, e3 := span(t, src, "سطر")
	f := lint.File{Doc: d, Diagnostics: []lint.Diagnostic{
		{Start: s3, End: e3, Rule: "a/first", Level: lint.Info, Message: "أول سطر"},
		{Start: s, End: e, Rule: "spelling/misspelling", Level: lint.Warning, Message: "خطأ إملائي",
			Fixes: []lint.SuggestedFix{
				lint.Replace(s, e, "المسؤول", lint.Safe),
				lint.Replace(s, e, "المسئول", lint.Unsafe),
			}},
		{Start: s2, End: e2, Rule: "space/x", Level: lint.Error, Message: "حذف",
			Fixes: []lint.SuggestedFix{lint.Replace(s2, e2, "", lint.DisplayOnly)}},
	}}
	var b strings.Builder
	WriteText(&b, f, TextOptions{Color: false, Lang: i18n.En})
	want := "خبر.txt:1:1: info a/first: أول سطر\n" +
		"  | [سطر] أول\n" +
		"خبر.txt:2:5: warning spelling/misspelling: خطأ إملائي\n" +
		"  suggestion: المسؤول\n" +
		"  suggestion (unsafe): المسئول\n" +
		"  | قال [المسؤل] إن الخبر صحيح\n" +
		"خبر.txt:2:20: error space/x: حذف\n" +
		"  suggestion (display-only): (delete)\n" +
		"  | قال المسؤل إن الخبر[ صحيح]\n"
	if got := b.String(); got != want {
		t.Errorf("WriteText =\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(b.String(), "\x1b") || strings.Contains(b.String(), "\r") {
		t.Errorf("plain output has ANSI escapes or CR: %q", b.String())
	}

	b.Reset()
	WriteText(&b, f, TextOptions{Color: true, Lang: i18n.En})
	got := b.String()
	for _, w := range []string{yellow + "warning" + reset, red + "error" + reset, blue + "info" + reset, bold + under + "المسؤل" + reset} {
		if !strings.Contains(got, w) {
			t.Errorf("colour output lacks %q:\n%q", w, got)
		}
	}
	if strings.Contains(got, "[المسؤل]") {
		t.Errorf("colour output uses brackets: %q", got)
	}
}

// A replacement made only of white space is named, not printed blank.
func TestWriteTextWhitespaceSuggestion(t *testing.T) {
	src := "قال  المسؤل ،الخبر\n"
	d := doc(t, "خبر.txt", src)
	s, e := span(t, src, "  ")
	s2, e2 := span(t, src, " ،")
	f := lint.File{Doc: d, Diagnostics: []lint.Diagnostic{
		{Start: s, End: e, Rule: "space/double", Level: lint.Warning, Message: "مسافتان",
			Fixes: []lint.SuggestedFix{lint.Replace(s, e, " ", lint.Safe), lint.Replace(s, e, "\u00a0\u00a0\n", lint.Unsafe)}},
		{Start: s2, End: e2, Rule: "space/comma", Level: lint.Warning, Message: "فاصلة",
			Fixes: []lint.SuggestedFix{lint.Replace(s2, e2, "، ", lint.Safe)}},
	}}
	var b strings.Builder
	WriteText(&b, f, TextOptions{Lang: i18n.En})
	for _, want := range []string{"  suggestion: (space)\n", "  suggestion (unsafe): (2 no-break spaces, newline)\n", "  suggestion: ، \n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("WriteText lacks %q:\n%s", want, b.String())
		}
	}
	for in, want := range map[string]string{"  ": "(2 spaces)", "\t": "(tab)", " \r\n": "(space, carriage return, newline)", "\u2009": "(U+2009)", "": "(delete)", " x ": " x "} {
		if got := suggestionText(i18n.En, in); got != want {
			t.Errorf("suggestionText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteTextClipsAndMultiLine(t *testing.T) {
	long := strings.Repeat("ب", 50)
	src := long + " خطأ " + long + "\nثاني\n"
	d := doc(t, "f", src)
	s, e := span(t, src, "خطأ")
	ms, _ := span(t, src, "خطأ")
	_, me := span(t, src, "ثاني")
	var b strings.Builder
	WriteText(&b, lint.File{Doc: d, Diagnostics: []lint.Diagnostic{
		{Start: s, End: e, Rule: "r/a", Level: lint.Warning, Message: "m"},
		{Start: ms, End: me, Rule: "r/b", Level: lint.Warning, Message: "m"},
	}}, TextOptions{Lang: i18n.En})
	ctx := strings.Repeat("ب", 39)
	want := "f:1:52: warning r/a: m\n" +
		"  | …" + ctx + " [خطأ] " + ctx + "…\n" +
		"f:1:52: warning r/b: m\n" +
		"  | …" + ctx + " [خطأ " + long + "]\n"
	if got := b.String(); got != want {
		t.Errorf("WriteText =\n%s\nwant\n%s", got, want)
	}
}
