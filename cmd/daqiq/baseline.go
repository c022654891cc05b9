package main

import (
	"fmt"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/cmd/internal/checkrun"
	"github.com/daqiq/daqiq/cmd/internal/files"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/baseline"
	"github.com/daqiq/daqiq/lint/config"
)

// baselineCommand writes the findings of today so that `check --baseline`
// reports only the ones that come later.
func baselineCommand() *cli.Command {
	return &cli.Command{
		Name:      "baseline",
		Usage:     "record the current findings in a baseline file; check --baseline FILE then reports only new ones",
		ArgsUsage: "[paths]",
		Flags: []cli.Flag{
			langFlag,
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: ".daqiq-baseline.json", Usage: "the baseline file to write"},
			&cli.StringFlag{Name: "config", Usage: "use this configuration file instead of looking for " + config.FileName, EnvVars: []string{config.EnvVar}},
			dateFlag("the publication date (YYYY-MM-DD) for the date rules"),
			jobsFlag("files"),
			encodingFlag,
			sourceFlag,
		},
		Action: func(c *cli.Context) error {
			date, err := parseDate(c.String("date"))
			if err != nil {
				return err
			}
			encoding, err := files.ParseEncoding(c.String("encoding"))
			if err != nil {
				return usageErr("%v", err)
			}
			inputs, err := gatherInputs(c, 0)
			if err != nil {
				return err
			}
			opts := checkrun.Options{Mode: checkrun.Report, Date: date, Encoding: encoding}
			var cfgs []*config.Config
			for _, in := range inputs {
				if in.Engine != nil {
					cfgs = append(cfgs, in.Engine.Config())
					break
				}
			}
			// the messages of the wire's errors; the baseline itself
			// holds no message
			if opts.Lang, err = langOf(c, cfgs...); err != nil {
				return err
			}
			if f := c.String("source"); f != "" {
				if opts.Wire, err = checkrun.ReadWire(f, encoding, opts.Lang); err != nil {
					return &exitError{2, err.Error()}
				}
			}
			jobs, restore := checkrun.LimitCPUs(c.Int("jobs"))
			defer restore()
			var files []lint.File
			err = checkrun.Stream(inputs, opts, jobs, nil, func(_ *checkrun.Input, r *checkrun.Result) error {
				if r.Skipped != "" {
					fmt.Fprintf(c.App.ErrWriter, "daqiq: warning: %s\n", r.Skipped)
					return nil
				}
				if r.Err != nil {
					return &exitError{2, r.Err.Error()}
				}
				files = append(files, r.File)
				return nil
			})
			if err != nil {
				return err
			}
			out := c.String("output")
			b := baseline.Build(files, filepath.Dir(out))
			if err := b.WriteFile(out); err != nil {
				return &exitError{2, err.Error()}
			}
			fmt.Fprintf(c.App.Writer, "wrote %d findings to %s\n", b.Len(), out)
			return nil
		},
	}
}
