package runner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/source"
)

// majority flags مسئول, suggesting مسؤول, once the text writes المسؤول: a
// rule whose findings depend on the rest of the text, as consistency
// rules do.
var majority = lint.Rule{ID: "t/majority", Level: lint.Warning, Run: func(p *lint.Pass) {
	if !strings.Contains(p.Text, "المسؤول") {
		return
	}
	for _, tok := range p.Tokens {
		if tok.Kind == arabic.Word && tok.Key == "مسئول" {
			p.Report(fix(tok.Start, tok.End, "مسؤول", lint.Safe))
		}
	}
}}

// --fix changes only what check reports: a fix that a first fix brought
// about elsewhere is reported, not applied.
func TestFixChangesOnlyWhatWasReported(t *testing.T) {
	rebuild := func(b []byte) (*source.Document, error) { return source.New("f.txt", b) }
	rules := []lint.Active{
		active(wordRule("t/spell", lint.Warning, map[string]string{"المسؤل": "المسؤول"}), lint.Warning),
		active(majority, lint.Warning),
	}
	src := "صرح مسئول بأن المسؤل غائب."
	if ds := Run(newDoc(t, src), rules); len(ds) != 1 || ds[0].Rule != "t/spell" {
		t.Fatalf("check reports %v, want t/spell alone", summary(ds))
	}
	out, ds, n, err := FixAll(newDoc(t, src), rules, false, rebuild)
	if err != nil {
		t.Fatal(err)
	}
	if want := "صرح مسئول بأن المسؤول غائب."; string(out) != want || n != 1 {
		t.Errorf("FixAll = %q, %d fixes; want %q, 1", out, n, want)
	}
	s, e := at(t, string(out), "مسئول", 0)
	if fmt.Sprint(summary(ds)) != fmt.Sprint([]got{{s, e, "t/majority", lint.Warning}}) {
		t.Errorf("remaining = %v, want the finding on مسئول", summary(ds))
	}
	// the next run reports it first, and fixes it
	out2, ds2, n2, err := FixAll(newDoc(t, string(out)), rules, false, rebuild)
	if err != nil || string(out2) != "صرح مسؤول بأن المسؤول غائب." || n2 != 1 || len(ds2) != 0 {
		t.Errorf("second FixAll = %q, %d fixes, %v, %v", out2, n2, summary(ds2), err)
	}
}

// Fixes that take several rounds inside what was reported still get
// them, after edits before them moved them: the spans follow the edits.
func TestFixRoundsFollowTheReportedSpans(t *testing.T) {
	rebuild := func(b []byte) (*source.Document, error) { return source.New("f.txt", b) }
	rules := []lint.Active{
		active(doubleSpace, lint.Warning),
		active(wordRule("t/spell", lint.Warning, map[string]string{"المسؤل": "المسؤول", "فى": "في"}), lint.Warning),
	}
	src := "المسؤل    فى المسؤل المسؤل  قال\u00a0  إن"
	want := "المسؤول في المسؤول المسؤول قال\u00a0 إن"
	out, ds, n, err := FixAll(newDoc(t, src), rules, false, rebuild)
	if err != nil || string(out) != want || len(ds) != 0 || n != 9 {
		t.Errorf("FixAll = %q, %d fixes, %v, %v; want %q, 9", out, n, summary(ds), err, want)
	}
}

func TestReportedSpans(t *testing.T) {
	ds := []lint.Diagnostic{
		{Start: 2, End: 4}, // no fix
		{Start: 10, End: 12, Fixes: []lint.SuggestedFix{lint.Replace(9, 13, "x", lint.Safe)}},
		{Start: 12, End: 14},
		{Start: 20, End: 20, Fixes: []lint.SuggestedFix{{Edits: []lint.TextEdit{{Start: 20, End: 20, New: "«"}, {Start: 30, End: 31, New: "»"}}}}},
	}
	ss := reportedSpans(ds)
	if fmt.Sprint(ss) != "[{2 4} {9 14} {20 20} {30 31}]" {
		t.Fatalf("spans = %v", ss)
	}
	for _, c := range []struct {
		es   []lint.TextEdit
		want bool
	}{
		{[]lint.TextEdit{{Start: 2, End: 4}}, true},
		{[]lint.TextEdit{{Start: 4, End: 4}}, true},
		{[]lint.TextEdit{{Start: 3, End: 5}}, false},
		{[]lint.TextEdit{{Start: 9, End: 14}, {Start: 30, End: 31}}, true},
		{[]lint.TextEdit{{Start: 9, End: 14}, {Start: 25, End: 25}}, false},
		{[]lint.TextEdit{{Start: 20, End: 20}}, true},
		{[]lint.TextEdit{{Start: 20, End: 21}}, false},
		{[]lint.TextEdit{{Start: 0, End: 1}}, false},
		{[]lint.TextEdit{{Start: 40, End: 40}}, false},
	} {
		if got := ss.cover(c.es); got != c.want {
			t.Errorf("cover(%v) = %v", c.es, got)
		}
	}
	// edits: one before the spans (+1), one inside {9 14} (-3), an
	// insertion at the start of {20 20} (+2) and one after them all
	ss.follow([]taken{{start: 0, end: 1, size: 2}, {start: 10, end: 13, size: 0}, {start: 20, end: 20, size: 2}, {start: 40, end: 41, size: 5}})
	if fmt.Sprint(ss) != "[{3 5} {10 12} {18 20} {30 31}]" {
		t.Errorf("followed spans = %v", ss)
	}
}
