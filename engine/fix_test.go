package engine_test

import (
	"context"
	"testing"

	"github.com/daqiq/daqiq/engine"
)

// --fix changes only what check reports. Fixing المسؤلين makes the مسؤول
// spelling the majority, and consistency/variants would then rewrite
// مسئول, which check never reported: it is reported after the fix
// instead, and the next run fixes it.
func TestFixChangesOnlyWhatCheckReports(t *testing.T) {
	eng := newEngine(t, "")
	src := "وأوضح مسئول أمني أن المسؤلين سيحضرون الاجتماع.\n"
	check, err := eng.Check(context.Background(), engine.Input{Path: "a.txt", Src: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	if got := rulesOf(check.Diagnostics); len(got) != 1 || got[0] != "spelling/misspelling" {
		t.Fatalf("check reports %v", got)
	}
	fixed, err := eng.Check(context.Background(), engine.Input{Path: "a.txt", Src: []byte(src), Fix: engine.SafeFixes})
	if err != nil {
		t.Fatal(err)
	}
	if want := "وأوضح مسئول أمني أن المسؤولين سيحضرون الاجتماع.\n"; string(fixed.Fixed) != want || fixed.Applied != 1 {
		t.Errorf("--fix: %q, %d applied; want %q, 1", fixed.Fixed, fixed.Applied, want)
	}
	if got := rulesOf(fixed.Diagnostics); len(got) != 1 || got[0] != "consistency/variants" {
		t.Errorf("after --fix: %v, want the consistency finding on مسئول", got)
	}
	again, _ := eng.Check(context.Background(), engine.Input{Path: "a.txt", Src: fixed.Fixed, Fix: engine.SafeFixes})
	if want := "وأوضح مسؤول أمني أن المسؤولين سيحضرون الاجتماع.\n"; string(again.Fixed) != want || again.Applied != 1 {
		t.Errorf("second --fix: %q, %d applied", again.Fixed, again.Applied)
	}
}
