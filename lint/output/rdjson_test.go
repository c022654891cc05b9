package output

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/source"
)

func TestWriteRDJSONL(t *testing.T) {
	var b bytes.Buffer
	if err := WriteRDJSONL(&b, fixture(t), i18n.En); err != nil {
		t.Fatal(err)
	}
	// Byte columns: 📰 is 4 bytes and each Arabic letter 2, so المسؤل is
	// bytes 13–24 of line 1 (end exclusive 25).
	want := `{"message":"“المسؤل” is misspelled: write “المسؤول”","location":{"path":"أخبار/خبر 1.txt","range":{"start":{"line":1,"column":13},"end":{"line":1,"column":25}}},"severity":"ERROR","source":{"name":"daqiq"},"code":{"value":"spelling/misspelling"},"suggestions":[{"range":{"start":{"line":1,"column":13},"end":{"line":1,"column":25}},"text":"المسؤول"}],"original_output":"أخبار/خبر 1.txt:1:7: error spelling/misspelling: “المسؤل” is misspelled: write “المسؤول”"}
{"message":"“قال” is repeated\nsuggestion (unsafe): (delete)","location":{"path":"أخبار/خبر 1.txt","range":{"start":{"line":2,"column":18},"end":{"line":2,"column":24}}},"severity":"WARNING","source":{"name":"daqiq"},"code":{"value":"repetition/repeated-word"},"original_output":"أخبار/خبر 1.txt:2:11: warning repetition/repeated-word: “قال” is repeated"}
{"message":"line 4 repeats line 3 (100%)","location":{"path":"أخبار/خبر 1.txt","range":{"start":{"line":3,"column":1},"end":{"line":4,"column":21}}},"severity":"INFO","source":{"name":"daqiq"},"code":{"value":"repetition/repeated-line"},"suggestions":[{"range":{"start":{"line":4,"column":1},"end":{"line":5,"column":1}},"text":""}],"original_output":"أخبار/خبر 1.txt:3:1: info repetition/repeated-line: line 4 repeats line 3 (100%)"}
`
	if got := b.String(); got != want {
		t.Errorf("WriteRDJSONL =\n%s\nwant\n%s", got, want)
	}
}

func TestWriteRDJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteRDJSON(&b, fixture(t), i18n.En); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "fixture.rdjson", b.Bytes())

	b.Reset()
	if err := WriteRDJSON(&b, nil, i18n.En); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(strings.Fields(b.String()), ""); got != `{"source":{"name":"daqiq"},"diagnostics":[]}` {
		t.Errorf("WriteRDJSON(nil) = %s", b.String())
	}
}

// Applying each diagnostic's suggestions, found by their byte columns,
// gives what applying its first fix gives when that fix is safe; an
// unsafe first fix is no suggestion (reviewdog offers suggestions as
// one-click changes) but is named in the message, as the fixes not
// offered are; the ranges cover the flagged bytes; original_output is the
// line daqiq prints.
func TestRDJSONRangesAndSuggestions(t *testing.T) {
	src := source.BOM + "🙂 خطأ 𝔸بي\r\nسطر\r\nسطر\n"
	d := doc(t, "f.txt", src)
	s1, e1 := span(t, src, "خطأ")
	s2, e2 := span(t, src, "بي")
	l2 := strings.Index(src, "سطر")
	files := []lint.File{{Doc: d, Diagnostics: []lint.Diagnostic{
		{Start: 0, End: s1, Rule: "r/bom", Level: lint.Info, Message: "from the BOM"},
		{Start: s1, End: e1, Rule: "r/a", Level: lint.Error, Message: "m",
			Fixes: []lint.SuggestedFix{lint.Replace(s1, e1, "صواب", lint.Unsafe), lint.Replace(s1, e1, "آخر", lint.Safe)}},
		{Start: s2, End: e2, Rule: "r/b", Level: lint.Warning, Message: "m",
			Fixes: []lint.SuggestedFix{{Applicability: lint.Safe, Edits: []lint.TextEdit{{Start: e2, End: e2, New: "ن"}, {Start: s2, End: s2 + 2, New: "ي"}}}}},
		{Start: l2, End: len(src), Rule: "r/c", Level: lint.Warning, Message: "m",
			Fixes: []lint.SuggestedFix{lint.Replace(l2, len(src)-len("سطر\n"), "", lint.Safe)}},
	}}}
	var b bytes.Buffer
	if err := WriteRDJSONL(&b, files, i18n.En); err != nil {
		t.Fatal(err)
	}
	var got []rdDiagnostic
	for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		var rd rdDiagnostic
		if err := json.Unmarshal([]byte(l), &rd); err != nil {
			t.Fatal(err)
		}
		got = append(got, rd)
	}
	raw := []byte(src)
	off := func(p rdPosition) int { return offsetAt(t, raw, p.Line, p.Column, false) }
	for i, rd := range got {
		dg := files[0].Diagnostics[i]
		if s, e := off(rd.Location.Range.Start), off(rd.Location.Range.End); s != dg.Start || e != dg.End {
			t.Errorf("%s: range maps to bytes %d–%d, want %d–%d", dg.Rule, s, e, dg.Start, dg.End)
		}
		var quiet bytes.Buffer
		WriteQuiet(&quiet, lint.File{Doc: d, Diagnostics: []lint.Diagnostic{dg}}, i18n.En)
		if rd.OriginalOutput+"\n" != quiet.String() {
			t.Errorf("%s: original_output %q, want %q", dg.Rule, rd.OriginalOutput, quiet.String())
		}
		if len(dg.Fixes) == 0 || dg.Fixes[0].Applicability != lint.Safe {
			if rd.Suggestions != nil {
				t.Errorf("%s: suggestions without a safe fix: %+v", dg.Rule, rd.Suggestions)
			}
			continue
		}
		edits := []lint.TextEdit{}
		for _, sg := range rd.Suggestions {
			edits = append(edits, lint.TextEdit{Start: off(sg.Range.Start), End: off(sg.Range.End), New: sg.Text})
		}
		want, _ := applyFirst(raw, dg)
		if g := applyEdits(raw, edits); g != want {
			t.Errorf("%s: suggestions give %q, the first fix %q", dg.Rule, g, want)
		}
	}
	// The BOM counts in byte columns: the first word of line 1 is at byte
	// column 4 + 4 (🙂) + 1 (space) = 9.
	if m := got[1].Message; m != "m\nsuggestion (unsafe): صواب\nsuggestion: آخر" {
		t.Errorf("message with an unsafe first fix: %q", m)
	}
	if m := got[2].Message; m != "m" {
		t.Errorf("message with a safe fix: %q", m)
	}
	if c := got[1].Location.Range.Start.Column; c != 9 {
		t.Errorf("column of خطأ = %d, want 9 (bytes, BOM included)", c)
	}
}

func applyFirst(src []byte, d lint.Diagnostic) (string, bool) {
	if len(d.Fixes) == 0 {
		return string(src), false
	}
	return applyEdits(src, d.Fixes[0].Edits), true
}

func applyEdits(src []byte, edits []lint.TextEdit) string {
	es := append([]lint.TextEdit{}, edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Start < es[j].Start })
	var b []byte
	pos := 0
	for _, e := range es {
		b = append(b, src[pos:e.Start]...)
		b = append(b, e.New...)
		pos = e.End
	}
	return string(append(b, src[pos:]...))
}
