package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/markup"
	"github.com/daqiq/daqiq/lint/output"
	"github.com/daqiq/daqiq/lint/runner"
)

type checkMode uint8

const (
	modeReport checkMode = iota
	modeDiff
	modeFix
)

// checkOpts are the settings of one check run shared by every file.
type checkOpts struct {
	mode   checkMode
	unsafe bool
	date   string // --date; else the front matter date of each file
	unused bool   // report unused suppression comments
}

// result is what checking one input produced.
type result struct {
	file  lint.File
	diff  []byte // rendered unified diff (modeDiff)
	fixed int    // fixes applied and written (modeFix)
	err   error
	// skipped: a binary file found by a walk, left out with this warning
	skipped string
	// after the finish step of a stream (see check): the report rendered
	// (file is then dropped) and what the summary and exit code need
	out            []byte
	total, fixable int
	bySev          map[lint.Level]int
	fails          bool  // a finding at the fail level or above
	fatal          error // stops the run (a git error in --new-from-rev)
	checked        bool  // finish ran: the input was checked
}

// stream checks the inputs on jobs goroutines. Each worker reads its file
// (unless gather already has its content), checks it, and runs finish on
// the result (filtering, rendering: work that may run side by side). emit
// gets the results in input order, each as soon as it and those before it
// are done, on the calling goroutine. At most window inputs are in flight
// between reading and emitting, so memory does not grow with the number of
// files. When emit returns an error, no more files are started and stream
// returns it.
func stream(inputs []*input, opts checkOpts, jobs int, finish func(*input, *result), emit func(*input, *result) error) error {
	type job struct {
		in   *input
		done chan *result
	}
	jobs = max(1, min(jobs, len(inputs)))
	window := 4 * jobs
	work := make(chan *job)
	order := make(chan *job, window)
	stop := make(chan struct{})
	go func() {
		defer close(work)
		defer close(order)
		for _, in := range inputs {
			j := &job{in: in, done: make(chan *result, 1)}
			select {
			case order <- j:
			case <-stop:
				return
			}
			work <- j
		}
	}()
	for w := 0; w < jobs; w++ {
		go func() {
			// the memory of the file before, when nothing it checked
			// kept it (its report rendered, its document dropped): the
			// next file is read into it
			var buf []byte
			for j := range work {
				select {
				case <-stop:
					j.done <- &result{}
					continue
				default:
				}
				r := processSafely(j.in, opts, buf)
				data := j.in.data
				j.in.data = nil // the result keeps what it needs
				if finish != nil && r.file.Doc != nil {
					finishSafely(finish, j.in, &r)
				}
				buf = nil
				if r.file.Doc == nil && cap(data) <= maxReuse {
					buf = data[:0]
				}
				j.done <- &r
			}
		}()
	}
	var err error
	for j := range order {
		r := <-j.done
		if err == nil {
			if err = emit(j.in, r); err != nil {
				close(stop)
			}
		}
	}
	return err
}

// maxReuse is the largest file buffer a worker keeps for the next file.
const maxReuse = 4 << 20

// finishSafely is finish for one input that may not stop the others: a
// panic (a bug in rendering or filtering) becomes that input's error.
func finishSafely(finish func(*input, *result), in *input, r *result) {
	defer func() {
		if v := recover(); v != nil {
			*r = result{err: fmt.Errorf("%s: internal error, please report it: %v\n%s", in.path, v, debug.Stack())}
		}
	}()
	finish(in, r)
}

// load reads an input's file if gather did not, and sorts out what cannot
// be checked: a file that cannot be read, and a binary file (a NUL byte),
// which is an error when it was named and a warning when a walk found it.
// Whether the text is UTF-8 is checked once, by the parser. A file is read
// into buf's memory when it is large enough.
func load(in *input, buf []byte) (skipped string, err error) {
	if in.err != nil {
		return "", in.err
	}
	switch {
	case in.data != nil:
	case in.staged:
		var err error
		if in.data, err = gitStaged(in.path); err != nil {
			return "", err
		}
	case in.real != "":
		var err error
		in.data, in.read, err = readFile(in.real, buf)
		if err != nil {
			return "", err
		}
		in.mode = in.read.Mode()
	}
	if off := bytes.IndexByte(in.data, 0); off >= 0 {
		msg := fmt.Sprintf("%s: binary file (NUL byte at offset %d), skipped", in.path, off)
		if in.walked {
			return msg, nil
		}
		return "", errors.New(msg)
	}
	return "", nil
}

// jobsOf reads -j: how many files are checked at a time, and the CPUs the
// process may use while it does (restore puts the limit back). -j N holds
// the whole process, the garbage collector included, to N CPUs, as a CI
// runner or a shared machine expects of -j 1; 0 (the default) or more than
// the process may use (GOMAXPROCS: the machine's CPUs, or a container's
// limit): all of those.
func jobsOf(c *cli.Context) (jobs int, restore func()) {
	n, most := c.Int("jobs"), runtime.GOMAXPROCS(0)
	if n < 1 || n >= most {
		return most, func() {}
	}
	runtime.GOMAXPROCS(n)
	return n, func() { runtime.GOMAXPROCS(most) }
}

// processHook, nil outside tests, runs before each input is checked.
var processHook func(path string)

// processSafely is process for one input that may not stop the others: an
// input that could not be read is passed on as its error, and a panic while
// checking one file (a bug) becomes that file's error.
func processSafely(in *input, opts checkOpts, buf []byte) (r result) {
	if skipped, err := load(in, buf); err != nil || skipped != "" {
		return result{err: err, skipped: skipped}
	}
	defer func() {
		if v := recover(); v != nil {
			r = result{err: fmt.Errorf("%s: internal error, please report it: %v\n%s", in.path, v, debug.Stack())}
		}
	}()
	if processHook != nil {
		processHook(in.path)
	}
	return process(in, opts)
}

// process checks one input: parse by format (plain text, Markdown, HTML),
// lint, and report, diff or fix.
func process(in *input, opts checkOpts) result {
	rules := in.rules
	parse := func(b []byte) (runner.Parsed, *markup.Extras, error) {
		doc, x, err := markup.Parse(in.path, b, markup.Options{})
		if err != nil {
			return runner.Parsed{}, nil, err
		}
		return runner.Parsed{Doc: doc, Filter: x.Filter}, x, nil
	}
	p, x, err := parse(in.data)
	if err != nil {
		return result{err: err}
	}
	if opts.date == "" && x.Date != "" {
		rules = withOption(rules, "dateline", x.Date)
	}
	var ds []lint.Diagnostic
	switch opts.mode {
	case modeReport:
		ds = runner.Check(p, rules)
	case modeDiff, modeFix:
		var last *markup.Extras = x
		out, final, remaining, n, err := runner.FixParsed(p, rules, opts.unsafe, func(b []byte) (runner.Parsed, error) {
			q, qx, err := parse(b)
			last = qx
			return q, err
		})
		if err != nil {
			return result{err: err}
		}
		if opts.mode == modeDiff {
			var buf bytes.Buffer
			if n > 0 && !bytes.Equal(out, in.data) {
				output.UnifiedDiff(&buf, filepath.ToSlash(in.path), in.data, out)
			}
			return result{diff: buf.Bytes()}
		}
		r := result{}
		if n > 0 && !bytes.Equal(out, in.data) {
			if err := writeAtomic(in, out); err != nil {
				// not written: report what the file on disk still has
				p, x, _ := parse(in.data)
				ds := runner.Check(p, rules)
				return result{file: lint.File{Doc: p.Doc, Diagnostics: withUnused(ds, x, opts.unused)}, err: err}
			}
			r.fixed = n
		}
		p, x, ds = final, last, remaining
		r.file = lint.File{Doc: p.Doc, Diagnostics: withUnused(ds, x, opts.unused)}
		return r
	}
	return result{file: lint.File{Doc: p.Doc, Diagnostics: withUnused(ds, x, opts.unused)}}
}

// withUnused adds a finding for each suppression comment that silenced
// nothing, when asked to.
func withUnused(ds []lint.Diagnostic, x *markup.Extras, report bool) []lint.Diagnostic {
	if !report || x == nil {
		return ds
	}
	for _, d := range x.Unused() {
		ds = append(ds, lint.Diagnostic{
			Start: d.Start, End: d.End, Rule: "suppression/unused", Level: lint.Warning,
			Message: fmt.Sprintf("this %s comment silences nothing", d.Kind),
			Fixes:   []lint.SuggestedFix{lint.Replace(d.Start, d.End, "", lint.Unsafe)},
		})
	}
	sortDiagnostics(ds)
	return ds
}

func sortDiagnostics(ds []lint.Diagnostic) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Start < ds[j-1].Start; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
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
