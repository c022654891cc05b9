package main

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/engine"
)

// seedDir finds the shared seed articles beside the repository, if any.
func seedDir(t *testing.T) string {
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	seeds := filepath.Join(dir, "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		if os.Getenv("CI") != "" {
			// CI runs with shared/ beside the clone: a missing seed is
			// a broken setup, not a reason to skip
			t.Fatalf("CI is set but %s is missing: %v", seeds, err)
		}
		t.Skip("no shared seeds beside the repository")
	}
	return seeds
}

type seedRow struct {
	line        int
	ctx, expect string
	group       string
	start, end  int
}

// TestSeedArticle runs the built-in rules over the seed article and holds
// them to its expectations: every flag row of the groups this build covers
// is found, and no clean row is touched.
func TestSeedArticle(t *testing.T) {
	dir := seedDir(t)
	src, err := os.ReadFile(filepath.Join(dir, "albania-iran.txt"))
	if err != nil {
		t.Fatal(err)
	}
	rows := readRows(t, filepath.Join(dir, "albania-iran.expected.tsv"), src)
	eng, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := eng.Check(context.Background(), engine.Input{Path: "albania-iran.txt", Src: src})
	if err != nil {
		t.Fatal(err)
	}
	ds := res.Diagnostics
	required := map[string]bool{"spelling": true, "orthography": true, "consistency": true, "dates": true, "entities": true, "grammar": true, "punctuation": true, "typography": true}
	found, need := 0, 0
	for _, r := range rows {
		hit := ""
		for _, d := range ds {
			if d.Start < r.end && r.start < d.End {
				hit = d.Rule
				break
			}
		}
		switch r.expect {
		case "flag":
			if required[r.group] {
				need++
				if hit == "" {
					t.Errorf("line %d %s: not flagged: %s", r.line, r.group, r.ctx)
				} else {
					found++
				}
			} else if hit != "" {
				t.Logf("line %d %s: also flagged by %s", r.line, r.group, hit)
			}
		case "clean":
			if hit != "" {
				t.Errorf("line %d: clean row flagged by %s: %s", r.line, hit, r.ctx)
			}
		}
	}
	t.Logf("required rows found: %d/%d; %d diagnostics in all", found, need, len(ds))
}

func readRows(t *testing.T, path string, src []byte) []seedRow {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines := strings.Split(string(src), "\n")
	var rows []seedRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		raw := sc.Text()
		if strings.HasPrefix(raw, "#") || strings.TrimSpace(raw) == "" {
			continue
		}
		parts := strings.Split(raw, "\t")
		if len(parts) < 4 {
			t.Fatalf("bad row %q", raw)
		}
		n, err := strconv.Atoi(parts[0])
		if err != nil {
			t.Fatalf("bad row %q", raw)
		}
		r := seedRow{line: n, ctx: parts[1], expect: parts[2], group: parts[3]}
		if r.expect == "clean-file" {
			continue
		}
		start := 0
		for _, l := range lines[:n-1] {
			start += len(l) + 1
		}
		pre, rest, _ := strings.Cut(r.ctx, "[")
		i := strings.LastIndex(rest, "]")
		tgt, post := rest[:i], rest[i+1:]
		at := strings.Index(lines[n-1], pre+tgt+post)
		if at < 0 {
			t.Fatalf("context not found on line %d: %q", n, r.ctx)
		}
		r.start = start + at + len(pre)
		r.end = r.start + len(tgt)
		rows = append(rows, r)
	}
	return rows
}
