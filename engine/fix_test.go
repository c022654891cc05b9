package engine_test

import (
	"context"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
)

// Fixing المسؤلية makes the مسؤول spelling the majority, and
// consistency/variants then rewrites مسئول, which check never reported.
// --fix applies it, so that a second --fix changes nothing, and lists it
// among its findings: an info finding without a fix, on the new word.
func TestFixListsWhatCheckDidNotReport(t *testing.T) {
	eng := newEngine(t, "")
	ctx := context.Background()
	src := "رفض مسئول الملف تحمل المسؤلية عن التأخير.\n"
	check, err := eng.Check(ctx, engine.Input{Path: "a.txt", Src: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	if got := rulesOf(check.Diagnostics); len(got) != 1 || got[0] != "spelling/misspelling" ||
		src[check.Diagnostics[0].Start:check.Diagnostics[0].End] != "المسؤلية" {
		t.Fatalf("check reports %v, want spelling/misspelling on المسؤلية alone", got)
	}
	fixed, err := eng.Check(ctx, engine.Input{Path: "a.txt", Src: []byte(src), Fix: engine.SafeFixes})
	if err != nil {
		t.Fatal(err)
	}
	want := "رفض مسؤول الملف تحمل المسؤولية عن التأخير.\n"
	if string(fixed.Fixed) != want || fixed.Applied != 2 {
		t.Errorf("--fix: %q, %d applied; want %q, 2", fixed.Fixed, fixed.Applied, want)
	}
	ds := fixed.Diagnostics
	if len(ds) != 1 || ds[0].Rule != "consistency/variants" || ds[0].Level != lint.Info || len(ds[0].Fixes) != 0 ||
		string(fixed.Fixed[ds[0].Start:ds[0].End]) != "مسؤول" ||
		!strings.HasPrefix(ds[0].Message, "أُصلح أيضا: «مسئول» ← «مسؤول»") {
		t.Fatalf("after --fix: %+v, want the info finding on مسؤول", ds)
	}
	if fixed.Count(lint.Warning) != 0 || eng.Fails(fixed) {
		t.Errorf("the listed fix fails the check")
	}
	again, err := eng.Check(ctx, engine.Input{Path: "a.txt", Src: fixed.Fixed, Fix: engine.SafeFixes})
	if err != nil || string(again.Fixed) != want || again.Applied != 0 || len(again.Diagnostics) != 0 {
		t.Errorf("second --fix: %q, %d applied, %v, %v; want no change", again.Fixed, again.Applied, rulesOf(again.Diagnostics), err)
	}
}
