// Package files finds, reads and writes the articles the command line
// names: directory walks with the configuration's excludes, reading with
// the file's status taken before (so that a change on disk is noticed),
// and atomic replacement for --fix.
package files

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/daqiq/daqiq/lint/config"
)

// DefaultExts are the file types a directory walk picks up. A file named on
// the command line is always checked.
var DefaultExts = []string{".txt", ".md", ".markdown", ".html", ".htm"}

func HasDefaultExt(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	for _, e := range DefaultExts {
		if ext == e {
			return true
		}
	}
	return false
}

// SameFileKey names the file at path for finding it twice: its absolute
// path with links resolved (path itself, cleaned, if that fails).
func SameFileKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return filepath.Clean(path)
}

// Read reads a file named on the command line or found by a walk, with
// the file's status taken from the open file before reading it (to notice,
// before --fix replaces it, that it changed since). Only regular files are
// read (links followed): a device could be endless and a named pipe could
// block forever; standard input is the way to pipe text in (daqiq check -),
// and gather reads it, not Read.
//
// The file is read into reuse's memory when it is large enough (a
// worker's buffer, free again once the file before is done).
func Read(path string, reuse []byte) ([]byte, fs.FileInfo, error) {
	f, fi, err := config.OpenRegular(path)
	if err != nil {
		var nr *config.NotRegularError
		if errors.As(err, &nr) && nr.Mode&fs.ModeNamedPipe != 0 {
			return nil, nil, fmt.Errorf("%v: pipe the text to standard input instead (daqiq check - < FILE)", err)
		}
		return nil, nil, err
	}
	defer f.Close()
	buf := bytes.NewBuffer(reuse[:0])
	buf.Grow(int(fi.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(f); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), fi, nil
}

// Found is one file an argument names: a path to read, or why it cannot
// be read. walked: found by a directory walk rather than named.
type Found struct {
	Path   string
	Err    error
	Walked bool
}

// Expand turns a path argument into files: a file is itself, a directory
// is walked for files with the default extensions, skipping hidden
// directories and files and what the configuration excludes. Symlinks met
// by the walk are not followed, so a link loop cannot trap it; an argument
// that is itself a link to a directory is walked. A missing argument or a
// directory that cannot be read is an entry with its error, in its place;
// the walk goes on.
func Expand(arg string, cfg *config.Config) []Found {
	fi, err := os.Stat(arg)
	if err != nil {
		return []Found{{Path: arg, Err: err}}
	}
	if !fi.IsDir() {
		return []Found{{Path: arg}}
	}
	root := arg
	if li, err := os.Lstat(arg); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a root that is a link; "link/" is the
		// directory it points to
		root = arg + string(filepath.Separator)
	}
	var out []Found
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// a directory that cannot be read (or vanished): report it,
			// walk on
			out = append(out, Found{Path: p, Err: err, Walked: true})
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != root && (strings.HasPrefix(name, ".") || cfg != nil && cfg.Excluded(p, d.IsDir())) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(name))
		for _, e := range DefaultExts {
			if ext == e {
				out = append(out, Found{Path: p, Walked: true})
				break
			}
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// Test hooks, nil outside tests (set by the test commands of cmd/daqiq).
var (
	// TempWriter wraps the writer of the temporary file that will replace
	// path, to make a write fail half way.
	TempWriter func(path string, w io.Writer) io.Writer
	// BeforeReplace runs when the temporary file is complete, before path
	// is checked for changes and replaced, to change it on disk meanwhile.
	BeforeReplace func(path string)
)

// Original is a file as it was read: what Replace checks before it
// replaces it.
type Original struct {
	Name string      // as reported in errors
	Path string      // on disk
	Info fs.FileInfo // its status when it was read (nil: not read from disk)
	Data []byte      // its content as read
}

// Replace replaces the file o was read from with data through a temporary
// file in the same directory and a rename, keeping the file's mode. A
// symlink is followed and its target replaced. It refuses a file that is
// not regular or has no owner write bit (root could write it anyway), and
// a file that changed on disk since it was read (status or content). On
// any failure the temporary file is removed and the original is left as
// it was.
func Replace(o Original, data []byte) error {
	switch {
	case o.Info == nil || !o.Info.Mode().IsRegular():
		return fmt.Errorf("%s: not a regular file, not fixed", o.Name)
	case o.Info.Mode().Perm()&0o200 == 0:
		return fmt.Errorf("%s: read-only file, not fixed", o.Name)
	}
	path := o.Path
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	var wrap func(io.Writer) io.Writer
	if TempWriter != nil {
		wrap = func(w io.Writer) io.Writer { return TempWriter(path, w) }
	}
	err := ReplaceFile(path, data, o.Info.Mode().Perm(), wrap, func() error {
		if BeforeReplace != nil {
			BeforeReplace(path)
		}
		if err := unchanged(path, o.Info, o.Data); err == ErrChanged {
			return fmt.Errorf("%s: %v", o.Name, err)
		} else if err != nil {
			return fmt.Errorf("%s: cannot check that it is unchanged since it was read (%v); not written", o.Name, err)
		}
		return nil
	})
	var r refusal
	if errors.As(err, &r) {
		return r.error
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", o.Name, err)
	}
	return nil
}

// refusal is an error of ReplaceFile's check: the write was refused, not
// failed.
type refusal struct{ error }

// ReplaceFile writes data to a temporary file beside target (synced, with
// mode perm) and renames it over target. check, when set, runs just before
// the rename and may refuse (its error comes back as a refusal); wrap, when
// set, wraps the temporary file's writer (tests inject failures there). The
// temporary file never outlives a failure.
func ReplaceFile(target string, data []byte, perm fs.FileMode, wrap func(io.Writer) io.Writer, check func() error) error {
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".daqiq-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return err
	}
	var w io.Writer = tmp
	if wrap != nil {
		w = wrap(tmp)
	}
	if _, err := w.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if check != nil {
		if err := check(); err != nil {
			return fail(refusal{err})
		}
	}
	if err := os.Rename(name, target); err != nil {
		return fail(err)
	}
	return nil
}

// ErrChanged says a file is not what was read.
var ErrChanged = errors.New("changed on disk since it was read; not written")

// unchanged checks that the file at path is still the one read, with the
// status was and the content data: same file, size and modification time,
// and the same bytes (compared in full, a block at a time).
func unchanged(path string, was fs.FileInfo, data []byte) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	now, err := f.Stat()
	if err != nil {
		return err
	}
	if !os.SameFile(now, was) || now.Size() != was.Size() || !now.ModTime().Equal(was.ModTime()) || now.Size() != int64(len(data)) {
		return ErrChanged
	}
	buf := make([]byte, 256<<10)
	for off := 0; ; {
		n, err := io.ReadFull(f, buf)
		if n > len(data)-off || !bytes.Equal(buf[:n], data[off:off+n]) {
			return ErrChanged
		}
		off += n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			if off != len(data) {
				return ErrChanged
			}
			return nil
		}
		if err != nil {
			return err
		}
	}
}
