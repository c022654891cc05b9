package git

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/daqiq/daqiq/cmd/internal/files"
	"github.com/daqiq/daqiq/lint/config"
)

// HookMark identifies a Git hook written by `daqiq hook install`: only a
// hook carrying it is replaced without --force or removed by uninstall.
const HookMark = "# daqiq-hook: written by `daqiq hook install`"

// HookScript is the pre-commit hook: it lints what is staged for the commit.
const HookScript = `#!/bin/sh
` + HookMark + `; remove it with ` + "`daqiq hook uninstall`" + `.
# Lints the staged version of the files being committed; skip it once with
# git commit --no-verify.
if ! command -v daqiq >/dev/null 2>&1; then
	echo "daqiq pre-commit hook: daqiq is not on PATH; install it with" >&2
	echo "  go install github.com/daqiq/daqiq/cmd/daqiq@latest" >&2
	echo "or remove this hook: $0" >&2
	exit 1
fi
exec daqiq check --staged
`

// HookPath is the pre-commit hook of the repository around the current
// directory, as git names it: core.hooksPath and worktrees are honoured.
func HookPath() (string, error) {
	cmd := exec.Command("git", "rev-parse", "--git-path", "hooks")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", errors.New("cannot find the Git hooks directory: " + msg)
	}
	dir := strings.TrimRight(string(out), "\r\n")
	if dir == "" {
		return "", errors.New("git rev-parse --git-path hooks printed nothing")
	}
	return filepath.Join(dir, "pre-commit"), nil
}

// ReadHook reports whether a hook exists at path and whether daqiq wrote it.
func ReadHook(path string) (exists, ours bool, err error) {
	// a regular file of at most 16 MiB: a pipe or a device in the hook's
	// place would hang or exhaust the read
	data, err := config.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(path); lerr == nil {
			return true, false, nil // a dangling symlink
		}
		return false, false, nil
	}
	if err != nil {
		return false, false, err
	}
	return true, bytes.Contains(data, []byte(HookMark)), nil
}

// WriteHook writes the hook script executable, through a temporary file and
// a rename so that a symlink in its place is replaced, not followed.
func WriteHook(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return files.ReplaceFile(path, []byte(HookScript), 0o755, nil, nil)
}
