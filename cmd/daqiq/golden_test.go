package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestGolden")

// TestGolden checks every article under testdata/articles in every output
// format, with --diff and through batch, against the files in
// testdata/golden: what a user sees must not change unless a change means
// it to (go test ./cmd/daqiq -run TestGolden -update rewrites them).
func TestGolden(t *testing.T) {
	root := filepath.Join("..", "..")
	var articles []string
	err := filepath.WalkDir(filepath.Join(root, "testdata", "articles"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			articles = append(articles, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) < 10 {
		t.Fatalf("found %d articles under testdata/articles, want at least 10", len(articles))
	}
	t.Setenv("DAQIQ_CONFIG", "")
	t.Setenv("DAQIQ_LANG", "ar") // the default: what an editor reads
	golden := filepath.Join(root, "testdata", "golden")
	runs := map[string][]string{"diff": {"--diff"}}
	for _, f := range formats {
		runs[f] = []string{"--format", f}
	}
	var jsonl bytes.Buffer
	for _, a := range articles {
		rel, _ := filepath.Rel(root, a)
		name := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(rel), "testdata/articles/"), ".txt"), "/", "-")
		for kind, flags := range runs {
			args := append([]string{"daqiq", "check", "--date", "2024-11-22", "-j", "1"}, flags...)
			args = append(args, filepath.ToSlash(a))
			var stdout, stderr bytes.Buffer
			code := run(args, strings.NewReader(""), &stdout, &stderr)
			got := fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, stdout.String(), stderr.String())
			compareGolden(t, filepath.Join(golden, name+"."+kind), got)
		}
		text, err := os.ReadFile(a)
		if err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(map[string]string{"id": name, "text": string(text), "date": "2024-11-22"})
		jsonl.Write(append(line, '\n'))
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"daqiq", "batch", "-j", "1"}, &jsonl, &stdout, &stderr)
	got := fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, stdout.String(), stderr.String())
	compareGolden(t, filepath.Join(golden, "batch.jsonl"), got)

	// every rule's fixture, each with its own dateline
	fixtures := filepath.ToSlash(filepath.Join(root, "testdata", "rules"))
	for name, flags := range map[string][]string{
		"rules.json":        {"--format", "json"},
		"rules.diff":        {"--diff"},
		"rules.unsafe.diff": {"--diff", "--unsafe-fixes"},
	} {
		args := append([]string{"daqiq", "check", "-j", "1"}, flags...)
		var stdout, stderr bytes.Buffer
		code := run(append(args, fixtures), strings.NewReader(""), &stdout, &stderr)
		got := fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, stdout.String(), stderr.String())
		compareGolden(t, filepath.Join(golden, name), got)
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/daqiq -run TestGolden -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output:\n%s", path, firstDiff(string(want), got))
	}
}

// firstDiff shows the first line where want and got part.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d\n want: %q\n  got: %q", i+1, wl, gl)
		}
	}
	return "(same lines)"
}
