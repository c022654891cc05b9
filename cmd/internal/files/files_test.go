package files

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/daqiq/daqiq/lint/config"
)

func write(t *testing.T, path, content string, perm os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
}

// Expand walks a directory for the default extensions, sorted, skipping
// hidden entries and what the configuration excludes; a file argument is
// itself whatever its extension; a missing one is its error.
func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.txt", "a.md", "sub/c.html", "sub/d.go", ".hidden/e.txt", "sub/.f.txt", "drafts/g.txt"} {
		write(t, filepath.Join(dir, p), "خبر\n", 0o644)
	}
	cfg, err := config.Parse(filepath.Join(dir, ".daqiq.toml"), []byte(`exclude = ["drafts/**"]`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Expand(dir, cfg) {
		if f.Err != nil || !f.Walked {
			t.Errorf("%s: %v, walked %v", f.Path, f.Err, f.Walked)
		}
		rel, _ := filepath.Rel(dir, f.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	if want := []string{"a.md", "b.txt", "sub/c.html"}; !reflect.DeepEqual(got, want) {
		t.Errorf("walk: %v, want %v", got, want)
	}
	if fs := Expand(filepath.Join(dir, "sub", "d.go"), cfg); len(fs) != 1 || fs[0].Walked || fs[0].Err != nil {
		t.Errorf("a named file: %+v", fs)
	}
	if fs := Expand(filepath.Join(dir, "missing"), cfg); len(fs) != 1 || !errors.Is(fs[0].Err, os.ErrNotExist) {
		t.Errorf("a missing file: %+v", fs)
	}
}

// Excluded skips a listed file (check --staged) exactly where a walk from
// the configuration's folder skips it: the file or a folder it is in
// matches exclude; folders above the configuration's do not count.
func TestExcluded(t *testing.T) {
	dir := t.TempDir()
	paths := []string{"a.txt", "drafts/b.txt", "sub/drafts/c.md", "archive/2024/d.html", "archive/e.html", "sub/f.txt", "notes.md", "sub/notes.md"}
	for _, p := range paths {
		write(t, filepath.Join(dir, p), "خبر\n", 0o644)
	}
	cfg, err := config.Parse(filepath.Join(dir, ".daqiq.toml"), []byte(`exclude = ["drafts/", "archive/**/*.html", "/notes.md"]`))
	if err != nil {
		t.Fatal(err)
	}
	walked := map[string]bool{}
	for _, f := range Expand(dir, cfg) {
		walked[f.Path] = true
	}
	for _, p := range paths {
		full := filepath.Join(dir, p)
		if got := Excluded(full, cfg); got == walked[full] {
			t.Errorf("%s: excluded %v, walked %v", p, got, walked[full])
		}
	}
	if !Excluded(filepath.Join(dir, "drafts", "b.txt"), cfg) || Excluded(filepath.Join(dir, "sub", "f.txt"), cfg) {
		t.Error("drafts/b.txt must be excluded, sub/f.txt not")
	}
	// the configuration's own folder is no "drafts/" folder
	inner, err := config.Parse(filepath.Join(dir, "drafts", ".daqiq.toml"), []byte(`exclude = ["drafts/"]`))
	if err != nil {
		t.Fatal(err)
	}
	if Excluded(filepath.Join(dir, "drafts", "b.txt"), inner) {
		t.Error("a folder above the configuration excluded its files")
	}
	if Excluded(filepath.Join(dir, "a.txt"), nil) {
		t.Error("no configuration excludes nothing")
	}
}

// Replace writes through a temporary file and keeps the mode; it refuses
// a read-only file, a file changed since it was read and a file that was
// not read from disk, and never leaves its temporary file behind.
func TestReplace(t *testing.T) {
	dir := t.TempDir()
	read := func(path string) Original {
		data, info, err := Read(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		return Original{Name: filepath.Base(path), Path: path, Info: info, Data: data}
	}
	leftovers := func() {
		t.Helper()
		tmp, _ := filepath.Glob(filepath.Join(dir, ".*.daqiq-*"))
		if len(tmp) > 0 {
			t.Errorf("temporary files left: %v", tmp)
		}
	}

	p := filepath.Join(dir, "a.txt")
	write(t, p, "قال فى\n", 0o640)
	o := read(p)
	if err := Replace(o, []byte("قال في\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "قال في\n" {
		t.Errorf("content %q", b)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	leftovers()

	// changed on disk since it was read: same size, other bytes
	o = read(p)
	write(t, p, strings.Repeat("x", len(o.Data)), 0o640)
	if err := Replace(o, []byte("new\n")); err == nil || !strings.Contains(err.Error(), "changed on disk") {
		t.Errorf("changed file: %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != strings.Repeat("x", len(o.Data)) {
		t.Errorf("changed file was written: %q", b)
	}
	leftovers()

	ro := filepath.Join(dir, "ro.txt")
	write(t, ro, "فى\n", 0o444)
	if err := Replace(read(ro), []byte("في\n")); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("read-only file: %v", err)
	}
	if err := Replace(Original{Name: "-", Data: []byte("x")}, []byte("y")); err == nil {
		t.Error("standard input replaced")
	}

	// a symlink: its target is replaced, the link stays a link
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(p, link); err != nil {
		t.Skip(err)
	}
	if err := Replace(read(link), []byte("عبر الرابط\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "عبر الرابط\n" {
		t.Errorf("target content %q", b)
	}
	if li, _ := os.Lstat(link); li.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}

	// a write that fails half way leaves the original and no temporary file
	TempWriter = func(string, io.Writer) io.Writer { return failingWriter{} }
	defer func() { TempWriter = nil }()
	before, _ := os.ReadFile(p)
	if err := Replace(read(p), []byte("لن يكتب\n")); err == nil {
		t.Error("a failed write reported success")
	}
	if after, _ := os.ReadFile(p); string(after) != string(before) {
		t.Errorf("original changed: %q", after)
	}
	leftovers()
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// Read refuses what could be endless: a device.
func TestReadRefusesDevices(t *testing.T) {
	if _, _, err := Read(os.DevNull, nil); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("%s: %v", os.DevNull, err)
	}
}

// SweepStale removes daqiq's own temporary files beside a file when they
// are over StaleAge old, and nothing else: not a fresh one (a --fix may be
// writing it), not a name of another pattern, not a link or a directory.
func TestSweepStale(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * StaleAge)
	stale := []string{".a.txt.daqiq-123", ".gone.md.daqiq-4294967295"}
	kept := []string{
		".a.txt.daqiq-999",   // fresh
		".a.txt.daqiq-12x",   // not digits
		".a.txt.daqiq-",      // no digits
		"a.txt.daqiq-123",    // not hidden
		".daqiq-123",         // no name
		".a.txt.daqiq-1.bak", // more after the digits
		".a.txt.tmp-123",     // another program's
		"a.txt",
	}
	for _, n := range append(append([]string{}, stale...), kept...) {
		write(t, filepath.Join(dir, n), "x", 0o644)
		if n != ".a.txt.daqiq-999" {
			if err := os.Chtimes(filepath.Join(dir, n), old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	// a directory and a link of daqiq's pattern, old
	if err := os.Mkdir(filepath.Join(dir, ".d.txt.daqiq-1"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(filepath.Join(dir, ".d.txt.daqiq-1"), old, old)
	kept = append(kept, ".d.txt.daqiq-1")
	if err := os.Symlink("a.txt", filepath.Join(dir, ".l.txt.daqiq-2")); err == nil {
		kept = append(kept, ".l.txt.daqiq-2")
	}

	SweepStale(filepath.Join(dir, "a.txt"))
	for _, n := range stale {
		if _, err := os.Lstat(filepath.Join(dir, n)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: not removed (%v)", n, err)
		}
	}
	for _, n := range kept {
		if _, err := os.Lstat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s: removed (%v)", n, err)
		}
	}
	// once per directory and process
	write(t, filepath.Join(dir, stale[0]), "x", 0o644)
	os.Chtimes(filepath.Join(dir, stale[0]), old, old)
	SweepStale(filepath.Join(dir, "a.txt"))
	if _, err := os.Lstat(filepath.Join(dir, stale[0])); err != nil {
		t.Errorf("swept twice: %v", err)
	}
}
