package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/cmd/internal/batch"
	"github.com/daqiq/daqiq/cmd/internal/checkrun"
	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint/config"
)

// batchCommand lints JSON Lines with cmd/internal/batch.
func batchCommand() *cli.Command {
	return &cli.Command{
		Name:      "batch",
		Usage:     "lint a stream of JSON Lines articles (for Spark, Hadoop streaming, Beam): one JSON line out per line in, in order",
		ArgsUsage: "[FILE | -]",
		Description: `Each input line is a JSON object holding one article. Each output line is
{"id": <the id as given>, "diagnostics": [...]} with the diagnostics of
check --format json (path is the id as a string), in input order. A line
that is not a JSON object, has no text or is longer than 16 MiB gives
{"id": ..., "line": N, "error": "..."}; the stream goes on, and the exit
code is 2 at the end (0 with --exit-zero). Findings do not change the exit code. Blank lines
are skipped. Memory stays constant: at most a few lines per job are held.`,
		Flags: []cli.Flag{
			langFlag,
			&cli.StringFlag{Name: "text-field", Value: "text", Usage: "the field holding the article (a string)"},
			&cli.StringFlag{Name: "id-field", Value: "id", Usage: "the field echoed as id (any JSON value); its string form is the diagnostics' path"},
			&cli.StringFlag{Name: "date-field", Usage: "a field holding the dateline (YYYY-MM-DD, or an RFC 3339 timestamp) for the date rules"},
			&cli.StringFlag{Name: "format-field", Usage: "a field naming the article's format: txt, md or html (default txt)"},
			&cli.StringFlag{Name: "source-field", Usage: "a field holding the text (not a path) of the wire copy the article was rewritten from, plain text: the source rules compare the article with it"},
			&cli.StringFlag{Name: "config", Usage: "use this configuration file instead of looking for " + config.FileName, EnvVars: []string{config.EnvVar}},
			jobsFlag("articles"),
			&cli.BoolFlag{Name: "exit-zero", Usage: "exit 0 even when some lines failed (they are still reported)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usageErr("batch reads one file (or - for standard input)")
			}
			var in io.Reader = c.App.Reader
			from := "."
			if name := c.Args().First(); name != "" && name != "-" {
				// a regular file (links followed): a device could be
				// endless, a named pipe could block forever (standard
				// input is the way to pipe lines in); each line is held
				// to 16 MiB, the file's length is not limited
				f, _, err := config.OpenRegular(name)
				if err != nil {
					return &exitError{2, err.Error()}
				}
				defer f.Close()
				in, from = f, name
			}
			var cfg *config.Config
			if cp := config.Find(c.String("config"), from); cp != "" {
				var err error
				if cfg, err = config.Load(cp); err != nil {
					return &exitError{2, err.Error()}
				}
			}
			eng, err := engine.New(cfg)
			if err != nil {
				return &exitError{2, err.Error()}
			}
			lang, err := langOf(c, cfg)
			if err != nil {
				return err
			}
			jobs, restore := checkrun.LimitCPUs(c.Int("jobs"))
			defer restore()
			failed, err := batch.Run(in, c.App.Writer, batch.Options{Engine: eng, SettingsPath: from, Jobs: jobs, Lang: lang, Fields: batch.Fields{
				Text: c.String("text-field"), ID: c.String("id-field"), Date: c.String("date-field"), Format: c.String("format-field"), Source: c.String("source-field")}})
			if err != nil {
				return &exitError{2, err.Error()}
			}
			if failed > 0 && !c.Bool("exit-zero") {
				return &exitError{2, fmt.Sprintf("%d %s failed (reported in the output)", failed, plural(failed, "line", "lines"))}
			}
			return nil
		},
	}
}
