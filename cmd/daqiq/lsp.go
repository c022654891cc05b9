package main

import (
	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/cmd/internal/lsp"
	"github.com/daqiq/daqiq/lint/i18n"
)

// daqiq lsp: a Language Server Protocol server on standard input and
// output (package lsp); its logs go to standard error.
func lspCommand() *cli.Command {
	return &cli.Command{
		Name:  "lsp",
		Usage: "a Language Server Protocol server on standard input and output, for editors",
		Flags: []cli.Flag{configFlag, langFlag, &cli.BoolFlag{Name: "stdio", Usage: "speak on standard input and output (the default; for clients that pass it)"}},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErr("lsp takes no arguments")
			}
			o := lsp.Options{Config: c.String("config"), Log: c.App.ErrWriter, Version: version()}
			if s := c.String("lang"); s != "" {
				l, err := i18n.Parse(s)
				if err != nil {
					return usageErr("--lang: %v", err)
				}
				o.Lang = &l
			}
			if code := lsp.Serve(c.App.Reader, c.App.Writer, o); code != 0 {
				return &exitError{code, ""}
			}
			return nil
		},
	}
}
