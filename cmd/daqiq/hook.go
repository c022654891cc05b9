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
	if err := git.WriteHook(path); err != nil {
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
