package files

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

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
// file in the same directory and a rename. A symlink is followed and its
// target replaced. The new file keeps the old one's owner, group and mode
// (setuid, setgid and sticky bits included).
//
// It refuses, saying why, and leaves the file as it was:
//   - a file that is not regular;
//   - a file without its owner's write bit (read-only, even to root);
//   - a file the user running daqiq may not write (the rename would only
//     need the directory's permission);
//   - a file with more than one hard link: a rename would split it from
//     its other names, and writing it in place could leave it half
//     written, so it is not fixed (--diff gives the patch);
//   - a file whose owner or group this user cannot give the new file (a
//     file of another user's that is writable by the group or by all):
//     the file would change hands;
//   - a file that changed on disk since it was read (status or content).
//
// On any failure the temporary file is removed and the original is left
// as it was.
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
	if err := mayWrite(path); err != nil {
		return fmt.Errorf("%s: this user may not write it (%v), not fixed", o.Name, err)
	}
	if err := oneLink(o.Name, o.Info); err != nil {
		return err
	}
	var wrap func(io.Writer) io.Writer
	if TempWriter != nil {
		wrap = func(w io.Writer) io.Writer { return TempWriter(path, w) }
	}
	err := replaceFile(path, data, wrap, func(tmp *os.File) error {
		if BeforeReplace != nil {
			BeforeReplace(path)
		}
		now, err := unchanged(path, o.Info, o.Data)
		if err == ErrChanged {
			return refusal{fmt.Errorf("%s: %v", o.Name, err)}
		} else if err != nil {
			return refusal{fmt.Errorf("%s: cannot check that it is unchanged since it was read (%v); not written", o.Name, err)}
		}
		// a link made since the read changes neither the time nor
		// the content
		if err := oneLink(o.Name, now); err != nil {
			return refusal{err}
		}
		return keepOwnerAndMode(o.Name, tmp, now)
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

// oneLink refuses a file with more than one hard link (see Replace).
func oneLink(name string, fi fs.FileInfo) error {
	if n := links(fi); n > 1 {
		return fmt.Errorf("%s: has %d hard links, not fixed: replacing it would split it from its other names, and writing it in place could leave it half written (use --diff and apply the patch)", name, n)
	}
	return nil
}

// refusal is an error of a check before the rename: the write was
// refused, not failed.
type refusal struct{ error }

// ReplaceFile writes data to a temporary file beside target (synced, with
// mode perm) and renames it over target. check, when set, runs just before
// the rename and may refuse (its error comes back as a refusal); wrap, when
// set, wraps the temporary file's writer (tests inject failures there). The
// temporary file never outlives a failure, nor a SIGINT or SIGTERM that
// calls RemoveTemps.
func ReplaceFile(target string, data []byte, perm fs.FileMode, wrap func(io.Writer) io.Writer, check func() error) error {
	return replaceFile(target, data, wrap, func(tmp *os.File) error {
		if err := tmp.Chmod(perm); err != nil {
			return err
		}
		if check != nil {
			if err := check(); err != nil {
				return refusal{err}
			}
		}
		return nil
	})
}

// tempInfix is in the name of every temporary file beside the file it
// will replace: ".NAME.daqiq-" and random digits.
const tempInfix = ".daqiq-"

// temps are the temporary files being written, for RemoveTemps.
var temps struct {
	sync.Mutex
	names   map[string]bool
	stopped bool // RemoveTemps ran: no more are made or renamed
}

// errStopped is the error of a replacement after RemoveTemps.
var errStopped = errors.New("interrupted")

// RemoveTemps removes the temporary files being written, for a process
// about to exit on a signal: a replacement renamed before it is done, one
// not yet renamed never will be (it fails), and no more are begun. The
// files are left as they were or as fixed, never half written.
func RemoveTemps() {
	temps.Lock()
	defer temps.Unlock()
	temps.stopped = true
	for name := range temps.names {
		os.Remove(name)
		delete(temps.names, name)
	}
}

// replaceFile writes data to a temporary file beside target, syncs it,
// lets prepare set its owner and mode and refuse (a refusal), and renames
// it over target; the directory is synced too, so that the rename is on
// disk when it returns.
func replaceFile(target string, data []byte, wrap func(io.Writer) io.Writer, prepare func(*os.File) error) error {
	temps.Lock()
	if temps.stopped {
		temps.Unlock()
		return errStopped
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+tempInfix+"*")
	if err != nil {
		temps.Unlock()
		return err
	}
	name := tmp.Name()
	if temps.names == nil {
		temps.names = map[string]bool{}
	}
	temps.names[name] = true
	temps.Unlock()
	fail := func(err error) error {
		tmp.Close()
		temps.Lock()
		os.Remove(name)
		delete(temps.names, name)
		temps.Unlock()
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
	if err := prepare(tmp); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	// renamed, or removed by RemoveTemps: not both, not neither
	temps.Lock()
	if temps.stopped {
		temps.Unlock()
		return fail(errStopped)
	}
	err = os.Rename(name, target)
	if err == nil {
		delete(temps.names, name)
	}
	temps.Unlock()
	if err != nil {
		return fail(err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() // not supported everywhere; the rename is done anyway
		d.Close()
	}
}

// StaleAge is how old a temporary file of daqiq's must be for SweepStale
// to take it for one left by an interrupted --fix. A replacement writes,
// syncs and renames its file in far less time.
const StaleAge = time.Minute

var swept sync.Map // directories swept, by path

// SweepStale removes, once per process and directory, the temporary files
// an interrupted --fix left beside path (a kill -9 or a crash leaves a
// full copy of the file, hidden): those named like daqiq's own,
// ".NAME.daqiq-DIGITS" for some NAME, regular files last modified over
// StaleAge ago and not being written by this process. Nothing else is
// touched; what cannot be removed is left.
func SweepStale(path string) {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	dir := filepath.Dir(path)
	if _, done := swept.LoadOrStore(dir, true); done {
		return
	}
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, n := range names {
		if !IsTempName(n) {
			continue
		}
		p := filepath.Join(dir, n)
		fi, err := os.Lstat(p)
		if err != nil || !fi.Mode().IsRegular() || time.Since(fi.ModTime()) < StaleAge {
			continue
		}
		temps.Lock()
		if !temps.names[p] {
			os.Remove(p)
		}
		temps.Unlock()
	}
}

// IsTempName reports whether name is that of a temporary file of
// daqiq's: ".NAME.daqiq-DIGITS" with NAME not empty.
func IsTempName(name string) bool {
	i := strings.LastIndex(name, tempInfix)
	if i < 2 || name[0] != '.' {
		return false
	}
	digits := name[i+len(tempInfix):]
	if digits == "" {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ErrChanged says a file is not what was read.
var ErrChanged = errors.New("changed on disk since it was read; not written")

// unchanged checks that the file at path is still the one read, with the
// status was and the content data: same file, size and modification time,
// and the same bytes (compared in full, a block at a time). It returns the
// file's status now.
func unchanged(path string, was fs.FileInfo, data []byte) (fs.FileInfo, error) {
	// O_NONBLOCK: a named pipe put in its place must not block the open
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	now, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !os.SameFile(now, was) || now.Size() != was.Size() || !now.ModTime().Equal(was.ModTime()) || now.Size() != int64(len(data)) {
		return nil, ErrChanged
	}
	buf := make([]byte, 256<<10)
	for off := 0; ; {
		n, err := io.ReadFull(f, buf)
		if n > len(data)-off || !bytes.Equal(buf[:n], data[off:off+n]) {
			return nil, ErrChanged
		}
		off += n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			if off != len(data) {
				return nil, ErrChanged
			}
			return now, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
