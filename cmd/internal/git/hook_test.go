package git

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// WriteHook writes an executable script that ReadHook knows as daqiq's; a
// hook of someone else's, and a dangling link, exist but are not ours.
func TestHookFiles(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "hooks", "pre-commit")
	if exists, ours, err := ReadHook(p); exists || ours || err != nil {
		t.Errorf("no hook: %v %v %v", exists, ours, err)
	}
	if err := WriteHook(p); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil || fi.Mode().Perm()&0o111 == 0 {
		t.Fatalf("not executable: %v %v", fi, err)
	}
	data, _ := os.ReadFile(p)
	if !strings.HasPrefix(string(data), "#!/bin/sh\n") || !strings.Contains(string(data), "daqiq check --staged") {
		t.Errorf("script:\n%s", data)
	}
	if exists, ours, err := ReadHook(p); !exists || !ours || err != nil {
		t.Errorf("our hook: %v %v %v", exists, ours, err)
	}
	other := filepath.Join(dir, "other")
	if err := os.WriteFile(other, []byte("#!/bin/sh\nmake lint\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if exists, ours, err := ReadHook(other); !exists || ours || err != nil {
		t.Errorf("someone else's hook: %v %v %v", exists, ours, err)
	}
	dangling := filepath.Join(dir, "dangling")
	if err := os.Symlink(filepath.Join(dir, "missing"), dangling); err != nil {
		t.Skip(err)
	}
	if exists, ours, err := ReadHook(dangling); !exists || ours || err != nil {
		t.Errorf("dangling link: %v %v %v", exists, ours, err)
	}
	// a link in the hook's place is replaced, not followed
	if err := WriteHook(dangling); err != nil {
		t.Fatal(err)
	}
	if li, _ := os.Lstat(dangling); li.Mode()&os.ModeSymlink != 0 {
		t.Error("the link was followed")
	}
}

// A pipe in the hook's place is an error, not a hang.
func TestReadHookPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pre-commit")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() { _, _, err := ReadHook(p); done <- err }()
	select {
	case err := <-done:
		if err == nil {
			t.Error("a pipe read as a hook")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadHook hangs on a pipe")
	}
}
