package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/daqiq/daqiq/cmd/internal/checkrun"
)

// -j N holds the process to N CPUs while it checks, and puts the limit
// back after.
func TestJobsLimitCPUs(t *testing.T) {
	if runtime.NumCPU() < 2 {
		t.Skip("one CPU")
	}
	p := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(p, []byte("قال الوزير إن الاجتماع عقد في العاصمة.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := runtime.GOMAXPROCS(0)
	during := 0
	checkrun.ProcessHook = func(string) { during = runtime.GOMAXPROCS(0) }
	defer func() { checkrun.ProcessHook = nil }()
	var out, errb strings.Builder
	if code := run([]string{"daqiq", "check", "-q", "-j", "1", p}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errb.String())
	}
	if during != 1 {
		t.Errorf("GOMAXPROCS while checking with -j 1 = %d, want 1", during)
	}
	if after := runtime.GOMAXPROCS(0); after != before {
		t.Errorf("GOMAXPROCS after = %d, want %d back", after, before)
	}
}

// syncBuffer is a strings.Builder that workers and the test may read and
// write at once.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestWholeDocumentFormatsStream: json, rdjson, checkstyle and github
// write each file's findings once it and those before it are done, not
// after the last file (the run holds no file's findings); sarif, whose
// rules come before its results, writes at the end, and all of them
// write the same document for -j 1 and -j 2.
func TestWholeDocumentFormatsStream(t *testing.T) {
	dir := t.TempDir()
	const n = 40
	var paths []string
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("قال الوزير إن الاجتماع رقم %d عقد فى العاصمة.\n", i)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	for _, format := range []string{"json", "rdjson", "checkstyle", "github", "sarif"} {
		var docs []string
		for _, jobs := range []string{"1", "2"} {
			var out syncBuffer
			var atLast string
			checkrun.ProcessHook = func(p string) {
				if p == paths[n-1] {
					atLast = out.String()
				}
			}
			var errb strings.Builder
			code := run(append([]string{"daqiq", "check", "--format", format, "-j", jobs}, paths...), strings.NewReader(""), &out, &errb)
			checkrun.ProcessHook = nil
			if code != 1 {
				t.Fatalf("%s: exit %d: %s", format, code, errb.String())
			}
			docs = append(docs, out.String())
			if format == "sarif" {
				if atLast != "" {
					t.Errorf("sarif: %d bytes written before the last file was checked, want the log at the end", len(atLast))
				}
				continue
			}
			if !strings.Contains(atLast, "a000.txt") {
				t.Errorf("%s -j %s: when the last file is checked, the first one's findings are not written yet (%d bytes)", format, jobs, len(atLast))
			}
		}
		if docs[0] != docs[1] {
			t.Errorf("%s: -j 1 and -j 2 write different documents", format)
		}
	}
}
