package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"

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
	file  output.File
	diff  []byte // rendered unified diff (modeDiff)
	fixed int    // fixes applied and written (modeFix)
	err   error
}

// processAll checks the inputs on jobs goroutines and returns the results
// in input order. On a terminal, a long run shows its progress on stderr.
func processAll(inputs []*input, opts checkOpts, jobs int, stderr io.Writer) []result {
	results := make([]result, len(inputs))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	progress := len(inputs) >= 200 && isTerminal(stderr)
	for w := 0; w < min(jobs, len(inputs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = processSafely(inputs[i], opts)
				if progress {
					mu.Lock()
					done++
					if done%50 == 0 || done == len(inputs) {
						fmt.Fprintf(stderr, "\rdaqiq: %d/%d files", done, len(inputs))
					}
					mu.Unlock()
				}
			}
		}()
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	if progress {
		fmt.Fprint(stderr, "\r\x1b[K")
	}
	return results
}

// processHook, nil outside tests, runs before each input is checked.
var processHook func(path string)

// processSafely is process for one input that may not stop the others: an
// input that could not be read is passed on as its error, and a panic while
// checking one file (a bug) becomes that file's error.
func processSafely(in *input, opts checkOpts) (r result) {
	if in.err != nil {
		return result{err: in.err}
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
				return result{file: output.File{Doc: p.Doc, Diagnostics: withUnused(ds, x, opts.unused)}, err: err}
			}
			r.fixed = n
		}
		p, x, ds = final, last, remaining
		r.file = output.File{Doc: p.Doc, Diagnostics: withUnused(ds, x, opts.unused)}
		return r
	}
	return result{file: output.File{Doc: p.Doc, Diagnostics: withUnused(ds, x, opts.unused)}}
}

// withUnused adds a finding for each suppression comment that silenced
// nothing, when asked to.
func withUnused(ds []lint.Diagnostic, x *markup.Extras, report bool) []lint.Diagnostic {
	if !report || x == nil {
		return ds
	}
	for _, d := range x.Unused() {
		ds = append(ds, lint.Diagnostic{
			Start: d.Start, End: d.End, Rule: "suppression/unused", Severity: lint.Warning,
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
