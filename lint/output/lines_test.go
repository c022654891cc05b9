package output

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// crFile is an old Mac file, its lines ended by a lone CR: "أ فى ب",
// "ج", "" (after the final CR). Findings: فى (line 1, column 3), ج (line
// 2, column 1) and "ب\r", a span that ends with the line's CR.
func crFile(t *testing.T) lint.File {
	t.Helper()
	src := "أ فى ب\rج\r"
	d := doc(t, "mac.txt", src)
	s1, e1 := span(t, src, "فى")
	s2, e2 := span(t, src, "ج")
	s3, e3 := span(t, src, "ب\r")
	return lint.File{Doc: d, Diagnostics: []lint.Diagnostic{
		{Start: s1, End: e1, Rule: "r/a", Level: lint.Warning, Message: "m1",
			Fixes: []lint.SuggestedFix{lint.Replace(s1, e1, "في", lint.Safe)}},
		{Start: s3, End: e3, Rule: "r/c", Level: lint.Info, Message: "m3"},
		{Start: s2, End: e2, Rule: "r/b", Level: lint.Error, Message: "m2"},
	}}
}

// TestLoneCRLines: a lone CR ends a line in every format's lines and
// columns, and no CR reaches a line of text output.
func TestLoneCRLines(t *testing.T) {
	f := crFile(t)

	var b bytes.Buffer
	WriteText(&b, f, TextOptions{Lang: i18n.En})
	want := "mac.txt:1:3: warning r/a: m1\n" +
		"  suggestion: في\n" +
		"  | أ [فى] ب\n" +
		"mac.txt:1:6: info r/c: m3\n" +
		"  | أ فى [ب]\n" +
		"mac.txt:2:1: error r/b: m2\n" +
		"  | [ج]\n"
	if got := b.String(); got != want {
		t.Errorf("text =\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(b.String(), "\r") {
		t.Errorf("text output holds a CR: %q", b.String())
	}

	type lc struct{ Line, Column, EndLine, EndColumn int }
	var got []lc
	for _, j := range ToJSON(f) {
		got = append(got, lc{j.Line, j.Column, j.EndLine, j.EndColumn})
	}
	if w := []lc{{1, 3, 1, 5}, {1, 6, 2, 1}, {2, 1, 2, 2}}; !slices.Equal(got, w) {
		t.Errorf("JSON lines and columns = %v, want %v", got, w)
	}

	b.Reset()
	if err := WriteGitHub(&b, []lint.File{f}, GitHubOptions{Lang: i18n.En}); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"::warning file=mac.txt,line=1,col=3,endLine=1,endColumn=5,title=r/a::m1\n",
		// the span's final CR is its line break: shown on line 1
		"::notice file=mac.txt,line=1,col=6,endLine=1,endColumn=7,title=r/c::m3\n",
		"::error file=mac.txt,line=2,col=1,endLine=2,endColumn=2,title=r/b::m2\n",
	} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("GitHub output lacks %q:\n%s", w, b.String())
		}
	}

	b.Reset()
	if err := WriteCheckstyle(&b, []lint.File{f}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<error line="2" column="1" severity="error" message="m2" source="r/b">`) {
		t.Errorf("checkstyle puts ج elsewhere:\n%s", b.String())
	}

	b.Reset()
	if err := WriteSARIF(&b, []lint.File{f}, nil, SARIFOptions{Lang: i18n.En}); err != nil {
		t.Fatal(err)
	}
	var sarif struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &sarif); err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, r := range sarif.Runs[0].Results {
		g := r.Locations[0].PhysicalLocation.Region
		got = append(got, lc{g.StartLine, g.StartColumn, g.EndLine, g.EndColumn})
	}
	if w := []lc{{1, 3, 1, 5}, {1, 6, 2, 1}, {2, 1, 2, 2}}; !slices.Equal(got, w) {
		t.Errorf("SARIF regions = %v, want %v", got, w)
	}

	b.Reset()
	if err := WriteRDJSONL(&b, []lint.File{f}, i18n.En); err != nil {
		t.Fatal(err)
	}
	// byte columns: فى is bytes 4–7 of line 1, ج bytes 1–2 of line 2
	for _, w := range []string{
		`"range":{"start":{"line":1,"column":4},"end":{"line":1,"column":8}}`,
		`"range":{"start":{"line":2,"column":1},"end":{"line":2,"column":3}}`,
	} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("rdjsonl lacks %s:\n%s", w, b.String())
		}
	}
}
