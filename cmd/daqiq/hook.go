package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/daqiq/daqiq/cmd/internal/files"
	"github.com/urfave/cli/v2"
)

// hookMark identifies a Git hook written by `daqiq hook install`: only a
// hook carrying it is replaced without --force or removed by uninstall.
const hookMark = "# daqiq-hook: written by `daqiq hook install`"

// hookScript is the pre-commit hook: it lints what is staged for the commit.
const hookScript = `#!/bin/sh
` + hookMark + `; remove it with ` + "`daqiq hook uninstall`" + `.
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

func hookCommand() *cli.Command {
	return &cli.Command{
		Name:      "hook",
		Usage:     "install or remove a Git pre-commit hook that runs daqiq check --staged",
		ArgsUsage: "install [--force] | uninstall",
		Subcommands: []*cli.Command{
			{
				Name:  "install",
				Usage: "write the repository's pre-commit hook (git rev-parse --git-path hooks) to run daqiq check --staged",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "force", Usage: "replace a pre-commit hook that daqiq did not write"},
				},
				Action: hookInstall,
			},
			{
				Name:   "uninstall",
				Usage:  "remove the pre-commit hook if daqiq wrote it",
				Action: hookUninstall,
			},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErr("hook: unknown subcommand %q (want install or uninstall)", c.Args().First())
			}
			return usageErr("hook: want a subcommand: install or uninstall")
		},
	}
}

// hookPath is the pre-commit hook of the repository around the current
// directory, as git names it: core.hooksPath and worktrees are honoured.
func hookPath() (string, error) {
	cmd := exec.Command("git", "rev-parse", "--git-path", "hooks")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", &exitError{2, "hook: cannot find the Git hooks directory: " + msg}
	}
	dir := strings.TrimRight(string(out), "\r\n")
	if dir == "" {
		return "", &exitError{2, "hook: git rev-parse --git-path hooks printed nothing"}
	}
	return filepath.Join(dir, "pre-commit"), nil
}

// readHook reports whether a hook exists at path and whether daqiq wrote it.
func readHook(path string) (exists, ours bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(path); lerr == nil {
			return true, false, nil // a dangling symlink
		}
		return false, false, nil
	}
	if err != nil {
		return false, false, &exitError{2, fmt.Sprintf("hook: %v", err)}
	}
	return true, bytes.Contains(data, []byte(hookMark)), nil
}

// hookState is the common start of install and uninstall: no arguments,
// where the hook lives, whether it exists and whether daqiq wrote it.
func hookState(c *cli.Context) (path string, exists, ours bool, err error) {
	if c.NArg() > 0 {
		return "", false, false, usageErr("hook %s takes no arguments", c.Command.Name)
	}
	if path, err = hookPath(); err != nil {
		return "", false, false, err
	}
	exists, ours, err = readHook(path)
	return path, exists, ours, err
}

func hookInstall(c *cli.Context) error {
	path, exists, ours, err := hookState(c)
	if err != nil {
		return err
	}
	if exists && !ours && !c.Bool("force") {
		return &exitError{2, fmt.Sprintf("hook: %s exists and was not written by daqiq; not replaced (use --force to replace it, or call daqiq check --staged from it)", path)}
	}
	if err := writeHook(path); err != nil {
		return &exitError{2, fmt.Sprintf("hook: writing %s: %v", path, err)}
	}
	verb := "installed"
	switch {
	case exists && ours:
		verb = "updated"
	case exists:
		verb = "replaced"
	}
	fmt.Fprintf(c.App.Writer, "%s %s: git commit now runs daqiq check --staged\n", verb, path)
	return nil
}

// writeHook writes the hook script executable, through a temporary file and
// a rename so that a symlink in its place is replaced, not followed.
func writeHook(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return files.ReplaceFile(path, []byte(hookScript), 0o755, nil, nil)
}

func hookUninstall(c *cli.Context) error {
	path, exists, ours, err := hookState(c)
	if err != nil {
		return err
	}
	switch {
	case !exists:
		fmt.Fprintf(c.App.Writer, "no pre-commit hook at %s: nothing to remove\n", path)
		return nil
	case !ours:
		return &exitError{2, fmt.Sprintf("hook: %s was not written by daqiq; not removed", path)}
	}
	if err := os.Remove(path); err != nil {
		return &exitError{2, fmt.Sprintf("hook: %v", err)}
	}
	fmt.Fprintf(c.App.Writer, "removed %s\n", path)
	return nil
}
