// Command daqiq is an editorial linter for Arabic news copy.
//
//	daqiq check [paths | -]   lint files and directories
//	daqiq rules               list the rules
//	daqiq explain RULE        show a rule's documentation
//	daqiq init                write a starter .daqiq.toml
//	daqiq hook install        write a git pre-commit hook
//	daqiq baseline [paths]    record today's findings; check --baseline reports new ones
//	daqiq serve               the web page, the JSON API and a LanguageTool-compatible
//	                          API over HTTP (cmd/internal/serve, cmd/internal/ltapi)
//	daqiq lsp                 a Language Server Protocol server on stdin and stdout
//	                          (cmd/internal/lsp)
//	daqiq version
//
// Exit codes: 0 nothing at or above the fail level, 1 findings (or a
// non-empty --diff), 2 usage, configuration or I/O error.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/daqiq/daqiq/cmd/internal/cliargs"
	"github.com/daqiq/daqiq/cmd/internal/warmup"
	"github.com/daqiq/daqiq/rules"
	"github.com/urfave/cli/v2"
)

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "check", "batch", "baseline", "serve", "lsp":
			// build the built-in rules (their data) while the command
			// line is read, the configuration found and the directories
			// walked; the data lives as long as the process, so the
			// collector stays off while it is built and its first
			// collection waits for the heap to double (warmup)
			warmup.Start(func() { rules.Builtin() })
		}
	}
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return &exitError{2, fmt.Sprintf(format, args...)}
}

// run is main with its streams and exit code made explicit, for tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := &cli.App{
		Name:      "daqiq",
		Usage:     "an editorial linter for Arabic news copy",
		Version:   version(),
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// urfave/cli would otherwise call os.Exit itself
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: true,
		Commands: []*cli.Command{
			checkCommand(),
			rulesCommand(),
			explainCommand(),
			initCommand(),
			hookCommand(),
			baselineCommand(),
			batchCommand(),
			genCorpusCommand(),
			serveCommand(),
			lspCommand(),
			{
				Name:  "version",
				Usage: "print the version",
				Action: func(c *cli.Context) error {
					fmt.Fprintf(c.App.Writer, "daqiq %s\n", version())
					return nil
				},
			},
		},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return usageErr("%v", err)
		},
	}
	app.CommandNotFound = func(c *cli.Context, name string) {
		fmt.Fprintf(stderr, "daqiq: %s\n", cliargs.UnknownCommand("daqiq", app.Commands, name))
	}
	cliargs.Tidy(app.Commands, "daqiq", func(msg string) error { return usageErr("%s", msg) })
	if len(args) < 2 {
		_ = app.Run([]string{args[0], "--help"})
		return 2
	}
	err := app.Run(cliargs.Reorder(app.Commands, args))
	var ee *exitError
	switch {
	case err == nil:
		if len(args) > 1 && app.Command(args[1]) == nil && args[1][0] != '-' {
			return 2
		}
		return 0
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintf(stderr, "daqiq: %s\n", ee.msg)
		}
		return ee.code
	default:
		fmt.Fprintf(stderr, "daqiq: %v\n", err)
		return 2
	}
}
