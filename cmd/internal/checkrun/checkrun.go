// Package checkrun is the pipeline of daqiq check and daqiq baseline: the
// inputs of a run (Gather), each read just before it is checked, checked,
// diffed or fixed on a pool of workers, with the results handed back in
// input order (Stream); the wire copy an article is compared with
// (ReadWire); the findings on changed lines only (OnlyChanged).
package checkrun

import (
	"fmt"
	"io/fs"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/output"
)

// Mode is what a run does with each file.
type Mode uint8

// The modes: report the findings (check), print a unified diff of the
// fixes (check --diff), or apply them in place (check --fix).

const (
	Report Mode = iota
	Diff
	Fix
)

// Options are the settings of one check run shared by every file.
type Options struct {
	Mode   Mode
	Unsafe bool      // --unsafe-fixes
	Date   time.Time // --date (zero: none); else the front matter date of each file
	Unused bool      // report unused suppression comments
	Lang   i18n.Lang // the language of the messages
	// Encoding: files.UTF8, or files.Windows1256 to read a file that is
	// not valid UTF-8 as Windows-1256 (and write its fixes back so)
	Encoding string
	// Wire: --source, the wire copy every article is compared with (nil:
	// none; then source: in a Markdown article's front matter names one)
	Wire *Wire
}

// Result is what checking one input produced.
type Result struct {
	File  lint.File
	Diff  []byte // rendered unified diff (Diff)
	Fixed int    // fixes applied and written (Fix)
	Err   error
	// Skipped: a binary or UTF-16 file found by a walk, left out with
	// this warning
	Skipped string
	Undated bool // relative dates left unchecked: no dateline
	// set by the finish step of a stream (see Stream and daqiq check):
	// the report rendered (File is then dropped) and what the summary
	// and exit code need
	Out     []byte
	Part    output.Part // of a whole-document format
	Tally   output.Tally
	Fails   bool  // a finding at the fail level or above
	Fatal   error // stops the run (a git error in --new-from-rev)
	Checked bool  // finish ran: the input was checked
}

// Input is one article of a run: a file named or found by a walk, a
// staged file, or standard input. Gather makes them.
type Input struct {
	Path   string         // as reported
	Engine *engine.Engine // the engine of its configuration
	From   string         // the path its configuration's settings are resolved for
	Fail   lint.Level     // the lowest level that fails it
	real   string         // on disk; "" for stdin
	read   fs.FileInfo    // the file's status when it was read; nil for stdin
	data   []byte         // read by load, dropped once checked; UTF-8
	raw    []byte         // the bytes read, when data was decoded from them (--encoding)
	// staged: the content is the git index's, path names the file
	staged bool
	// walked: found by a directory walk or among the staged files rather
	// than named; if binary, it is skipped with a warning
	walked bool
	// err: the input could not be read or is not text it can check; it is
	// reported, never written, and makes the exit code 2
	err error
}

// Stream checks the inputs on jobs goroutines. Each worker reads its file
// (unless Gather already has its content), checks it, and runs finish on
// the result (filtering, rendering: work that may run side by side). emit
// gets the results in input order, each as soon as it and those before it
// are done, on the calling goroutine. At most window inputs are in flight
// between reading and emitting, so memory does not grow with the number of
// files. When emit returns an error, no more files are started and Stream
// returns it.
func Stream(inputs []*Input, opts Options, jobs int, finish func(*Input, *Result), emit func(*Input, *Result) error) error {
	type job struct {
		in   *Input
		done chan *Result
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
			j := &job{in: in, done: make(chan *Result, 1)}
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
					j.done <- &Result{}
					continue
				default:
				}
				r := processSafely(j.in, opts, buf)
				data := j.in.data
				j.in.data, j.in.raw = nil, nil // the result keeps what it needs
				if finish != nil && r.File.Doc != nil {
					finishSafely(finish, j.in, &r)
				}
				buf = nil
				if r.File.Doc == nil && cap(data) <= maxReuse {
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
func finishSafely(finish func(*Input, *Result), in *Input, r *Result) {
	defer func() {
		if v := recover(); v != nil {
			*r = Result{Err: fmt.Errorf("%s: internal error, please report it: %v\n%s", in.Path, v, debug.Stack())}
		}
	}()
	finish(in, r)
}

// LimitCPUs reads -j N: how many files are checked at a time, and the
// CPUs the process may use while it does (restore puts the limit back). -j N holds
// the whole process, the garbage collector included, to N CPUs, as a CI
// runner or a shared machine expects of -j 1; 0 (the default) or more than
// the process may use (GOMAXPROCS: the machine's CPUs, or a container's
// limit): all of those.
func LimitCPUs(n int) (jobs int, restore func()) {
	most := runtime.GOMAXPROCS(0)
	if n < 1 || n >= most {
		return most, func() {}
	}
	runtime.GOMAXPROCS(n)
	return n, func() { runtime.GOMAXPROCS(most) }
}

// ProcessHook, nil outside tests, runs before each input is checked
// (a test may make it panic, count or wait).
var ProcessHook func(path string)
