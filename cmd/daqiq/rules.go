package main

import (
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/output"
)

// loadEngine builds the engine of the configuration that applies to the
// current directory (or --config).
func loadEngine(c *cli.Context) (*engine.Engine, error) {
	path := config.Find(c.String("config"), ".")
	var cfg *config.Config
	if path != "" {
		var err error
		if cfg, err = config.Load(path); err != nil {
			return nil, &exitError{2, err.Error()}
		}
	}
	eng, err := engine.New(cfg)
	if err != nil {
		return nil, &exitError{2, err.Error()}
	}
	return eng, nil
}

var configFlag = &cli.StringFlag{Name: "config", Usage: "configuration file", EnvVars: []string{config.EnvVar}}

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list every rule: id, kind, level, on/off, description",
		Flags: []cli.Flag{configFlag},
		Action: func(c *cli.Context) error {
			eng, err := loadEngine(c)
			if err != nil {
				return err
			}
			set := eng.Rules()
			tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tKIND\tLEVEL\tSTATE\tDESCRIPTION")
			for _, r := range set.Rules() {
				st := set.Setting(r.ID)
				on := !r.Disabled
				if st.Enabled != nil {
					on = *st.Enabled
				}
				level := r.Level
				if st.Level != "" {
					level, _ = lint.ParseLevel(st.Level)
				}
				state := map[bool]string{true: "on", false: "off"}[on]
				desc := r.Summary
				if r.Unavailable != "" {
					state, desc = "unavailable", desc+" ("+r.Unavailable+")"
				}
				if r.Size > 0 {
					desc += fmt.Sprintf(" [%d entries]", r.Size)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Kind, level, state, desc)
			}
			return tw.Flush()
		},
	}
}

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "print a rule's documentation with examples",
		ArgsUsage: "RULE",
		Flags:     []cli.Flag{configFlag},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("explain takes one rule id (daqiq rules lists them)")
			}
			eng, err := loadEngine(c)
			if err != nil {
				return err
			}
			set := eng.Rules()
			id := c.Args().First()
			for _, r := range set.Rules() {
				if r.ID == id {
					explain(c, r)
					return nil
				}
			}
			return usageErr("unknown rule %q (daqiq rules lists them)", id)
		},
	}
}

// explain prints a rule's documentation (output.WriteExplain, which daqiq
// serve's rule pages show too).
func explain(c *cli.Context, r *lint.Rule) { output.WriteExplain(c.App.Writer, r) }

func initCommand() *cli.Command {
	return &cli.Command{
		Name:  "init",
		Usage: "write a commented starter " + config.FileName + " in the current directory",
		Flags: []cli.Flag{&cli.BoolFlag{Name: "force", Usage: "overwrite an existing file"}},
		Action: func(c *cli.Context) error {
			if _, err := os.Stat(config.FileName); err == nil && !c.Bool("force") {
				return usageErr("%s already exists (use --force to overwrite)", config.FileName)
			}
			if err := os.WriteFile(config.FileName, config.Starter, 0o644); err != nil {
				return &exitError{2, err.Error()}
			}
			fmt.Fprintf(c.App.Writer, "wrote %s\n", config.FileName)
			return nil
		},
	}
}
