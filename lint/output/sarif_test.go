package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
)

func sarif(t *testing.T, files []lint.File, rules []*lint.Rule, o SARIFOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteSARIF(&b, files, rules, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteSARIF(t *testing.T) {
	got := sarif(t, fixture(t), fixtureRules, SARIFOptions{Version: "v0.5.0", InformationURI: "https://github.com/daqiq/daqiq", Lang: i18n.En})
	checkGolden(t, "fixture.sarif", got)
	validateSARIF(t, got)
}

// sarifSchema compiles the official SARIF 2.1.0 schema from testdata,
// without the network.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(goldenDir, "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.UseLoader(noNetwork{})
	if err := c.AddResource(SARIFSchema, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SARIFSchema)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

type noNetwork struct{}

func (noNetwork) Load(u string) (any, error) {
	return nil, &os.PathError{Op: "load", Path: u, Err: os.ErrNotExist}
}

// validateSARIF checks log against the schema and what the schema cannot
// say: every ruleIndex points at its rule, every uri is plain ASCII.
func validateSARIF(t *testing.T, log []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, log)
	}
	var l sarifLog
	if err := json.Unmarshal(log, &l); err != nil {
		t.Fatal(err)
	}
	for _, run := range l.Runs {
		if run.ColumnKind != "utf16CodeUnits" {
			t.Errorf("columnKind = %q", run.ColumnKind)
		}
		for _, r := range run.Results {
			if r.RuleIndex < 0 || r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
				t.Errorf("result of %s has ruleIndex %d", r.RuleID, r.RuleIndex)
			}
			for _, loc := range r.Locations {
				checkURI(t, loc.PhysicalLocation.ArtifactLocation.URI)
			}
		}
	}
}

// checkURI fails unless u is made of RFC 3986 characters only and parses.
func checkURI(t *testing.T, u string) {
	t.Helper()
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"<>\^`+"`{|}", c) >= 0 {
			t.Errorf("uri %q has %q unescaped", u, c)
		}
	}
	if _, err := url.Parse(u); err != nil {
		t.Errorf("uri %q: %v", u, err)
	}
}

func TestSARIFValidEdgeCases(t *testing.T) {
	validateSARIF(t, sarif(t, nil, nil, SARIFOptions{Lang: i18n.En}))
	src := source.BOM + "🙂\r\nقال\r\n"
	d := doc(t, "/tmp/خبر.txt", src)
	validateSARIF(t, sarif(t, []lint.File{{Doc: d, Diagnostics: []lint.Diagnostic{
		{Start: len(source.BOM), End: len(src), Rule: "x", Level: lint.Info,
			Fixes: []lint.SuggestedFix{
				{Applicability: lint.Safe, Edits: []lint.TextEdit{{Start: 3, End: 3, New: "أ"}, {Start: len(src) - 2, End: len(src)}}},
				lint.Replace(3, 7, "", lint.DisplayOnly),
			}},
	}}}, []*lint.Rule{{ID: "x", Link: "not a URL"}, {ID: "x"}}, SARIFOptions{Lang: i18n.En}))
}

// The UTF-16 columns of start and end: the end column is the UTF-16
// column of the end offset, one past the last unit of the span.
func TestSARIFColumns(t *testing.T) {
	line := "أ🙂ب 𝔸 ج"
	src := "سطر\n" + line + "\n"
	d := doc(t, "f.txt", src)
	for _, sub := range []string{"أ", "🙂", "ب", "🙂ب", "𝔸", "ج", "🙂ب 𝔸 ج"} {
		s, e := span(t, src, sub)
		pre := line[:strings.Index(line, sub)]
		want := sarifRegion{StartLine: 2, StartColumn: u16(pre) + 1, EndLine: 2, EndColumn: u16(pre+sub) + 1}
		if got := region16(lint.File{Doc: d}, s, e); got != want {
			t.Errorf("%q: region %+v, want %+v", sub, got, want)
		}
		if got := d.Pos(e).Col16; got != want.EndColumn {
			t.Errorf("%q: Pos(end).Col16 = %d, want %d", sub, got, want.EndColumn)
		}
	}
}

func u16(s string) int { return len(utf16.Encode([]rune(s))) }

// The fixes of the SARIF log, applied through their UTF-16 regions, give
// what runner.Apply gives with the safe fixes.
func TestSARIFFixesApply(t *testing.T) {
	fs := fixture(t)
	var l sarifLog
	if err := json.Unmarshal(sarif(t, fs, nil, SARIFOptions{Lang: i18n.En}), &l); err != nil {
		t.Fatal(err)
	}
	src := fs[0].Doc.Src
	var edits []lint.TextEdit
	for _, r := range l.Runs[0].Results {
		for _, fx := range r.Fixes {
			for _, ch := range fx.ArtifactChanges {
				for _, rep := range ch.Replacements {
					reg := rep.DeletedRegion
					e := lint.TextEdit{
						Start: offsetAt(t, src, reg.StartLine, reg.StartColumn, true),
						End:   offsetAt(t, src, reg.EndLine, reg.EndColumn, true),
					}
					if rep.InsertedContent != nil {
						e.New = rep.InsertedContent.Text
					}
					edits = append(edits, e)
				}
			}
		}
	}
	want, n := runner.Apply(src, fs[0].Diagnostics, false)
	if n != 2 || len(edits) != 2 {
		t.Fatalf("%d safe fixes applied, %d SARIF replacements; want 2 and 2", n, len(edits))
	}
	if got := applyEdits(src, edits); got != string(want) {
		t.Errorf("SARIF fixes give\n%q\nrunner.Apply gives\n%q", got, want)
	}
	// the unsafe fix of the repeated word is not offered
	if len(l.Runs[0].Results[1].Fixes) != 0 {
		t.Errorf("unsafe fix in SARIF: %+v", l.Runs[0].Results[1].Fixes)
	}
}

func TestArtifactURI(t *testing.T) {
	root := t.TempDir()
	for _, c := range []struct{ path, root, want string }{
		{"أخبار/خبر 1.txt", "", "%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%AE%D8%A8%D8%B1%201.txt"},
		{"./a/../b.txt", "", "b.txt"},
		{"a:b.txt", "", "a%3Ab.txt"},
		{"100%.txt", "", "100%25.txt"},
		{"a#b?c[1].txt", "", "a%23b%3Fc%5B1%5D.txt"},
		{"it's (1)+x,y;z=@.txt", "", "it's%20(1)+x,y;z=@.txt"},
		{"-", "", "-"},
		{"/srv/news/خبر.txt", "", "file:///srv/news/%D8%AE%D8%A8%D8%B1.txt"},
		{"/srv/a:b.txt", "", "file:///srv/a:b.txt"},
		{root + "/أ/ب.txt", root, "%D8%A3/%D8%A8.txt"},
		{root + "/../x.txt", root, "file://" + filepath.Dir(root) + "/x.txt"},
	} {
		got := artifactURI(c.path, c.root)
		if got != c.want {
			t.Errorf("artifactURI(%q, %q) = %q, want %q", c.path, c.root, got, c.want)
		}
		checkURI(t, got)
		// it decodes back to the path it names
		u, err := url.Parse(got)
		if err != nil {
			t.Fatal(err)
		}
		if dec, want := u.Path, RelPath(c.path, c.root); dec != want && u.Scheme == "" {
			t.Errorf("%q decodes to %q, want %q", got, dec, want)
		}
	}
}

func TestRuleHelp(t *testing.T) {
	r := fixtureRules[1]
	want := "## What it does\nFlags common misspellings.\n\n## Why\nThey look careless.\n\n" +
		"## Example\nالمسؤل\n\n## Use instead\nالمسؤول\n\n## More\nhttps://example.org/rules/spelling/misspelling"
	if got := RuleHelp(r, i18n.En); got != want {
		t.Errorf("RuleHelp =\n%s\nwant\n%s", got, want)
	}
	if got := RuleHelp(&lint.Rule{ID: "x"}, i18n.En); got != "" {
		t.Errorf("RuleHelp of an undocumented rule = %q", got)
	}
	want = "What it does:\nFlags common misspellings.\n\nWhy:\nThey look careless.\n\n" +
		"Example:\nالمسؤل\n\nUse instead:\nالمسؤول\n\nMore:\nhttps://example.org/rules/spelling/misspelling"
	if got := RuleHelpText(r, i18n.En); got != want {
		t.Errorf("RuleHelpText =\n%s\nwant\n%s", got, want)
	}
}

// Every rule descriptor has help.text, help.markdown and a helpUri: the
// rule's own link, else the README's rule table.
func TestSARIFRuleHelp(t *testing.T) {
	var l struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string
						HelpURI string
						Help    *struct{ Text, Markdown string }
					}
				}
			}
		}
	}
	rules := append([]*lint.Rule{{ID: "x/bad-link", Link: "not a URL", Doc: lint.Doc{What: "w"}}}, fixtureRules...)
	if err := json.Unmarshal(sarif(t, nil, rules, SARIFOptions{Lang: i18n.En}), &l); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range l.Runs[0].Tool.Driver.Rules {
		got[d.ID] = d.HelpURI
		r := rules[0]
		for _, fr := range rules {
			if fr.ID == d.ID {
				r = fr
			}
		}
		if RuleHelp(r, i18n.En) == "" {
			if d.Help != nil {
				t.Errorf("%s: help without documentation: %+v", d.ID, d.Help)
			}
			continue
		}
		if d.Help == nil || d.Help.Markdown != RuleHelp(r, i18n.En) || d.Help.Text != RuleHelpText(r, i18n.En) || !strings.HasPrefix(d.Help.Markdown, "## What it does\n") {
			t.Errorf("%s: help %+v", d.ID, d.Help)
		}
	}
	want := map[string]string{
		"x/bad-link":               RulesDocURL,
		"repetition/repeated-line": RulesDocURL,
		"spelling/misspelling":     "https://example.org/rules/spelling/misspelling",
		"typography/off":           RulesDocURL,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("helpUri %v, want %v", got, want)
	}
}

// Levels map to SARIF's error, warning and note; no results is [].
func TestSARIFRuleLevels(t *testing.T) {
	rules := []*lint.Rule{}
	for _, l := range []lint.Level{lint.Error, lint.Warning, lint.Info} {
		rules = append(rules, &lint.Rule{ID: "f/" + l.String(), Level: l, Summary: "s", Doc: lint.Doc{What: "w"}})
	}
	var l sarifLog
	if err := json.Unmarshal(sarif(t, nil, rules, SARIFOptions{Lang: i18n.En}), &l); err != nil {
		t.Fatal(err)
	}
	var levels []string
	for _, r := range l.Runs[0].Tool.Driver.Rules {
		levels = append(levels, r.DefaultConfiguration.Level)
	}
	if got := strings.Join(levels, " "); got != "error warning note" {
		t.Errorf("default levels = %s", got)
	}
	if l.Runs[0].Results == nil || len(l.Runs[0].Results) != 0 {
		t.Errorf("results = %#v, want []", l.Runs[0].Results)
	}
}

// The schema check bites: broken logs are rejected.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := sarifSchema(t)
	good := sarif(t, fixture(t), fixtureRules, SARIFOptions{Lang: i18n.En})
	for name, breakIt := range map[string]func(run map[string]any){
		"columnKind": func(run map[string]any) { run["columnKind"] = "bytes" },
		"column 0": func(run map[string]any) {
			res := run["results"].([]any)[0].(map[string]any)
			loc := res["locations"].([]any)[0].(map[string]any)
			loc["physicalLocation"].(map[string]any)["region"].(map[string]any)["startColumn"] = 0
		},
		"no message": func(run map[string]any) { delete(run["results"].([]any)[0].(map[string]any), "message") },
		"level":      func(run map[string]any) { run["results"].([]any)[0].(map[string]any)["level"] = "info" },
	} {
		var log map[string]any
		if err := json.Unmarshal(good, &log); err != nil {
			t.Fatal(err)
		}
		breakIt(log["runs"].([]any)[0].(map[string]any))
		raw, _ := json.Marshal(log)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("%s: broken log passes the schema", name)
		}
	}
}
