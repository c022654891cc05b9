// Package fuzzseed loads the seed corpora of the fuzz targets from the
// repository's top-level testdata/fuzz/<target> directory (readable
// Arabic, unlike Go's own corpus format). It imports nothing of daqiq, so
// every package's tests can use it.
package fuzzseed

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Load returns every file of testdata/fuzz/<target>, then the extra files
// (paths relative to the repository root). Tests run in their package's
// directory, two levels below the root.
func Load(f *testing.F, target string, extra ...string) [][]byte {
	f.Helper()
	root := filepath.Join("..", "..")
	dir := filepath.Join(root, "testdata", "fuzz", target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.Fatal(err)
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	for _, p := range extra {
		paths = append(paths, filepath.Join(root, filepath.FromSlash(p)))
	}
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	if len(out) == 0 {
		f.Fatalf("no seeds in %s", dir)
	}
	return out
}

// Deadline is a hang detector for one fuzz input: unless the returned stop
// is called within d, it panics, which ends the fuzzing process and makes
// the fuzzer keep the input as a failure (an input that hangs would
// otherwise only stall the worker). Use it as
//
//	defer fuzzseed.Deadline(time.Second)()
//
// at the top of a fuzz function whose inputs are small. DAQIQ_FUZZ_DEADLINE
// (a Go duration) replaces d on a slow machine.
func Deadline(d time.Duration) (stop func()) {
	if s := os.Getenv("DAQIQ_FUZZ_DEADLINE"); s != "" {
		if v, err := time.ParseDuration(s); err == nil && v > 0 {
			d = v
		}
	}
	t := time.AfterFunc(d, func() {
		panic(fmt.Sprintf("fuzz input still running after %v: a hang or a quadratic path", d))
	})
	return func() { t.Stop() }
}
