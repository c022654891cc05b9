package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"time"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/cmd/internal/files"
	"github.com/daqiq/daqiq/cmd/internal/git"
	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/output"
	"github.com/daqiq/daqiq/lint/source"
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
	date   time.Time // --date (zero: none); else the front matter date of each file
	unused bool      // report unused suppression comments
	lang   i18n.Lang // the language of the messages
	// encoding: files.UTF8, or files.Windows1256 to read a file that is
	// not valid UTF-8 as Windows-1256 (and write its fixes back so)
	encoding string
	// wire: --source, the wire copy every article is compared with (nil:
	// none; then source: in a Markdown article's front matter names one)
	wire *wire
}

// result is what checking one input produced.
type result struct {
	file  lint.File
	diff  []byte // rendered unified diff (modeDiff)
	fixed int    // fixes applied and written (modeFix)
	err   error
	// skipped: a binary or UTF-16 file found by a walk, left out with
	// this warning
	skipped string
	// after the finish step of a stream (see check): the report rendered
	// (file is then dropped) and what the summary and exit code need
	out     []byte
	part    output.Part // of a whole-document format
	tally   output.Tally
	fails   bool  // a finding at the fail level or above
	fatal   error // stops the run (a git error in --new-from-rev)
	checked bool  // finish ran: the input was checked
	undated bool  // relative dates left unchecked: no dateline
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
				j.in.data, j.in.raw = nil, nil // the result keeps what it needs
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
// be checked: a file that cannot be read, UTF-16 or UTF-32 text (a
// byte-order mark) and a binary file (a NUL byte), the last two an error
// when the file was named and a warning when a walk found it.
// Whether the text is UTF-8 is checked once, by the parser. A file is read
// into buf's memory when it is large enough.
//
// With --encoding windows-1256, a file that is not valid UTF-8 is decoded
// from Windows-1256: in.data is then its UTF-8 text and in.raw the bytes
// as read.
func load(in *input, buf []byte, encoding string) (skipped string, err error) {
	if in.err != nil {
		return "", in.err
	}
	switch {
	case in.data != nil:
	case in.staged:
		var err error
		if in.data, err = git.Staged(in.path); err != nil {
			return "", err
		}
	case in.real != "":
		var err error
		in.data, in.read, err = files.Read(in.real, buf)
		if err != nil {
			return "", err
		}
	}
	// what cannot be checked is an error when the file was named (exit
	// 2), and a warning when a walk found it, which says it was skipped
	msg := files.NotText(in.data)
	if msg != "" {
		msg = in.path + ": " + msg
	}
	switch {
	case msg == "":
		if encoding == files.Windows1256 && !utf8.Valid(in.data) {
			in.raw, in.data = in.data, files.DecodeWindows1256(in.data)
		}
		return "", nil
	case in.walked:
		return msg + ", skipped", nil
	default:
		return "", errors.New(msg)
	}
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
	if skipped, err := load(in, buf, opts.encoding); err != nil || skipped != "" {
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

// process checks one input with its engine: report, diff or fix.
func process(in *input, opts checkOpts) result {
	ei := engine.Input{Path: in.path, SettingsPath: in.from, Src: in.data, Dateline: opts.date, ReportUnused: opts.unused, Lang: opts.lang}
	w, isWire, err := sourceOf(in, opts)
	if err != nil {
		return result{err: err}
	}
	if w != nil {
		ei.Source, ei.SourceName = w.data, w.name
	}
	if isWire {
		// the wire copy among the articles: checked without a source,
		// and never fixed
		opts.mode = modeReport
	}
	if opts.mode != modeReport {
		ei.Fix = engine.SafeFixes
		if opts.unsafe {
			ei.Fix = engine.UnsafeFixes
		}
	}
	res, err := in.eng.Check(context.Background(), ei)
	if err != nil {
		var enc *source.EncodingError
		if errors.As(err, &enc) && files.LooksWindows1256(in.data) {
			err = fmt.Errorf("%s: not UTF-8 (Windows-1256?): invalid UTF-8 at byte offset %d; to check it as Windows-1256, use --encoding windows-1256", in.path, enc.Offset)
		}
		return result{err: err}
	}
	switch opts.mode {
	case modeDiff:
		var buf bytes.Buffer
		if res.Applied > 0 && !bytes.Equal(res.Fixed, in.data) {
			output.UnifiedDiff(&buf, filepath.ToSlash(in.path), in.data, res.Fixed)
		}
		return result{diff: buf.Bytes()}
	case modeFix:
		r := result{}
		// what an interrupted --fix left beside this file (once per
		// directory), whether or not this one needs fixing
		files.SweepStale(in.real)
		if res.Applied > 0 && !bytes.Equal(res.Fixed, in.data) {
			// written back in the file's own encoding, or not at all
			orig, fixed := in.data, res.Fixed
			var err error
			if in.raw != nil {
				orig = in.raw
				fixed, err = files.EncodeWindows1256(in.path, res.Fixed)
			}
			if err == nil {
				err = files.Replace(files.Original{Name: in.path, Path: in.real, Info: in.read, Data: orig}, fixed)
			}
			if err != nil {
				// not written: report what the file on disk still has
				ei.Fix = engine.NoFix
				res, _ := in.eng.Check(context.Background(), ei)
				return result{file: res.File(), err: err}
			}
			r.fixed = res.Applied
		}
		r.file = res.File()
		return r
	}
	return result{file: res.File(), undated: res.Undated > 0}
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
