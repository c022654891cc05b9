//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// peakChild, in the test binary run by TestPeakMemory with
// DAQIQ_PEAK_CHILD set, runs the command line that variable holds
// (separated by U+001F) and prints the child's peak RSS in KiB, then exits. The
// test cannot start daqiq itself: Linux carries the peak RSS of a process
// across fork and exec, so every child would report at least the test's
// own; this process, which has done nothing yet, is small.
func peakChild() bool {
	line := os.Getenv("DAQIQ_PEAK_CHILD")
	if line == "" {
		return false
	}
	args := strings.Split(line, "\x1f")
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = nil
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DAQIQ_PEAK_CHILD=") && !strings.HasPrefix(kv, "DAQIQ_DICTIONARIES=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	fmt.Println(cmd.ProcessState.ExitCode(), cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)
	os.Exit(0)
	return true
}

// TestPeakMemory measures the peak RSS of the daqiq binary, as a child
// process (its rusage Maxrss), on the generated corpus: one 50 MB file
// checked, fixed and diffed, and 20 MB in 200 files in each
// whole-document format against the text format. It takes about a minute
// and runs only with DAQIQ_PEAK_MEMORY=1 (never under -short):
//
//	DAQIQ_PEAK_MEMORY=1 go test ./cmd/daqiq -run TestPeakMemory -v
//
// The ceilings catch a regression; the README's speed section has the
// figures and the targets.
func TestPeakMemory(t *testing.T) {
	if testing.Short() || os.Getenv("DAQIQ_PEAK_MEMORY") == "" {
		t.Skip("set DAQIQ_PEAK_MEMORY=1 to measure the peak memory")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "daqiq")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	words := filepath.Join("..", "..", "rules", "spelling", "data")
	gen := func(out, size, files string) {
		cmd := exec.Command(bin, "gen-corpus", "--words-from", words, "--size", size, "--files", files, "--out", out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("gen-corpus: %v\n%s", err, b)
		}
	}
	big, many := filepath.Join(dir, "big"), filepath.Join(dir, "many")
	gen(big, "50MB", "1")
	gen(many, "20MB", "200")
	file := filepath.Join(big, "a000.txt")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// peak runs daqiq with args and returns its peak RSS in MiB
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	peak := func(args ...string) float64 {
		cmd := exec.Command(self)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "DAQIQ_PEAK_CHILD="+strings.Join(append([]string{bin}, args...), "\x1f"))
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("daqiq %v: %v", args, err)
		}
		var code int
		var kib float64
		if _, err := fmt.Sscan(string(out), &code, &kib); err != nil {
			t.Fatalf("daqiq %v: %q: %v", args, out, err)
		}
		if code > 1 {
			t.Fatalf("daqiq %v: exit %d", args, code)
		}
		return kib / 1024
	}
	size := float64(len(orig)) / (1 << 20)
	for _, c := range []struct {
		flag string
		most float64 // times the file size
	}{{"", 8}, {"--fix", 12}, {"--diff", 12}} {
		args := []string{"check", "-q", file}
		if c.flag != "" {
			args = []string{"check", "-q", c.flag, file}
		}
		mib := peak(args...)
		if c.flag == "--fix" {
			if err := os.WriteFile(file, orig, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("one %.1f MiB file, check %s: peak %.0f MiB, %.1f× the file", size, c.flag, mib, mib/size)
		if mib > c.most*size {
			t.Errorf("check %s on one %.1f MiB file: peak %.0f MiB, more than %.0f× the file", c.flag, size, mib, c.most)
		}
	}
	text := peak("check", "-q", "many")
	t.Logf("20 MB in 200 files, text: peak %.0f MiB", text)
	for _, format := range []string{"json", "jsonl", "sarif", "rdjson", "checkstyle", "github"} {
		mib := peak("check", "--format", format, "many")
		t.Logf("20 MB in 200 files, %s: peak %.0f MiB", format, mib)
		// a whole-document format holds no file once written: as little
		// as text, which holds none either
		if mib > 1.3*text+8 {
			t.Errorf("--format %s: peak %.0f MiB, text %.0f MiB: it grows with the files", format, mib, text)
		}
	}
}
