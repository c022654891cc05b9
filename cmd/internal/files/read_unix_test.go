//go:build unix

package files

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Read refuses a named pipe at once (nothing writes to it: reading it
// would block forever), and says how to pipe text in.
func TestReadRefusesNamedPipes(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() {
		_, _, err := Read(fifo, nil)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || err.Error() != fifo+": not a regular file (a named pipe): pipe the text to standard input instead (daqiq check - < FILE)" {
			t.Errorf("a named pipe: %v", err)
		}
	case <-time.After(10 * time.Second):
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		t.Fatal("Read of a named pipe hangs")
	}
}
