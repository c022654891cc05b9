package main

import (
	"fmt"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/cmd/internal/serve"
)

// listenAndRun serves daqiq serve's handler; the tests take the handler
// instead.
var listenAndRun = serve.ListenAndRun

// daqiq serve: the flags, the engine, listening and shutting down; the
// server itself is package serve. The Host header is checked: localhost,
// the server's IP addresses, the host of --addr and those of
// --allowed-host.
func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve the checker over HTTP: a web page, a JSON API and a LanguageTool-compatible /v2/check",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "address to listen on"},
			configFlag,
			&cli.StringSliceFlag{Name: "cors-origin", Usage: "an origin allowed to call the API from a browser, scheme://host[:port] (repeatable; * for any); none by default"},
			&cli.StringSliceFlag{Name: "allowed-host", Usage: "a host name the server may be reached by, besides localhost, its IP addresses and the host of --addr (repeatable; * for any): requests for other names are refused, against DNS rebinding"},
			&cli.IntFlag{Name: "max-concurrent", Usage: "checks run at once; more requests wait (default: twice the number of CPUs)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErr("serve takes no arguments")
			}
			var origins []string
			for _, o := range c.StringSlice("cors-origin") {
				n, err := serve.NormalizeOrigin(o)
				if err != nil {
					return usageErr("--cors-origin %q: %v", o, err)
				}
				origins = append(origins, n)
			}
			hosts := c.StringSlice("allowed-host")
			for _, h := range hosts {
				if h == "" || strings.ContainsAny(h, "/ ") {
					return usageErr("--allowed-host %q: want a host name, such as desk.example", h)
				}
			}
			if host, _, err := net.SplitHostPort(c.String("addr")); err == nil && host != "" {
				hosts = append(hosts, host)
			}
			if c.Int("max-concurrent") < 0 {
				return usageErr("--max-concurrent must be positive")
			}
			eng, err := loadEngine(c)
			if err != nil {
				return err
			}
			h := serve.New(serve.Options{
				Engine: eng, MaxConcurrent: c.Int("max-concurrent"), CORSOrigins: origins, Version: version(),
				CheckHost: true, AllowedHosts: hosts,
			})
			ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
			defer stop()
			if err := listenAndRun(ctx, c.String("addr"), h, func(url string) {
				fmt.Fprintf(c.App.Writer, "daqiq serve: listening on %s\n", url)
			}); err != nil {
				return &exitError{2, err.Error()}
			}
			return nil
		},
	}
}
