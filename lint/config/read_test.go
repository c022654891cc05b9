//go:build unix

package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A configuration that is not a regular file is refused, not read: a link
// to /dev/zero would fill the memory, a named pipe would hang the run.
// Whatever it is, the error names the file.
func TestLoadRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip(err)
	}
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip(err)
	}
	_, err := Load(zero)
	if err == nil || err.Error() != zero+": not a regular file (a device)" {
		t.Errorf("a link to /dev/zero: %v", err)
	}
	var nr *NotRegularError
	if !errors.As(err, &nr) {
		t.Errorf("%v is not a *NotRegularError", err)
	}

	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Load(fifo)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || err.Error() != fifo+": not a regular file (a named pipe)" {
			t.Errorf("a named pipe: %v", err)
		}
	case <-time.After(10 * time.Second):
		// unblock the reader before failing
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		t.Fatal("Load of a named pipe hangs")
	}

	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "not a regular file (a directory)") {
		t.Errorf("a directory: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.toml")); !errors.Is(err, os.ErrNotExist) || !strings.HasPrefix(err.Error(), "open ") {
		t.Errorf("a missing file: %v", err)
	}
}

// A configuration over MaxFileSize is an error naming the file and the
// limit, whether its size says so (a sparse file, not written out) or
// not; one of exactly MaxFileSize bytes is read.
func TestReadFileLimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.toml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	want := big + ": larger than 16 MiB, the most daqiq reads of a configuration, word list or baseline file"
	if _, err := Load(big); err == nil || err.Error() != want {
		t.Errorf("17 MiB: %v\nwant %s", err, want)
	}
	if err := os.Truncate(big, MaxFileSize); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(big); err != nil || len(data) != MaxFileSize {
		t.Errorf("exactly 16 MiB: %d bytes, %v", len(data), err)
	}
	// a regular file whose size says nothing: /proc
	if data, err := ReadFile("/proc/self/status"); err == nil && len(data) == 0 {
		t.Error("/proc/self/status read as empty")
	}
}
