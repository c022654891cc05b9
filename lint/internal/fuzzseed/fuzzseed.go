// Package fuzzseed loads the seed corpora of the fuzz targets from the
// repository's top-level testdata/fuzz/<target> directory (readable
// Arabic, unlike Go's own corpus format). It imports nothing of daqiq, so
// every package's tests can use it.
package fuzzseed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
