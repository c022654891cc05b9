//go:build unix

package files

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// nobody is the user the tests give files to and run as.
const nobody = 65534

func owner(t *testing.T, path string) (uid, gid uint32) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	return st.Uid, st.Gid
}

func readOriginal(t *testing.T, path string) Original {
	t.Helper()
	data, info, err := Read(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return Original{Name: filepath.Base(path), Path: path, Info: info, Data: data}
}

func noTemps(t *testing.T, dir string) {
	t.Helper()
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".*.daqiq-*")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

// The fixed file keeps its owner and group (root fixing nobody's file does
// not make it root's) and every mode bit, setuid, setgid and sticky too.
func TestReplaceKeepsOwnerAndMode(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	write(t, p, "قال فى\n", 0o664)
	if err := os.Chown(p, nobody, nobody); err != nil {
		t.Skip(err)
	}
	if err := os.Chmod(p, 0o664|os.ModeSetuid|os.ModeSetgid|os.ModeSticky); err != nil {
		t.Fatal(err)
	}
	if err := Replace(readOriginal(t, p), []byte("قال في\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "قال في\n" {
		t.Errorf("content %q", b)
	}
	if uid, gid := owner(t, p); uid != nobody || gid != nobody {
		t.Errorf("owner %d:%d, want %d:%d", uid, gid, nobody, nobody)
	}
	fi, _ := os.Stat(p)
	if want := 0o664 | os.ModeSetuid | os.ModeSetgid | os.ModeSticky; fi.Mode() != want {
		t.Errorf("mode %v, want %v", fi.Mode(), want)
	}
	noTemps(t, dir)
}

// A file with more than one hard link is refused, saying why: a rename
// would split it from its other names. Both names keep the old content
// and stay one file.
func TestReplaceRefusesHardLinks(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	write(t, p, "قال فى\n", 0o644)
	other := filepath.Join(dir, "b.txt")
	if err := os.Link(p, other); err != nil {
		t.Skip(err)
	}
	err := Replace(readOriginal(t, p), []byte("قال في\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "a.txt: has 2 hard links, not fixed: ") {
		t.Errorf("got %v", err)
	}
	for _, f := range []string{p, other} {
		if b, _ := os.ReadFile(f); string(b) != "قال فى\n" {
			t.Errorf("%s: %q", f, b)
		}
	}
	a, _ := os.Stat(p)
	b, _ := os.Stat(other)
	if !os.SameFile(a, b) {
		t.Error("the link was broken")
	}
	noTemps(t, dir)

	// a link made after the file was read is found before the rename
	os.Remove(other)
	o := readOriginal(t, p)
	BeforeReplace = func(string) { os.Link(p, other) }
	defer func() { BeforeReplace = nil }()
	if err := Replace(o, []byte("قال في\n")); err == nil || !strings.Contains(err.Error(), "hard links") {
		t.Errorf("a link made meanwhile: %v", err)
	}
	if b, _ := os.ReadFile(other); string(b) != "قال فى\n" {
		t.Errorf("%s: %q", other, b)
	}
	noTemps(t, dir)
}

// TestMain lets a test run Replace in a process of another user (see
// asNobody).
func TestMain(m *testing.M) {
	if path := os.Getenv("DAQIQ_FILES_TEST_REPLACE"); path != "" {
		data, info, err := Read(path, nil)
		if err == nil {
			err = Replace(Original{Name: filepath.Base(path), Path: path, Info: info, Data: data}, []byte("كتبه غيره\n"))
		}
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// asNobody runs Replace on path as the user nobody (a copy of the test
// binary with TestMain's hook), and returns what it said and whether it
// succeeded. It skips the test where the process cannot change users.
func asNobody(t *testing.T, dir, path string) (string, bool) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	bin := filepath.Join(dir, "files.test")
	src, err := os.ReadFile(exe)
	if err != nil {
		t.Skip(err)
	}
	if err := os.WriteFile(bin, src, 0o755); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(bin)
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "DAQIQ_FILES_TEST_REPLACE="+path)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Skipf("cannot run a process as uid %d: %v", nobody, err)
	}
	return strings.TrimSpace(out.String()), err == nil
}

// The user running daqiq must be allowed to write the file itself, not
// only its directory: in a directory anyone may write, nobody may not
// replace root's 0644 file (the rename alone would succeed and give the
// file to nobody). And a file nobody may write but whose owner nobody
// cannot keep (root's 0666 file) is refused rather than given to nobody.
// nobody's own file is fixed. This needs root, to make files of two users
// and run a process as the other.
func TestReplaceAsAnotherUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root: to make files of two users and run a process as nobody")
	}
	dir, err := os.MkdirTemp("", "daqiq-files-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		uid   int
		perm  os.FileMode
		fixed bool
		say   string
	}{
		{"root644.txt", 0, 0o644, false, "root644.txt: this user may not write it (permission denied), not fixed"},
		{"root666.txt", 0, 0o666, false, fmt.Sprintf("root666.txt: owned by uid 0, gid 0, which this user (uid %d) cannot give the fixed file (operation not permitted), so it would change owner; not fixed", nobody)},
		{"nobody.txt", nobody, 0o644, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name)
			write(t, p, "قال فى\n", tc.perm)
			if err := os.Chown(p, tc.uid, tc.uid); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, tc.perm); err != nil {
				t.Fatal(err)
			}
			said, ok := asNobody(t, dir, p)
			if ok != tc.fixed || said != tc.say {
				t.Errorf("fixed %v, said %q; want %v, %q", ok, said, tc.fixed, tc.say)
			}
			b, _ := os.ReadFile(p)
			if tc.fixed != (string(b) == "كتبه غيره\n") {
				t.Errorf("content %q", b)
			}
			if uid, gid := owner(t, p); uid != uint32(tc.uid) || gid != uint32(tc.uid) {
				t.Errorf("owner %d:%d, want %d:%d", uid, gid, tc.uid, tc.uid)
			}
			noTemps(t, dir)
		})
	}
}
