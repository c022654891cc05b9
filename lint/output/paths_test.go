package output

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// forged is a file name that, printed raw, starts a finding of its own
// line, clears the screen and turns the rest of the line around.
const forged = "nl\nfake.txt:1:1: error x: forged\x1b[2J\u202e.txt"

func hostileFile(t *testing.T, path string) lint.File {
	t.Helper()
	src := "قال الوزير إن الخطة جاهزة\n"
	d := doc(t, path, src)
	s, e := span(t, src, "الخطة")
	return lint.File{Doc: d, Diagnostics: []lint.Diagnostic{
		{Start: s, End: e, Rule: "r/a", Level: lint.Warning, Message: "m",
			Fixes: []lint.SuggestedFix{lint.Replace(s, e, "الخطط", lint.Safe)}},
	}}
}

func TestQuotePath(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"أخبار/خبر 1.txt", "أخبار/خبر 1.txt"},
		{"a:b,c%.txt", "a:b,c%.txt"},
		{"nl\nfake.txt", `"nl\nfake.txt"`},
		{"tab\t.txt", `"tab\t.txt"`},
		{"esc\x1b[2J.txt", `"esc\x1b[2J.txt"`},
		{"c1\u009b.txt", `"c1\u009b.txt"`},
		{"bidi\u202eتخ.txt", `"bidi\u202eتخ.txt"`},
		{`"quoted".txt`, `"\"quoted\".txt"`},
		{`mid"dle.txt`, `mid"dle.txt`},
	} {
		if got := QuotePath(c.in); got != c.want {
			t.Errorf("QuotePath(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestForgedPathLineFormats: a newline in a file name never starts a line
// of the text, quiet and GitHub formats, and no control of it reaches
// them.
func TestForgedPathLineFormats(t *testing.T) {
	f := hostileFile(t, forged)
	quoted := `"nl\nfake.txt:1:1: error x: forged\x1b[2J\u202e.txt"`

	var b bytes.Buffer
	WriteText(&b, f, TextOptions{Lang: i18n.En})
	want := quoted + ":1:15: warning r/a: m\n  suggestion: الخطط\n  | قال الوزير إن [الخطة] جاهزة\n"
	if b.String() != want {
		t.Errorf("text =\n%s\nwant\n%s", b.String(), want)
	}

	b.Reset()
	WriteQuiet(&b, f, i18n.En)
	if want := quoted + ":1:15: warning r/a: m\n"; b.String() != want {
		t.Errorf("quiet = %q, want %q", b.String(), want)
	}

	b.Reset()
	if err := WriteGitHub(&b, []lint.File{f}, GitHubOptions{Lang: i18n.En}); err != nil {
		t.Fatal(err)
	}
	// the file property keeps the name, its line breaks percent-encoded
	// (GitHub decodes them to find the file)
	want = "::warning file=nl%0Afake.txt%3A1%3A1%3A error x%3A forged\x1b[2J\u202e.txt,line=1,col=15,endLine=1,endColumn=20,title=r/a::m\n" +
		"daqiq: 1 problem (1 warning) in 1 file\n"
	if b.String() != want {
		t.Errorf("github =\n%q\nwant\n%q", b.String(), want)
	}
}

// TestForgedPathStructuredFormats: JSON, JSON Lines, rdjson(l), SARIF and
// checkstyle escape the name in their own syntax: each parses back, one
// finding, the name intact (checkstyle: XML 1.0 cannot hold an ESC, which
// becomes U+FFFD).
func TestForgedPathStructuredFormats(t *testing.T) {
	files := []lint.File{hostileFile(t, forged)}

	var b bytes.Buffer
	if err := WriteJSON(&b, files); err != nil {
		t.Fatal(err)
	}
	var j struct{ Diagnostics []JSONDiagnostic }
	if err := json.Unmarshal(b.Bytes(), &j); err != nil || len(j.Diagnostics) != 1 || j.Diagnostics[0].Path != forged {
		t.Errorf("json: %v %+v", err, j)
	}

	b.Reset()
	if err := WriteJSONL(&b, files); err != nil {
		t.Fatal(err)
	}
	var jl JSONDiagnostic
	if n := strings.Count(b.String(), "\n"); n != 1 || json.Unmarshal(b.Bytes(), &jl) != nil || jl.Path != forged {
		t.Errorf("jsonl: %d lines, %q", n, b.String())
	}

	b.Reset()
	if err := WriteRDJSONL(&b, files, i18n.En); err != nil {
		t.Fatal(err)
	}
	var rd struct{ Location struct{ Path string } }
	if n := strings.Count(b.String(), "\n"); n != 1 || json.Unmarshal(b.Bytes(), &rd) != nil || rd.Location.Path != forged {
		t.Errorf("rdjsonl: %d lines, %q", n, b.String())
	}

	b.Reset()
	if err := WriteRDJSON(&b, files, i18n.En); err != nil {
		t.Fatal(err)
	}
	var rds struct {
		Diagnostics []struct{ Location struct{ Path string } }
	}
	if err := json.Unmarshal(b.Bytes(), &rds); err != nil || len(rds.Diagnostics) != 1 || rds.Diagnostics[0].Location.Path != forged {
		t.Errorf("rdjson: %v %q", err, b.String())
	}

	b.Reset()
	if err := WriteSARIF(&b, files, nil, SARIFOptions{Lang: i18n.En}); err != nil {
		t.Fatal(err)
	}
	var sarif struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &sarif); err != nil || len(sarif.Runs[0].Results) != 1 {
		t.Fatalf("sarif: %v", err)
	}
	uri := sarif.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI
	if want := "nl%0Afake.txt%3A1%3A1%3A%20error%20x%3A%20forged%1B%5B2J%E2%80%AE.txt"; uri != want {
		t.Errorf("sarif uri = %q, want %q", uri, want)
	}

	b.Reset()
	if err := WriteCheckstyle(&b, files); err != nil {
		t.Fatal(err)
	}
	var cs struct {
		Files []struct {
			Name   string     `xml:"name,attr"`
			Errors []struct{} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(b.Bytes(), &cs); err != nil || len(cs.Files) != 1 || len(cs.Files[0].Errors) != 1 {
		t.Fatalf("checkstyle: %v\n%s", err, b.String())
	}
	if want := strings.Replace(forged, "\x1b", "\uFFFD", 1); cs.Files[0].Name != want {
		t.Errorf("checkstyle name = %q, want %q", cs.Files[0].Name, want)
	}
}

// TestForgedPathDiff: the unified diff quotes such a name as git does (C
// escapes, octal bytes) and patch(1) applies it to that file.
func TestForgedPathDiff(t *testing.T) {
	name := "nl\nfake\t\x1b[2J\u202e.txt"
	var b strings.Builder
	UnifiedDiff(&b, name, []byte("قال\n"), []byte("قالت\n"))
	want := `--- "a/nl\nfake\t\033[2J\342\200\256.txt"` + "\n" +
		`+++ "b/nl\nfake\t\033[2J\342\200\256.txt"` + "\n" +
		"@@ -1 +1 @@\n-قال\n+قالت\n"
	if b.String() != want {
		t.Fatalf("diff =\n%s\nwant\n%s", b.String(), want)
	}
	if strings.Count(b.String(), "\n") != 5 {
		t.Errorf("the name breaks the header")
	}
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch not installed")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, []byte("قال\n"), 0o644); err != nil {
		t.Skip("the file system refuses the name:", err)
	}
	cmd := exec.Command(patch, "-p1", "--batch", "--silent")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(b.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s", err, out)
	}
	if got, err := os.ReadFile(file); err != nil || string(got) != "قالت\n" {
		t.Errorf("patched file = %q, %v", got, err)
	}
}
