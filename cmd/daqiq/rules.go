package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/i18n"
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
		Flags: []cli.Flag{configFlag, langFlag},
		Action: func(c *cli.Context) error {
			eng, err := loadEngine(c)
			if err != nil {
				return err
			}
			lang, err := langOf(c, eng.Config())
			if err != nil {
				return err
			}
			set := eng.Rules()
			tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, i18n.Text(lang, "rules.head"))
			for _, r := range set.Rules() {
				// as the configuration sets it, options that turn a
				// rule off included (final-yeh's style = "off")
				on, level := set.State(r.ID)
				state := i18n.Text(lang, map[bool]string{true: "rules.on", false: "rules.off"}[on])
				desc, _ := r.Localized(lang)
				if r.Unavailable != "" {
					state, desc = i18n.Text(lang, "rules.unavailable"), desc+" ("+r.LocalizedUnavailable(lang)+")"
				}
				if r.Size > 0 {
					desc += " [" + i18n.Count(lang, "entries", r.Size) + "]"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Kind, output.LevelWord(lang, level), state, desc)
			}
			return tw.Flush()
		},
	}
}

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "print a rule's documentation with examples, or list the rules of a family (explain spelling)",
		ArgsUsage: "RULE | FAMILY",
		Flags:     []cli.Flag{configFlag, langFlag},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("explain takes one rule id (daqiq rules lists them)")
			}
			eng, err := loadEngine(c)
			if err != nil {
				return err
			}
			lang, err := langOf(c, eng.Config())
			if err != nil {
				return err
			}
			set := eng.Rules()
			id := c.Args().First()
			for _, r := range set.Rules() {
				if r.ID == id {
					output.WriteExplain(c.App.Writer, r, lang)
					return nil
				}
			}
			if family := set.Family(strings.TrimSuffix(id, "/")); len(family) > 0 {
				return explainFamily(c, strings.TrimSuffix(id, "/"), family, lang)
			}
			return usageErr("unknown rule %q (daqiq rules lists them)", id)
		},
	}
}

// explainFamily lists the rules of a family (explain spelling) with their
// one-line summaries.
func explainFamily(c *cli.Context, name string, family []*lint.Rule, lang i18n.Lang) error {
	w := c.App.Writer
	fmt.Fprintf(w, "%s\n\n", i18n.Text(lang, "explain.family", name, i18n.Count(lang, "rules", len(family))))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range family {
		sum, _ := r.Localized(lang)
		fmt.Fprintf(tw, "%s\t%s\n", r.ID, sum)
	}
	return tw.Flush()
}

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
