package output

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/daqiq/daqiq/lint/linttest/scaling"
)

// article returns n distinct lines of copy and the same lines with every
// step-th one (from the first) rewritten.
func article(n, step int) (old, new string) {
	var a, b strings.Builder
	for i := range n {
		line := fmt.Sprintf("الفقرة %d: قال الوزير إن الخطة جاهزة.\n", i)
		a.WriteString(line)
		if i%step == 0 {
			line = "وأضاف " + line
		}
		b.WriteString(line)
	}
	return a.String(), b.String()
}

// changedLines counts the lines a diff removes and adds.
func changedLines(d string) (minus, plus int) {
	for l := range strings.Lines(d) {
		switch {
		case strings.HasPrefix(l, "---"), strings.HasPrefix(l, "+++"):
		case strings.HasPrefix(l, "-"):
			minus++
		case strings.HasPrefix(l, "+"):
			plus++
		}
	}
	return minus, plus
}

// TestUnifiedDiffLargeFewChanges: a 200,000-line file with a few lines
// changed, one inserted and one deleted gives a diff of those lines only,
// at once, and the diff applies.
func TestUnifiedDiffLargeFewChanges(t *testing.T) {
	const n = 200_000
	oldText, _ := article(n, n)
	lines := strings.SplitAfter(oldText, "\n")
	lines = lines[:len(lines)-1]
	newLines := slices.Clone(lines)
	for _, i := range []int{5, 40_001, 99_999, 150_000, n - 3} {
		newLines[i] = "تغيير " + newLines[i]
	}
	newLines = slices.Insert(newLines, 120_000, "سطر جديد\n")
	newLines = slices.Delete(newLines, 60_000, 60_001)
	newText := strings.Join(newLines, "")
	start := time.Now()
	d := diff(oldText, newText)
	took := time.Since(start)
	if minus, plus := changedLines(d); minus != 6 || plus != 6 || len(hunkHeaders(d)) != 7 {
		t.Errorf("diff removes %d lines and adds %d in %d hunks, want 6, 6 and 7:\n%.2000s", minus, plus, len(hunkHeaders(d)), d)
	}
	if took > 2*time.Second {
		t.Errorf("diff took %v", took)
	}
	t.Logf("200,000 lines, 7 changes: %v, %d bytes", took, len(d))
	if p := applyPatch(t, []byte(oldText), d); string(p) != newText {
		t.Errorf("the diff does not apply")
	}
}

// TestUnifiedDiffLargeManyChanges: a 200,000-line file with every tenth
// line changed gives those 20,000 changes, not a rewrite of the file
// (go-diff's one-second budget ran out here and it replaced the rest of
// the file).
func TestUnifiedDiffLargeManyChanges(t *testing.T) {
	oldText, newText := article(200_000, 10)
	d := diff(oldText, newText)
	if minus, plus := changedLines(d); minus != 20_000 || plus != 20_000 {
		t.Errorf("diff removes %d lines and adds %d, want 20,000 each", minus, plus)
	}
}

// TestUnifiedDiffScaling: twice the lines, with a change every 20 lines,
// take at most scaling.Limit times as long (a quadratic diff takes four
// times as long). The output goes to io.Discard: a growing buffer of the
// test's own would time its copies, not the diff.
func TestUnifiedDiffScaling(t *testing.T) {
	scaling.Linear(t, 200_000, func(n int) func() {
		oldText, newText := article(n, 20)
		return func() {
			UnifiedDiff(io.Discard, "a.txt", []byte(oldText), []byte(newText))
		}
	})
}

// TestUnifiedDiffMatchesGoDiff: the diffs go-diff gave (through the
// UnifiedDiff that used it) for 200 random edits of short texts of a few
// repeated lines, where a diff has most choices: the diff here is the
// same, byte for byte. (Checked against go-diff itself, before it was
// dropped: 300,000 such pairs of up to 200 lines and 3,000 of up to 2,000
// lines, all the same; of 3,000 of up to 4,000 lines one differed, a pair
// with more than 4,096 lines left between its common first and last
// lines, which the patience split diffs on purpose.)
func TestUnifiedDiffMatchesGoDiff(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "godiff.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for line := range strings.Lines(string(data)) {
		var c struct{ Old, New, Diff string }
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatal(err)
		}
		n++
		if got := diff(c.Old, c.New); got != c.Diff {
			t.Errorf("case %d: %q → %q:\n%s\ngo-diff gave\n%s", n, c.Old, c.New, got, c.Diff)
		}
	}
	if n != 200 {
		t.Errorf("%d cases, want 200", n)
	}
}
