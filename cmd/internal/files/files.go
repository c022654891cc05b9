// Package files finds, reads and writes the articles the command line
// names: directory walks with the configuration's excludes, reading with
// the file's status taken before (so that a change on disk is noticed),
// Windows-1256 decoding and encoding for legacy Arabic archives
// (--encoding), and atomic replacement for --fix.
package files

import (
	"bytes"
	"errors"
	"fmt"
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
// and checkrun.Gather reads it, not Read.
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

// Excluded reports whether a walk from the configuration's folder would
// skip the file at path for the configuration's exclude: the file or a
// folder it is in, below that folder, matches. For files that are listed
// rather than walked (check --staged).
func Excluded(path string, cfg *config.Config) bool {
	if cfg == nil || len(cfg.Exclude) == 0 {
		return false
	}
	if cfg.Excluded(path, false) {
		return true
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		rel, err := filepath.Rel(cfg.Dir, dir)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return false
		}
		if cfg.Excluded(dir, true) {
			return true
		}
	}
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
