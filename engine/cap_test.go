package engine_test

import (
	"context"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint/runner"
)

// Every front end gets at most runner.MaxPerRule findings of a rule per
// article, then a note; silenced findings do not count, so the ones after
// a disabled region are all reported, and the directive is used; --fix
// still fixes every finding.
func TestCapPerRule(t *testing.T) {
	eng := newEngine(t, "")
	ctx := context.Background()
	line := strings.TrimSpace(strings.Repeat("قال المسؤل إن الخبر صحيح. ", 1500)) + "\n"
	res, err := eng.Check(ctx, engine.Input{Path: "a.txt", Src: []byte(line)})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Diagnostics); n != runner.MaxPerRule+1 {
		t.Fatalf("%d findings, want %d", n, runner.MaxPerRule+1)
	}
	note := res.Diagnostics[runner.MaxPerRule]
	if note.Rule != "spelling/misspelling" || note.Message != "… و500 ملاحظة أخرى لهذه القاعدة في هذا الملف" || len(note.Fixes) != 0 {
		t.Errorf("note: %+v", note)
	}

	md := "<!-- daqiq-disable spelling -->\n\n" + line + "\n<!-- daqiq-enable -->\n\n" + strings.TrimSpace(strings.Repeat("وقال المسؤل كلمته. ", 20)) + "\n"
	res, err = eng.Check(ctx, engine.Input{Path: "a.md", Src: []byte(md), ReportUnused: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := rulesOf(res.Diagnostics); len(got) != 20 || got[0] != "spelling/misspelling" {
		t.Errorf("after a silenced region: %d findings %v, want the 20 misspellings after it", len(got), got)
	}

	fixed, err := eng.Check(ctx, engine.Input{Path: "a.txt", Src: []byte(line), Fix: engine.SafeFixes})
	if err != nil {
		t.Fatal(err)
	}
	if fixed.Applied != 1500 || strings.Contains(string(fixed.Fixed), "المسؤل ") || len(fixed.Diagnostics) != 0 {
		t.Errorf("--fix: %d applied, %d findings left", fixed.Applied, len(fixed.Diagnostics))
	}
}
