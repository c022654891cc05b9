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

// fixParsed is FixParsed on plain text.
func fixParsed(t *testing.T, src string, rules []lint.Active) ([]byte, []lint.Diagnostic, int, []lint.Diagnostic) {
	t.Helper()
	out, _, ds, n, also, err := FixParsed(Parsed{Doc: newDoc(t, src)}, rules, false, func(b []byte) (Parsed, error) {
		d, err := source.New("f.txt", b)
		return Parsed{Doc: d}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, ds, n, also
}

// A fix that a first fix brought about elsewhere is applied, so that a
// second run changes nothing, and listed: check never reported it.
func TestFixListsWhatWasNotReported(t *testing.T) {
	rules := []lint.Active{
		active(wordRule("t/spell", lint.Warning, map[string]string{"المسؤل": "المسؤول"}), lint.Warning),
		active(majority, lint.Warning),
	}
	src := "نفى مسئول رفيع أن يكون المسؤل قد استقال."
	if ds := Run(newDoc(t, src), rules); len(ds) != 1 || ds[0].Rule != "t/spell" {
		t.Fatalf("check reports %v, want t/spell alone", summary(ds))
	}
	out, ds, n, also := fixParsed(t, src, rules)
	if want := "نفى مسؤول رفيع أن يكون المسؤول قد استقال."; string(out) != want || n != 2 || len(ds) != 0 {
		t.Errorf("FixParsed = %q, %d fixes, %v left; want %q, 2, none", out, n, summary(ds), want)
	}
	s, e := at(t, string(out), "مسؤول", 0)
	if fmt.Sprint(summary(also)) != fmt.Sprint([]got{{s, e, "t/majority", lint.Info}}) || len(also[0].Fixes) != 0 {
		t.Fatalf("also = %v, want the fix of مسئول", summary(also))
	}
	if want := "أُصلح أيضا: «مسئول» ← «مسؤول» (اقتضاه إصلاح سابق، ولم يُبلَّغ عنه في الفحص)"; also[0].Message != want {
		t.Errorf("message %q, want %q", also[0].Message, want)
	}
	// a second run changes nothing
	out2, ds2, n2, also2 := fixParsed(t, string(out), rules)
	if string(out2) != string(out) || n2 != 0 || len(ds2) != 0 || len(also2) != 0 {
		t.Errorf("second FixParsed = %q, %d fixes, %v, %v", out2, n2, summary(ds2), summary(also2))
	}
}

// A listed fix is followed through the rounds after it: a run of eight
// spaces before it loses one more in the third round.
func TestFixListedFollowsLaterRounds(t *testing.T) {
	rules := []lint.Active{
		active(doubleSpace, lint.Warning),
		active(wordRule("t/spell", lint.Warning, map[string]string{"المسؤل": "المسؤول"}), lint.Warning),
		active(majority, lint.Warning),
	}
	src := "حضر        مسئول الحفل وغاب المسؤل."
	out, ds, n, also := fixParsed(t, src, rules)
	if want := "حضر مسؤول الحفل وغاب المسؤول."; string(out) != want || n != 9 || len(ds) != 0 {
		t.Errorf("FixParsed = %q, %d fixes, %v left; want %q, 9, none", out, n, summary(ds), want)
	}
	if len(also) != 1 || string(out[also[0].Start:also[0].End]) != "مسؤول" || also[0].Rule != "t/majority" {
		t.Errorf("also = %v on %q", summary(also), out)
	}
}

func TestFollowLater(t *testing.T) {
	fs := []laterFix{{start: 5, end: 10}, {start: 20, end: 22}, {start: 30, end: 30}}
	// an edit across the first's start (-3), an insertion at its end (+2),
	// one inside the second (+1), an insertion at the third (+4)
	fs = followLater(fs, []taken{{start: 3, end: 7, size: 1}, {start: 10, end: 10, size: 2}, {start: 21, end: 21, size: 1}, {start: 30, end: 30, size: 4}})
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprint(f.start, f.end))
	}
	if fmt.Sprint(got) != "[3 7 19 22 34 34]" {
		t.Errorf("followed = %v", got)
	}
}

// Fixes that take several rounds inside what was reported still get
// them, after edits before them moved them, and are not listed: the
// spans follow the edits.
func TestFixRoundsFollowTheReportedSpans(t *testing.T) {
	rules := []lint.Active{
		active(doubleSpace, lint.Warning),
		active(wordRule("t/spell", lint.Warning, map[string]string{"المسؤل": "المسؤول", "فى": "في"}), lint.Warning),
	}
	src := "المسؤل    فى المسؤل المسؤل  قال\u00a0  إن"
	want := "المسؤول في المسؤول المسؤول قال\u00a0 إن"
	out, ds, n, also := fixParsed(t, src, rules)
	if string(out) != want || len(ds) != 0 || n != 9 || len(also) != 0 {
		t.Errorf("FixParsed = %q, %d fixes, %v, listed %v; want %q, 9", out, n, summary(ds), summary(also), want)
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
