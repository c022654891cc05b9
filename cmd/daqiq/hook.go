package main

import (
	"fmt"
	"os"

	"github.com/daqiq/daqiq/cmd/internal/git"
	"github.com/urfave/cli/v2"
)

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
					&cli.BoolFlag{Name: "force", Usage: "replace a pre-commit hook that daqiq did not write, keeping it as pre-commit.legacy"},
				},
				Action: hookInstall,
			},
			{
				Name:   "uninstall",
				Usage:  "remove the pre-commit hook if daqiq wrote it (and put back a pre-commit.legacy that install --force kept)",
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

// hookState is the common start of install and uninstall: no arguments,
// where the hook lives, whether it exists and whether daqiq wrote it.
func hookState(c *cli.Context) (path string, exists, ours bool, err error) {
	if c.NArg() > 0 {
		return "", false, false, usageErr("hook %s takes no arguments", c.Command.Name)
	}
	if path, err = git.HookPath(); err != nil {
		return "", false, false, &exitError{2, "hook: " + err.Error()}
	}
	if exists, ours, err = git.ReadHook(path); err != nil {
		return "", false, false, &exitError{2, fmt.Sprintf("hook: %v", err)}
	}
	return path, exists, ours, nil
}

func hookInstall(c *cli.Context) error {
	path, exists, ours, err := hookState(c)
	if err != nil {
		return err
	}
	if exists && !ours && !c.Bool("force") {
		return &exitError{2, fmt.Sprintf("hook: %s exists and was not written by daqiq; not replaced (use --force to replace it, or call daqiq check --staged from it)", path)}
	}
	// someone else's hook is kept beside ours, never overwritten
	legacy := path + legacySuffix
	kept := exists && !ours
	if kept {
		if _, err := os.Lstat(legacy); err == nil {
			return &exitError{2, fmt.Sprintf("hook: %s exists too; not replaced (move one of them away first)", legacy)}
		}
		if err := os.Rename(path, legacy); err != nil {
			return &exitError{2, fmt.Sprintf("hook: keeping the old hook: %v", err)}
		}
	}
	if err := git.WriteHook(path); err != nil {
		if kept {
			os.Rename(legacy, path)
		}
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
	if kept {
		fmt.Fprintf(c.App.Writer, "the old hook is kept as %s (not run; daqiq hook uninstall puts it back)\n", legacy)
	}
	return nil
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
	// the hook that install --force kept comes back
	legacy := path + legacySuffix
	if _, err := os.Lstat(legacy); err == nil {
		if err := os.Rename(legacy, path); err != nil {
			return &exitError{2, fmt.Sprintf("hook: putting back the old hook: %v", err)}
		}
		fmt.Fprintf(c.App.Writer, "put back the old hook from %s\n", legacy)
	}
	return nil
}

// legacySuffix names the hook that install --force found, kept beside
// daqiq's: pre-commit.legacy, as the pre-commit framework names it.
const legacySuffix = ".legacy"
