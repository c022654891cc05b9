package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/daqiq/daqiq/cmd/internal/checkrun"
	"github.com/daqiq/daqiq/cmd/internal/files"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	if peakChild() {
		return
	}
	// what the tests print must not depend on the dictionaries installed
	os.Setenv("DAQIQ_DICTIONARIES", "none")
	// the tests of the command line's behaviour read its English; the
	// golden files and testdata/script/lang.txtar hold the Arabic default
	// (a script's daqiq, run by this binary, keeps the script's own)
	if _, ok := os.LookupEnv("DAQIQ_LANG"); !ok {
		os.Setenv("DAQIQ_LANG", "en")
	}
	testscript.Main(m, map[string]func(){
		"daqiq": func() { runExit(os.Args[1:]) },
		// badutf8 FILE writes Arabic text with an invalid byte at offset 15
		"badutf8": func() {
			data := append([]byte("قال هاذا"), 0xff)
			data = append(data, []byte(" خبر\n")...)
			if err := os.WriteFile(os.Args[1], data, 0o644); err != nil {
				os.Exit(1)
			}
		},
		// nulfile FILE writes Arabic text with a NUL byte at offset 13
		"nulfile": func() {
			if err := os.WriteFile(os.Args[1], []byte("هذا خبر\x00لاكن\n"), 0o644); err != nil {
				os.Exit(1)
			}
		},
		// utf16 SRC DST le|be writes the UTF-8 text of SRC to DST as
		// UTF-16, little- or big-endian, with its byte-order mark
		"utf16": func() {
			src, err := os.ReadFile(os.Args[1])
			if err != nil {
				os.Exit(1)
			}
			var order binary.AppendByteOrder = binary.LittleEndian
			if os.Args[3] == "be" {
				order = binary.BigEndian
			}
			var out []byte
			for _, u := range utf16.Encode(append([]rune{0xFEFF}, []rune(string(src))...)) {
				out = order.AppendUint16(out, u)
			}
			if err := os.WriteFile(os.Args[2], out, 0o644); err != nil {
				os.Exit(1)
			}
		},
		// cp1256 SRC DST writes the UTF-8 text of SRC to DST in
		// Windows-1256
		"cp1256": func() {
			src, err := os.ReadFile(os.Args[1])
			if err != nil {
				os.Exit(1)
			}
			out, err := files.EncodeWindows1256(os.Args[1], src)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			if err := os.WriteFile(os.Args[2], out, 0o644); err != nil {
				os.Exit(1)
			}
		},
		// sparse FILE BYTES makes FILE that many bytes long, without
		// writing them (NUL bytes to whoever reads it)
		"sparse": func() {
			n, err := strconv.ParseInt(os.Args[2], 10, 64)
			if err != nil {
				os.Exit(2)
			}
			if err := os.WriteFile(os.Args[1], nil, 0o644); err != nil {
				os.Exit(1)
			}
			if err := os.Truncate(os.Args[1], n); err != nil {
				os.Exit(1)
			}
		},
		// backdate FILE... sets the files' modification times to an hour ago
		"backdate": func() {
			t := time.Now().Add(-time.Hour)
			for _, f := range os.Args[1:] {
				if err := os.Chtimes(f, t, t); err != nil {
					os.Exit(1)
				}
			}
		},
		// bigline FILE MB writes one line of MB mebibytes of clean text
		// ending in one misspelling, “هاذا”
		"bigline": func() {
			mb, err := strconv.Atoi(os.Args[2])
			if err != nil {
				os.Exit(2)
			}
			const clean = "تحمل الوزير المسؤولية كاملة عن القرار، لكن المعارضة طالبت بالمزيد. "
			data := bytes.Repeat([]byte(clean), mb<<20/len(clean)+1)
			data = append(data, "هاذا خبر.\n"...)
			if err := os.WriteFile(os.Args[1], data, 0o644); err != nil {
				os.Exit(1)
			}
		},
		// daqiq-changing append|same NAME ARGS... is daqiq whose --fix finds
		// the file named NAME changed on disk just before replacing it:
		// appended to, or rewritten with the same size and modification time
		"daqiq-changing": func() {
			how, name := os.Args[1], os.Args[2]
			files.BeforeReplace = func(path string) {
				if filepath.Base(path) != name {
					return
				}
				fi, err := os.Stat(path)
				if err != nil {
					panic(err)
				}
				data, err := os.ReadFile(path)
				if err != nil {
					panic(err)
				}
				switch how {
				case "append":
					data = append(data, "سطر أضافه محرر آخر.\n"...)
				case "same":
					data = bytes.Repeat([]byte{'x'}, len(data))
				}
				if err := os.WriteFile(path, data, 0o644); err != nil {
					panic(err)
				}
				if how == "same" {
					if err := os.Chtimes(path, fi.ModTime(), fi.ModTime()); err != nil {
						panic(err)
					}
				}
			}
			runExit(os.Args[3:])
		},
		// daqiq-failwrite NAME N ARGS... is daqiq whose temporary file for
		// the file named NAME fails after N bytes
		"daqiq-failwrite": func() {
			name := os.Args[1]
			n, err := strconv.Atoi(os.Args[2])
			if err != nil {
				os.Exit(2)
			}
			files.TempWriter = func(path string, w io.Writer) io.Writer {
				if filepath.Base(path) != name {
					return w
				}
				return &failAfter{w: w, n: n}
			}
			runExit(os.Args[3:])
		},
		// daqiq-holdwrite NAME ARGS... is daqiq whose temporary file for
		// the file named NAME stops half way and never finishes (for a
		// test to kill it there)
		"daqiq-holdwrite": func() {
			name := os.Args[1]
			files.TempWriter = func(path string, w io.Writer) io.Writer {
				if filepath.Base(path) != name {
					return w
				}
				return &holdAfter{w: w, n: 10}
			}
			runExit(os.Args[2:])
		},
		// daqiq-panic NAME ARGS... is daqiq with a bug that panics while
		// checking the file named NAME
		"daqiq-panic": func() {
			name := os.Args[1]
			checkrun.ProcessHook = func(path string) {
				if filepath.Base(path) == name {
					panic("injected panic")
				}
			}
			runExit(os.Args[2:])
		},
	})
}

// runExit runs daqiq with args and exits with its code; with
// DAQIQ_TEST_EXIT set, a non-zero code is also printed on stderr
// ("exit status 2"), for scripts that tell 1 from 2.
func runExit(args []string) {
	code := run(append([]string{"daqiq"}, args...), os.Stdin, os.Stdout, os.Stderr)
	if code != 0 && os.Getenv("DAQIQ_TEST_EXIT") != "" {
		fmt.Fprintf(os.Stderr, "exit status %d\n", code)
	}
	os.Exit(code)
}

// failAfter writes n bytes to w, then fails.
type failAfter struct {
	w io.Writer
	n int
}

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) <= f.n {
		f.n -= len(p)
		return f.w.Write(p)
	}
	k, _ := f.w.Write(p[:f.n])
	f.n = 0
	return k, errors.New("injected write failure")
}

// holdAfter writes n bytes to w, then blocks forever.
type holdAfter struct {
	w io.Writer
	n int
}

func (h *holdAfter) Write(p []byte) (int, error) {
	if len(p) <= h.n {
		h.n -= len(p)
		return h.w.Write(p)
	}
	h.w.Write(p[:h.n])
	select {}
}

// A --fix killed by SIGTERM or SIGINT while it writes a temporary file
// removes it, leaves the file as it was and exits 143 or 130; the file
// fixed before is written.
func TestFixSignalRemovesTemp(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM to send")
	}
	const wrong = "تحمل الوزير المسؤلية كاملة عن القرار.\n"
	const fixed = "تحمل الوزير المسؤولية كاملة عن القرار.\n"
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range []string{"a.txt", "b.txt"} {
				if err := os.WriteFile(filepath.Join(dir, f), []byte(wrong), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command("daqiq-holdwrite", "b.txt", "check", "--fix", "-j", "1", "a.txt", "b.txt")
			cmd.Dir = dir
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// wait for the held write: a temporary file with 10 bytes
			deadline := time.Now().Add(30 * time.Second)
			for {
				tmp, _ := filepath.Glob(filepath.Join(dir, ".b.txt.daqiq-*"))
				if len(tmp) == 1 {
					if fi, err := os.Stat(tmp[0]); err == nil && fi.Size() == 10 {
						break
					}
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("no temporary file being written; stderr: %s", stderr.String())
				}
				time.Sleep(10 * time.Millisecond)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if want := 128 + int(sig); cmd.ProcessState.ExitCode() != want {
				t.Errorf("exit %v, want %d; stderr: %s", err, want, stderr.String())
			}
			if !strings.Contains(stderr.String(), "stopped; the files fixed so far are written, the others are as they were") {
				t.Errorf("stderr: %s", stderr.String())
			}
			if tmp, _ := filepath.Glob(filepath.Join(dir, ".*daqiq-*")); len(tmp) > 0 {
				t.Errorf("temporary files left: %v", tmp)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "b.txt")); string(b) != wrong {
				t.Errorf("b.txt: %q", b)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(b) != fixed {
				t.Errorf("a.txt: %q", b)
			}
		})
	}
}

// TestScripts runs the CLI scripts in testdata/script: output, exit codes,
// --diff, --fix, configuration errors.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "../../testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "1")
			e.Setenv("DAQIQ_LANG", "en")
			return nil
		},
		// [root]: running as root, who reads and writes any file
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}
