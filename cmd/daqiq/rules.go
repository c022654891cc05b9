package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
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
				// as the configuration sets it, options that turn a
				// rule off included (final-yeh's style = "off")
				on, level := set.State(r.ID)
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
		Usage:     "print a rule's documentation with examples, or list the rules of a family (explain spelling)",
		ArgsUsage: "RULE | FAMILY",
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
			if family := set.Family(strings.TrimSuffix(id, "/")); len(family) > 0 {
				return explainFamily(c, strings.TrimSuffix(id, "/"), family)
			}
			return usageErr("unknown rule %q (daqiq rules lists them)", id)
		},
	}
}

// explainFamily lists the rules of a family (explain spelling) with their
// one-line summaries.
func explainFamily(c *cli.Context, name string, family []*lint.Rule) error {
	w := c.App.Writer
	fmt.Fprintf(w, "%s: a family of %d %s (daqiq explain RULE for one of them)\n\n", name, len(family), plural(len(family), "rule", "rules"))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range family {
		fmt.Fprintf(tw, "%s\t%s\n", r.ID, r.Summary)
	}
	return tw.Flush()
}

func explain(c *cli.Context, r *lint.Rule) {
	w := c.App.Writer
	fmt.Fprintf(w, "%s (%s, %s by default)\n\n%s\n", r.ID, r.Kind, r.Level, r.Summary)
	section := func(title, body string) {
		if body != "" {
			fmt.Fprintf(w, "\n## %s\n%s\n", title, body)
		}
	}
	section("What it does", r.Doc.What)
	section("Why", r.Doc.Why)
	section("Example", r.Doc.Wrong)
	section("Use instead", r.Doc.Right)
	section("Fix safety", r.Doc.Fix)
	section("Unavailable: off on this system", r.Unavailable)
	if len(r.Options) > 0 {
		var names []string
		for k := range r.Options {
			names = append(names, k)
		}
		sort.Strings(names)
		var b strings.Builder
		for _, k := range names {
			o := r.Options[k]
			fmt.Fprintf(&b, "%s = %q  (%s", k, o.Default, o.Help)
			if len(o.Allowed) > 0 {
				fmt.Fprintf(&b, "; one of %s", strings.Join(o.Allowed, ", "))
			}
			b.WriteString(")\n")
		}
		section("Options", strings.TrimRight(b.String(), "\n"))
	}
	if r.Link != "" {
		section("More", r.Link)
	}
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
