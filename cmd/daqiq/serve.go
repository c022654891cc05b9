package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/cmd/internal/serve"
)

// daqiq serve: the flags, the engine, listening and shutting down; the
// server itself is package serve.
func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve the checker over HTTP: a web page, a JSON API and a LanguageTool-compatible /v2/check",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "address to listen on"},
			configFlag,
			&cli.StringSliceFlag{Name: "cors-origin", Usage: "an origin allowed to call the API from a browser (repeatable; * for any); none by default"},
			&cli.IntFlag{Name: "max-concurrent", Usage: "checks run at once; more requests wait (default: twice the number of CPUs)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErr("serve takes no arguments")
			}
			for _, o := range c.StringSlice("cors-origin") {
				if err := serve.CheckOrigin(o); err != nil {
					return usageErr("--cors-origin %q: %v", o, err)
				}
			}
			if c.Int("max-concurrent") < 0 {
				return usageErr("--max-concurrent must be positive")
			}
			eng, err := loadEngine(c)
			if err != nil {
				return err
			}
			h := serve.New(serve.Options{Engine: eng, MaxConcurrent: c.Int("max-concurrent"), CORSOrigins: c.StringSlice("cors-origin"), Version: version()})
			ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
			defer stop()
			if err := serve.ListenAndRun(ctx, c.String("addr"), h, func(url string) {
				fmt.Fprintf(c.App.Writer, "daqiq serve: listening on %s\n", url)
			}); err != nil {
				return &exitError{2, err.Error()}
			}
			return nil
		},
	}
}
