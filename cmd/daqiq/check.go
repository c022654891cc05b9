package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/cmd/internal/checkrun"
	"github.com/daqiq/daqiq/cmd/internal/files"
	"github.com/daqiq/daqiq/cmd/internal/git"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/baseline"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/output"
	"github.com/daqiq/daqiq/lint/runner"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "lint files and directories (with no path: the current directory; - reads standard input)",
		ArgsUsage: "[paths | -]",
		Description: `With no path, check walks the current directory (.). Directories are
walked for .txt, .md, .markdown, .html and .htm files, skipping hidden
folders and what exclude in .daqiq.toml names; a file named here is
always checked. Flags may come before or after the paths; -- ends them.

--source WIRE compares every article of the run with the wire copy it was
rewritten from (typically one article: daqiq check --source wire.txt
article.txt); the source/* rules report on the article, with the wire's
line. The wire is read once, as the articles are (--encoding), its format
by extension; it is never fixed, and when it is among the paths it is
checked as an article without a source. Without --source, source: in a
Markdown article's front matter names its wire, relative to the
article's folder. The source rules' fixes are unsafe: --fix applies them
only with --unsafe-fixes.`,
		Flags: []cli.Flag{
			langFlag,
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
			jobsFlag("files"),
			dateFlag("the publication date (YYYY-MM-DD) the date rules check against; default: the front matter's, else a dateline printed at the top"),
			encodingFlag,
			sourceFlag,
		},
		Action: check,
	}
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
	var failFlag lint.Level
	if s := c.String("fail-level"); s != "" {
		var err error
		if failFlag, err = lint.ParseLevel(s); err != nil {
			return usageErr("--fail-level: %v", err)
		}
	}
	dateline, err := parseDate(c.String("date"))
	if err != nil {
		return err
	}
	if c.Bool("diff") && format != "text" {
		return usageErr("--diff prints a diff, not findings: it takes no --format %s", format)
	}
	if c.Bool("unsafe-fixes") && !c.Bool("fix") && !c.Bool("diff") {
		return usageErr("--unsafe-fixes applies the unsafe fixes with --fix or shows them with --diff: add one of them")
	}
	encoding, err := files.ParseEncoding(c.String("encoding"))
	if err != nil {
		return usageErr("%v", err)
	}
	if c.Bool("staged") && (c.Bool("fix") || c.NArg() > 0) {
		return usageErr("--staged checks the staged files: it takes no paths and cannot --fix (use --diff)")
	}
	inputs, err := gatherInputs(c, failFlag)
	if err != nil {
		return err
	}
	var bl *baseline.Baseline
	var blRoot string
	if f := c.String("baseline"); f != "" {
		// a regular file of at most 16 MiB, like a configuration
		data, err := config.ReadFile(f)
		if err != nil {
			return &exitError{2, err.Error()}
		}
		if bl, err = baseline.Parse(f, data); err != nil {
			return &exitError{2, err.Error()}
		}
		blRoot = filepath.Dir(f)
	}
	rev := c.String("new-from-rev")
	if rev != "" && !c.Bool("staged") {
		// before any file is checked, let alone fixed
		if err := git.VerifyRev(rev); err != nil {
			return &exitError{2, err.Error()}
		}
	}

	var cfg *config.Config // the first input's: the run speaks one language
	for _, in := range inputs {
		if in.Engine != nil {
			cfg = in.Engine.Config()
			break
		}
	}
	lang, err := langOf(c, cfg)
	if err != nil {
		return err
	}
	opts := checkrun.Options{
		Lang:   lang,
		Mode:   checkrun.Report,
		Unsafe: c.Bool("unsafe-fixes"),
		Date:   dateline,
		Unused: c.Bool("report-unused"),

		Encoding: encoding,
	}
	if f := c.String("source"); f != "" {
		// read once, before any article is checked, let alone fixed
		if opts.Wire, err = checkrun.ReadWire(f, encoding, lang); err != nil {
			return &exitError{2, err.Error()}
		}
	}
	if c.Bool("diff") {
		opts.Mode = checkrun.Diff
	} else if c.Bool("fix") {
		opts.Mode = checkrun.Fix
	}
	if opts.Mode == checkrun.Fix {
		// a kill leaves no temporary file behind
		defer files.RemoveTempsOnSignal(c.App.ErrWriter)()
	}
	jobs, restore := checkrun.LimitCPUs(c.Int("jobs"))
	defer restore()
	// the line formats are rendered by the workers and written as each
	// file is done; so are the whole-document formats, between their
	// head and tail (doc)
	streamed := format == "text" || format == "jsonl" || format == "rdjsonl"
	var doc *output.Stream
	if !streamed && opts.Mode != checkrun.Diff {
		if doc, err = newDocStream(c.App.Writer, format, inputs, lang); err != nil {
			return &exitError{2, err.Error()}
		}
	}
	quiet := c.Bool("quiet")
	textOpts := output.TextOptions{Color: useColor(c.App.Writer), Lang: lang}
	finish := func(in *checkrun.Input, r *checkrun.Result) {
		var err error
		if bl != nil {
			r.File = bl.Filter(r.File, blRoot)
		}
		if rev != "" {
			if r.File, err = checkrun.OnlyChanged(r.File, in, rev); err != nil {
				r.Fatal = err
				return
			}
		}
		r.Checked = true
		r.Fails = runner.AtLeast(r.File.Diagnostics, in.Fail) > 0
		r.Tally.Add(r.File.Diagnostics)
		if doc != nil {
			r.Part, err = doc.Render(r.File)
			if err != nil {
				r.Fatal = err
			}
			if format != "sarif" {
				// sarif's part keeps the file (and its buffer, which the
				// worker then does not reuse) for emit, which numbers
				// the rules in order
				r.File = lint.File{}
			}
			return
		}
		if !streamed {
			return
		}
		var b bytes.Buffer
		switch {
		case format == "jsonl":
			err = output.WriteJSONL(&b, []lint.File{r.File})
		case format == "rdjsonl":
			err = output.WriteRDJSONL(&b, []lint.File{r.File}, lang)
		case quiet:
			output.WriteQuiet(&b, r.File, lang)
		default:
			output.WriteText(&b, r.File, textOpts)
		}
		if err != nil {
			r.Fatal = err
		}
		r.Out, r.File = b.Bytes(), lint.File{}
	}

	w := c.App.Writer
	stderr := c.App.ErrWriter
	exit := 0
	fixed, fixedFiles := 0, 0
	// failed counts the inputs that could not be checked or fixed: each is
	// named on stderr, the others are reported, and the exit code is 2
	failed := 0
	var tally output.Tally
	undated := 0
	// a long run whose findings go to a file or a pipe counts the files
	// done on the terminal (with the findings on the terminal too, the
	// count would get in their way); the count is wiped before anything
	// else is written to stderr, and at the end
	progress := len(inputs) >= 200 && isTerminal(stderr) && !isTerminal(w)
	done, shown := 0, false
	wipe := func() {
		if shown {
			fmt.Fprint(stderr, "\r\x1b[K")
			shown = false
		}
	}
	emit := func(in *checkrun.Input, r *checkrun.Result) error {
		if done++; progress && done%50 == 0 {
			fmt.Fprintf(stderr, "\rdaqiq: %d/%d files", done, len(inputs))
			shown = true
		}
		if r.Skipped != "" {
			wipe()
			fmt.Fprintf(stderr, "daqiq: warning: %s\n", r.Skipped)
			return nil
		}
		if r.Fatal != nil {
			return &exitError{2, r.Fatal.Error()}
		}
		if r.Err != nil {
			wipe()
			fmt.Fprintf(stderr, "daqiq: %v\n", r.Err)
			failed++
		}
		if opts.Mode == checkrun.Diff {
			if len(r.Diff) > 0 {
				w.Write(r.Diff)
				exit = 1
			}
			return nil
		}
		if !r.Checked {
			return nil
		}
		if r.Fixed > 0 {
			fixed += r.Fixed
			fixedFiles++
		}
		if r.Fails {
			exit = 1
		}
		tally.Merge(r.Tally)
		if r.Undated {
			undated++
		}
		if doc != nil {
			return doc.Write(r.Part)
		}
		_, err := w.Write(r.Out)
		return err
	}
	err = checkrun.Stream(inputs, opts, jobs, finish, emit)
	wipe()
	if doc != nil && (err == nil || doc.Started()) {
		// after an error too, once begun: what was written is a whole
		// document
		if cerr := doc.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}
	if err != nil {
		if fixed > 0 {
			fmt.Fprintln(stderr, i18n.Text(lang, "fixed-before-error", i18n.Count(lang, "problems", fixed), i18n.Count(lang, "files", fixedFiles)))
		}
		if _, ok := err.(*exitError); ok {
			return err
		}
		return &exitError{2, err.Error()}
	}
	if failed > 0 {
		exit = 2
	}
	if c.Bool("diff") {
		return exitCode(exit)
	}
	if format != "text" {
		return exitCode(exit)
	}
	if !c.Bool("quiet") {
		es := c.App.ErrWriter
		if fixed > 0 {
			fmt.Fprintln(es, i18n.Text(lang, "fixed", i18n.Count(lang, "problems", fixed), i18n.Count(lang, "files", fixedFiles)))
		}
		if msg := tally.Summary(lang, !c.Bool("fix")); msg != "" {
			fmt.Fprintln(es, msg)
		}
		if msg := tally.UnsafeHint(lang, c.Bool("fix")); msg != "" && !opts.Unsafe {
			fmt.Fprintln(es, msg)
		}
		if undated > 0 && !c.IsSet("date") {
			fmt.Fprintln(es, i18n.Text(lang, "undated", i18n.Count(lang, "files", undated)))
		}
		if failed > 0 {
			fmt.Fprintln(es, i18n.Text(lang, "failed", i18n.Count(lang, "files", failed)))
		}
	}
	return exitCode(exit)
}

// gatherInputs is checkrun.Gather of the command line of check or
// baseline; its errors are exit 2.
func gatherInputs(c *cli.Context, fail lint.Level) ([]*checkrun.Input, error) {
	inputs, err := checkrun.Gather(checkrun.Paths{
		Args: c.Args().Slice(), Staged: c.Bool("staged"), Config: c.String("config"),
		StdinName: c.String("stdin-filename"), Stdin: c.App.Reader, Fix: c.Bool("fix"), Fail: fail,
	})
	if err != nil {
		return nil, &exitError{2, err.Error()}
	}
	return inputs, nil
}

// sourceFlag is --source, of check and baseline.
var sourceFlag = &cli.StringFlag{Name: "source", Usage: "the wire copy the articles were rewritten from (a file, read once, its format by extension): the source/* rules compare every article of the run with it; it wins over source: in an article's front matter"}

// encodingFlag is --encoding, of check and baseline.
var encodingFlag = &cli.StringFlag{Name: "encoding", Value: files.UTF8, Usage: "windows-1256: read a file that is not valid UTF-8 as Windows-1256 (legacy Arabic archives); --fix writes it back so"}

// formats are the values of --format.
var formats = []string{"text", "json", "jsonl", "sarif", "github", "rdjson", "rdjsonl", "checkstyle"}

// newDocStream starts the whole-document formats (json, rdjson, sarif,
// checkstyle, github), written file by file as the files are done. Paths
// in SARIF and GitHub annotations are made relative to
// $GITHUB_WORKSPACE, else to the current directory; SARIF's rules are
// those of every input's configuration.
func newDocStream(w io.Writer, format string, inputs []*checkrun.Input, lang i18n.Lang) (*output.Stream, error) {
	root := os.Getenv("GITHUB_WORKSPACE")
	if root == "" {
		root, _ = os.Getwd()
	}
	o := output.StreamOptions{Lang: lang, SARIF: output.SARIFOptions{Version: version(), Root: root}, GitHub: output.GitHubOptions{Root: root}}
	if format == "sarif" {
		seen := map[string]bool{}
		for _, in := range inputs {
			if in.Engine == nil {
				continue
			}
			for _, a := range in.Engine.Rules().For(in.From) {
				if !seen[a.ID] {
					seen[a.ID] = true
					o.Rules = append(o.Rules, a.Rule)
				}
			}
		}
		sort.Slice(o.Rules, func(i, j int) bool { return o.Rules[i].ID < o.Rules[j].ID })
	}
	return output.NewStream(w, format, o)
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

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
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
