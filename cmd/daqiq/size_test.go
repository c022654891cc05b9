package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// maxLines bounds the non-test Go of cmd/daqiq: the command stays a thin
// layer of urfave/cli wiring (commands, flags, glue) over the packages
// that hold the logic (cmd/internal/..., engine, lint/...).
const maxLines = 1500

// TestCommandStaysThin fails when the non-test Go files of this
// directory have more than maxLines lines (as wc -l counts them,
// comments and blank lines included): move logic into a package instead.
func TestCommandStaysThin(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		total += bytes.Count(data, []byte("\n"))
	}
	if total > maxLines {
		t.Errorf("cmd/daqiq has %d lines of non-test Go, more than %d: move logic into a package under cmd/internal", total, maxLines)
	}
	t.Logf("%d lines of non-test Go (at most %d)", total, maxLines)
}
