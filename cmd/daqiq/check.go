package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/baseline"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/output"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
)

// defaultExts are the file types a directory walk picks up. A file named on
// the command line is always checked.
var defaultExts = []string{".txt", ".md", ".markdown", ".html", ".htm"}

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "lint files and directories (- reads standard input)",
		ArgsUsage: "[paths | -]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: " + strings.Join(formats, ", ")},
			&cli.BoolFlag{Name: "diff", Usage: "print a unified diff of the safe fixes instead of the findings; exit 1 if it is not empty"},
			&cli.BoolFlag{Name: "fix", Usage: "apply the safe fixes in place, then report what remains"},
			&cli.BoolFlag{Name: "unsafe-fixes", Usage: "with --fix or --diff, apply unsafe fixes too"},
			&cli.StringFlag{Name: "fail-level", Usage: "lowest level that makes the exit code 1: error, warning or info (default warning, or fail-level in .daqiq.toml)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "findings only: no source lines, suggestions or summary"},
			&cli.StringFlag{Name: "config", Usage: "use this configuration file instead of looking for " + config.FileName, EnvVars: []string{config.EnvVar}},
			&cli.StringFlag{Name: "stdin-filename", Usage: "with -, the name to report and to find the configuration from"},
			&cli.BoolFlag{Name: "report-unused", Usage: "report daqiq-disable comments that silence nothing"},
			&cli.BoolFlag{Name: "staged", Usage: "check the staged content of the staged files (git show :path), for pre-commit hooks"},
			&cli.StringFlag{Name: "baseline", Usage: "report only findings not in this baseline file (daqiq baseline writes it)"},
			&cli.StringFlag{Name: "new-from-rev", Usage: "report only findings on lines added or changed since this git revision (with --staged: the staged lines against HEAD)"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files checked in parallel (default: the number of CPUs); output order stays the same"},
			&cli.StringFlag{Name: "date", Usage: "the publication date (YYYY-MM-DD) the date rules check against; default: the first full date in the opening lines"},
		},
		Action: check,
	}
}

type input struct {
	path  string // as reported
	real  string // on disk; "" for stdin
	mode  fs.FileMode
	data  []byte
	rules []runner.Active
	fail  lint.Severity
	// staged: the content is the git index's, path names the file
	staged bool
}

func check(c *cli.Context) error {
	format := c.String("format")
	known := false
	for _, f := range formats {
		known = known || f == format
	}
	if !known {
		return usageErr("unknown --format %q (want %s)", format, strings.Join(formats, ", "))
	}
	if c.Bool("fix") && c.Bool("diff") {
		return usageErr("--fix and --diff cannot be used together")
	}
	var failFlag lint.Severity
	if s := c.String("fail-level"); s != "" {
		var err error
		if failFlag, err = lint.ParseSeverity(s); err != nil {
			return usageErr("--fail-level: %v", err)
		}
	}
	dateline := c.String("date")
	if dateline != "" {
		if _, err := time.Parse("2006-01-02", dateline); err != nil {
			return usageErr("--date %q: want YYYY-MM-DD", dateline)
		}
	}
	if c.Bool("staged") && (c.Bool("fix") || c.NArg() > 0) {
		return usageErr("--staged checks the staged files: it takes no paths and cannot --fix (use --diff)")
	}
	inputs, err := gather(c, dateline, failFlag)
	if err != nil {
		return err
	}
	var bl *baseline.Baseline
	var blRoot string
	if f := c.String("baseline"); f != "" {
		if bl, err = baseline.Load(f); err != nil {
			return &exitError{2, err.Error()}
		}
		blRoot = filepath.Dir(f)
	}
	rev := c.String("new-from-rev")

	opts := checkOpts{
		mode:   modeReport,
		unsafe: c.Bool("unsafe-fixes"),
		date:   dateline,
		unused: c.Bool("report-unused"),
	}
	if c.Bool("diff") {
		opts.mode = modeDiff
	} else if c.Bool("fix") {
		opts.mode = modeFix
	}
	jobs := c.Int("jobs")
	if jobs < 1 {
		jobs = runtime.NumCPU()
	}
	results := processAll(inputs, opts, jobs, c.App.ErrWriter)
	w := c.App.Writer
	var files []output.File
	exit := 0
	fixed, fixedFiles := 0, 0
	for i, r := range results {
		if r.err != nil {
			return &exitError{2, r.err.Error()}
		}
		if opts.mode == modeDiff {
			if len(r.diff) > 0 {
				w.Write(r.diff)
				exit = 1
			}
			continue
		}
		if r.fixed > 0 {
			fixed += r.fixed
			fixedFiles++
		}
		if bl != nil {
			r.file = bl.Filter(r.file, blRoot)
		}
		if rev != "" {
			if r.file, err = onlyChanged(r.file, inputs[i], rev); err != nil {
				return &exitError{2, err.Error()}
			}
		}
		files = append(files, r.file)
		if runner.AtLeast(r.file.Diagnostics, inputs[i].fail) > 0 {
			exit = 1
		}
	}
	if c.Bool("diff") {
		return exitCode(exit)
	}
	if format != "text" {
		if err := writeFormat(w, format, files, inputs); err != nil {
			return &exitError{2, err.Error()}
		}
		return exitCode(exit)
	}
	textOpts := output.TextOptions{Color: useColor(w)}
	total, bySev, fixable := 0, map[lint.Severity]int{}, 0
	for _, f := range files {
		if c.Bool("quiet") {
			f = output.File{Doc: f.Doc, Diagnostics: f.Diagnostics}
			writeQuiet(w, f)
		} else {
			output.WriteText(w, f, textOpts)
		}
		for _, d := range f.Diagnostics {
			total++
			bySev[d.Severity]++
			if len(d.Fixes) > 0 && d.Fixes[0].Applicability == lint.Safe {
				fixable++
			}
		}
	}
	if !c.Bool("quiet") {
		es := c.App.ErrWriter
		if fixed > 0 {
			fmt.Fprintf(es, "fixed %d %s in %d %s\n", fixed, plural(fixed, "problem", "problems"), fixedFiles, plural(fixedFiles, "file", "files"))
		}
		if total > 0 {
			var parts []string
			for _, s := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
				if bySev[s] > 0 {
					parts = append(parts, fmt.Sprintf("%d %s", bySev[s], plural(bySev[s], s.String(), s.String()+"s")))
				}
			}
			msg := fmt.Sprintf("%d %s (%s)", total, plural(total, "problem", "problems"), strings.Join(parts, ", "))
			if fixable > 0 && !c.Bool("fix") {
				msg += fmt.Sprintf("; %d fixable with --fix", fixable)
			}
			fmt.Fprintln(es, msg)
		}
	}
	return exitCode(exit)
}

// withOption sets an option on every rule that declares it.
func withOption(rules []runner.Active, name, value string) []runner.Active {
	if value == "" {
		return rules
	}
	out := make([]runner.Active, len(rules))
	for i, r := range rules {
		if _, ok := r.Rule.Options[name]; ok {
			opts := map[string]string{name: value}
			for k, v := range r.Options {
				if k != name {
					opts[k] = v
				}
			}
			r.Options = opts
		}
		out[i] = r
	}
	return out
}

// gather reads the inputs named on the command line (or the staged files
// with --staged), checks that each is valid UTF-8 and finds its rules and
// fail level. Nothing is written before every input has been read.
func gather(c *cli.Context, dateline string, failFlag lint.Severity) ([]*input, error) {
	var inputs []*input
	if c.Bool("staged") {
		staged, err := gitStagedFiles()
		if err != nil {
			return nil, &exitError{2, err.Error()}
		}
		for _, p := range staged {
			if !hasDefaultExt(p) {
				continue
			}
			data, err := gitStaged(p)
			if err != nil {
				return nil, &exitError{2, err.Error()}
			}
			// reported under its own name; the working tree is not touched
			inputs = append(inputs, &input{path: p, data: data, staged: true})
		}
	}
	args := c.Args().Slice()
	if len(args) == 0 && !c.Bool("staged") {
		args = []string{"."}
	}
	for _, a := range args {
		if a == "-" {
			data, err := io.ReadAll(c.App.Reader)
			if err != nil {
				return nil, &exitError{2, fmt.Sprintf("reading standard input: %v", err)}
			}
			name := c.String("stdin-filename")
			if name == "" {
				name = "-"
			}
			inputs = append(inputs, &input{path: name, data: data})
			continue
		}
		var cfg *config.Config
		if cp := config.Find(c.String("config"), a); cp != "" {
			var err error
			if cfg, err = config.Load(cp); err != nil {
				return nil, &exitError{2, err.Error()}
			}
		}
		paths, err := expand(a, cfg)
		if err != nil {
			return nil, &exitError{2, err.Error()}
		}
		for _, p := range paths {
			fi, err := os.Stat(p)
			if err != nil {
				return nil, &exitError{2, err.Error()}
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, &exitError{2, err.Error()}
			}
			inputs = append(inputs, &input{path: p, real: p, mode: fi.Mode(), data: data})
		}
	}
	if c.Bool("fix") {
		for _, in := range inputs {
			if in.real == "" {
				return nil, usageErr("--fix cannot write to standard input: use --diff")
			}
		}
	}
	configs := map[string]*rules.Set{}
	for _, in := range inputs {
		// every input is read and checked before anything is written
		if _, err := source.New(in.path, in.data); err != nil {
			return nil, &exitError{2, err.Error()}
		}
		from := in.real
		if in.staged {
			from = in.path
		}
		if from == "" {
			from = in.path
			if from == "-" {
				from = "."
			}
		}
		cfgPath := config.Find(c.String("config"), from)
		set, ok := configs[cfgPath]
		if !ok {
			var cfg *config.Config
			var err error
			if cfgPath != "" {
				if cfg, err = config.Load(cfgPath); err != nil {
					return nil, &exitError{2, err.Error()}
				}
			}
			if set, err = rules.Load(cfg); err != nil {
				return nil, &exitError{2, err.Error()}
			}
			configs[cfgPath] = set
		}
		in.rules = withOption(set.For(from), "dateline", dateline)
		in.fail = lint.Warning
		if cfgFail := set.FailLevel(); cfgFail != 0 {
			in.fail = cfgFail
		}
		if failFlag != 0 {
			in.fail = failFlag
		}
	}

	return inputs, nil
}

func hasDefaultExt(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	for _, e := range defaultExts {
		if ext == e {
			return true
		}
	}
	return false
}

// formats are the values of --format.
var formats = []string{"text", "json", "jsonl", "sarif", "github", "rdjson", "rdjsonl", "checkstyle"}

// writeFormat writes the machine formats. Paths in SARIF and GitHub
// annotations are made relative to $GITHUB_WORKSPACE, else to the current
// directory.
func writeFormat(w io.Writer, format string, files []output.File, inputs []*input) error {
	root := os.Getenv("GITHUB_WORKSPACE")
	if root == "" {
		root, _ = os.Getwd()
	}
	switch format {
	case "json":
		return output.WriteJSON(w, files)
	case "jsonl":
		return output.WriteJSONL(w, files)
	case "sarif":
		seen := map[string]bool{}
		var rules []*lint.Rule
		for _, in := range inputs {
			for _, a := range in.rules {
				if !seen[a.ID] {
					seen[a.ID] = true
					rules = append(rules, a.Rule)
				}
			}
		}
		sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
		return output.WriteSARIF(w, files, rules, output.SARIFOptions{Version: version(), Root: root})
	case "github":
		return output.WriteGitHub(w, files, output.GitHubOptions{Root: root})
	case "rdjson":
		return output.WriteRDJSON(w, files)
	case "rdjsonl":
		return output.WriteRDJSONL(w, files)
	case "checkstyle":
		return output.WriteCheckstyle(w, files)
	}
	return fmt.Errorf("unknown format %q", format)
}

func writeQuiet(w io.Writer, f output.File) {
	for _, d := range f.Diagnostics {
		p := f.Doc.Pos(d.Start)
		fmt.Fprintf(w, "%s:%d:%d: %s %s: %s\n", f.Doc.Path, p.Line, p.Column, d.Severity, d.Rule, d.Message)
	}
}

func exitCode(n int) error {
	if n == 0 {
		return nil
	}
	return &exitError{code: n}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// expand turns a path argument into files: a file is itself, a directory
// is walked for files with the default extensions, skipping hidden
// directories and files and what the configuration excludes. Symlinks are
// not followed, so a link loop cannot trap the walk.
func expand(arg string, cfg *config.Config) ([]string, error) {
	fi, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{arg}, nil
	}
	var out []string
	err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != arg && (strings.HasPrefix(name, ".") || cfg != nil && cfg.Excluded(p, d.IsDir())) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(name))
		for _, e := range defaultExts {
			if ext == e {
				out = append(out, p)
				break
			}
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// writeAtomic replaces path with data through a temporary file in the same
// directory and a rename, keeping the file's mode. A symlink is followed and
// its target replaced.
func writeAtomic(path string, data []byte, mode fs.FileMode) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".daqiq-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(mode.Perm()); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// useColor: only on a terminal, never with NO_COLOR, always with FORCE_COLOR.
func useColor(w io.Writer) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	if v := os.Getenv("FORCE_COLOR"); v != "" && v != "0" {
		return true
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
