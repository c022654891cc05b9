package output

import (
	"fmt"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/source"
)

func github(t *testing.T, files []lint.File, o GitHubOptions) string {
	t.Helper()
	var b strings.Builder
	if err := WriteGitHub(&b, files, o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteGitHub(t *testing.T) {
	// Line 1: 📰 is two UTF-16 units, so المسؤل starts at column 8 (7 in
	// code points). Lines 3–4: a span over two lines has no columns.
	want := "::error file=أخبار/خبر 1.txt,line=1,col=8,endLine=1,endColumn=14,title=spelling/misspelling::“المسؤل” is misspelled: write “المسؤول”\n" +
		"::warning file=أخبار/خبر 1.txt,line=2,col=11,endLine=2,endColumn=14,title=repetition/repeated-word::“قال” is repeated\n" +
		"::notice file=أخبار/خبر 1.txt,line=3,endLine=4,title=repetition/repeated-line::line 4 repeats line 3 (100%25)\n" +
		"daqiq: 3 problems (1 error, 1 warning, 1 info) in 1 file\n"
	if got := github(t, fixture(t), GitHubOptions{Lang: i18n.En}); got != want {
		t.Errorf("WriteGitHub =\n%s\nwant\n%s", got, want)
	}
}

func TestWriteGitHubEscaping(t *testing.T) {
	src := "قال: 50%\r\nثاني\n"
	d := doc(t, "مجلد,أ/ملف:1 %.txt", src)
	s, e := span(t, src, "50%")
	got := github(t, []lint.File{{Doc: d, Diagnostics: []lint.Diagnostic{
		{Start: s, End: e, Rule: "r:x,y", Level: lint.Warning, Message: "نسبة 50%: سطر\r\nوسطر، a,b"},
	}}}, GitHubOptions{Lang: i18n.En})
	want := "::warning file=مجلد%2Cأ/ملف%3A1 %25.txt,line=1,col=6,endLine=1,endColumn=9,title=r%3Ax%2Cy::نسبة 50%25: سطر%0D%0Aوسطر، a,b\n" +
		"daqiq: 1 problem (1 warning) in 1 file\n"
	if got != want {
		t.Errorf("WriteGitHub =\n%s\nwant\n%s", got, want)
	}
	if n := strings.Count(got, "\n"); n != 2 {
		t.Errorf("%d lines, want 2: a message must not break its command", n)
	}
	for _, c := range []struct{ in, data, prop string }{
		{"a%b", "a%25b", "a%25b"},
		{"%0A", "%250A", "%250A"},
		{"a\nb\rc", "a%0Ab%0Dc", "a%0Ab%0Dc"},
		{"x: y, z", "x: y, z", "x%3A y%2C z"},
		{"::error::", "::error::", "%3A%3Aerror%3A%3A"},
	} {
		if g := ghData(c.in); g != c.data {
			t.Errorf("ghData(%q) = %q, want %q", c.in, g, c.data)
		}
		if g := ghProperty(c.in); g != c.prop {
			t.Errorf("ghProperty(%q) = %q, want %q", c.in, g, c.prop)
		}
	}
}

func TestWriteGitHubSpans(t *testing.T) {
	src := source.BOM + "🙂سطر\r\nسطر\r\nآخر\n"
	d := doc(t, "f.txt", src)
	l1 := len(source.BOM)
	l2 := strings.Index(src, "سطر\r\nآخر")
	l3 := strings.Index(src, "آخر")
	got := github(t, []lint.File{{Doc: d, Diagnostics: []lint.Diagnostic{
		// a line with its CRLF: shown on that line, to its last column
		{Start: l1, End: l2, Rule: "r/line", Level: lint.Info, Message: "m"},
		// two lines and the break after them: still two lines, no columns
		{Start: l1, End: l3, Rule: "r/two", Level: lint.Info, Message: "m"},
		// the line break alone: kept, over two lines
		{Start: l2 - 2, End: l2, Rule: "r/break", Level: lint.Info, Message: "m"},
		// empty span: col equals endColumn
		{Start: l3, End: l3, Rule: "r/empty", Level: lint.Info},
	}}}, GitHubOptions{Lang: i18n.En})
	want := "::notice file=f.txt,line=1,col=1,endLine=1,endColumn=6,title=r/line::m\n" +
		"::notice file=f.txt,line=1,endLine=2,title=r/two::m\n" +
		"::notice file=f.txt,line=1,endLine=2,title=r/break::m\n" +
		"::notice file=f.txt,line=3,col=1,endLine=3,endColumn=1,title=r/empty::r/empty\n" +
		"daqiq: 4 problems (4 infos) in 1 file\n"
	if got != want {
		t.Errorf("WriteGitHub =\n%s\nwant\n%s", got, want)
	}
}

func TestWriteGitHubSummary(t *testing.T) {
	clean := doc(t, "a.txt", "نظيف\n")
	if got := github(t, []lint.File{{Doc: clean}, {Doc: clean}}, GitHubOptions{Lang: i18n.En}); got != "daqiq: no problems (2 files checked)\n" {
		t.Errorf("clean run: %q", got)
	}
	if got := github(t, nil, GitHubOptions{Lang: i18n.En}); got != "daqiq: no problems (0 files checked)\n" {
		t.Errorf("no files: %q", got)
	}

	src := strings.Repeat("خطأ\n", 12)
	d := doc(t, "b.txt", src)
	var ds []lint.Diagnostic
	for i := 0; i < 12; i++ {
		sev := lint.Error
		if i%4 == 0 {
			sev = lint.Warning
		}
		ds = append(ds, lint.Diagnostic{Start: i * len("خطأ\n"), End: i*len("خطأ\n") + len("خطأ"), Rule: "r/x", Level: sev, Message: "m"})
	}
	got := github(t, []lint.File{{Doc: d, Diagnostics: ds}, {Doc: clean}, {Doc: d, Diagnostics: ds[:1]}}, GitHubOptions{Lang: i18n.En})
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 14 {
		t.Fatalf("%d lines, want 13 commands and a summary:\n%s", len(lines), got)
	}
	want := "daqiq: 13 problems (9 errors, 4 warnings) in 2 files"
	if last := lines[len(lines)-1]; last != want {
		t.Errorf("summary = %q, want %q", last, want)
	}

	// more than GitHub annotates: the summary says so
	more := append(append([]lint.Diagnostic{}, ds...), ds[1:3]...)
	lines = strings.Split(strings.TrimSuffix(github(t, []lint.File{{Doc: d, Diagnostics: more}}, GitHubOptions{Lang: i18n.En}), "\n"), "\n")
	want = "daqiq: 14 problems (11 errors, 3 warnings) in 1 file; GitHub annotates at most 10 of each level per step, the log lists them all"
	if last := lines[len(lines)-1]; last != want {
		t.Errorf("summary = %q, want %q", last, want)
	}
	if n := strings.Count(strings.Join(lines, "\n"), "::error "); n != 11 {
		t.Errorf("%d ::error commands, want all 11", n)
	}
}

func TestWriteGitHubRoot(t *testing.T) {
	root := t.TempDir()
	d := doc(t, root+"/أخبار/خبر.txt", "خطأ\n")
	f := []lint.File{{Doc: d, Diagnostics: []lint.Diagnostic{{Start: 0, End: len("خطأ"), Rule: "r/x", Level: lint.Error, Message: "m"}}}}
	got := github(t, f, GitHubOptions{Root: root, Lang: i18n.En})
	if want := "::error file=أخبار/خبر.txt,line=1,"; !strings.HasPrefix(got, want) {
		t.Errorf("WriteGitHub with Root = %q, want prefix %q", got, want)
	}
	got = github(t, f, GitHubOptions{Lang: i18n.En})
	if want := fmt.Sprintf("::error file=%s/أخبار/خبر.txt,", ghProperty(root)); !strings.HasPrefix(got, want) {
		t.Errorf("WriteGitHub without Root = %q, want prefix %q", got, want)
	}
}
