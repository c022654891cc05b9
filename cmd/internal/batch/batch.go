// Package batch is the engine of `daqiq batch`: it reads JSON Lines of
// articles, checks each with an engine.Engine on a pool of workers and
// writes one JSON line of findings per input line, in input order, in
// constant memory.
//
// Each input line is a JSON object holding one article. Each output line
// is {"id": <the id as given>, "diagnostics": [...]} with the diagnostics
// of check --format json (path is the id as a string). A line that is not
// a JSON object, has no text or is longer than 16 MiB gives
// {"id": ..., "line": N, "error": "..."} and the stream goes on. Blank
// lines are skipped. A line may carry the wire copy its article was
// rewritten from (Fields.Source), which the source rules compare it with.
package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/output"
)

// maxLine is the longest input line Run reads; a longer one is reported
// as an error and skipped without being held in memory.
var maxLine = 16 << 20

// Fields are the field names of the input objects. Keys match exactly.
type Fields struct {
	Text   string // the article, a string
	ID     string // echoed as the output's id (any JSON value); its string form is the diagnostics' path
	Date   string // the dateline, YYYY-MM-DD or an RFC 3339 timestamp ("": none)
	Format string // the format: txt, md or html ("": plain text)
	// Source is a field holding the text of the wire copy the article was
	// rewritten from (not a path), plain text, for the source rules ("":
	// none; a line without it, or with null, has no source). The findings
	// name it as FIELD:LINE.
	Source string
}

// Options says how Run checks the lines.
type Options struct {
	Engine *engine.Engine
	// SettingsPath is the path the configuration's per-path settings are
	// resolved for (the input file, or "." for standard input), whatever
	// each line's id.
	SettingsPath string
	Fields       Fields
	// Jobs is the number of workers (below 1: runtime.GOMAXPROCS). At
	// most a few lines per job are held in memory.
	Jobs int
	// Lang is the language of the messages (zero: Arabic).
	Lang i18n.Lang
}

// job is one input line on its way through the pipeline. out receives
// its encoded output line (buffered, so a worker never waits).
type job struct {
	line int
	data []byte
	out  chan Result
}

// Result is the output of one input line.
type Result struct {
	// JSON is the output line, ending in a newline.
	JSON []byte
	// Failed says it is an error line.
	Failed bool
	// Diagnostics are the findings it holds (none for an error line).
	Diagnostics []output.JSONDiagnostic
}

// Run is the pipeline: a reader hands each line to the workers and, in the
// same order, to the writer, which waits for each line's result in turn.
// The order channel is the reorder window: when it is full the reader
// waits, so at most window+2 lines (and their results) are in memory
// whatever the input's length. It returns the number of lines that
// failed (each reported by an error line in the output), and an error only
// for reading the input or writing the output.
func Run(r io.Reader, w io.Writer, o Options) (failed int, err error) {
	jobs := o.Jobs
	if jobs < 1 {
		jobs = runtime.GOMAXPROCS(0)
	}
	window := 4 * jobs
	work := make(chan *job, jobs)
	order := make(chan *job, window)
	stop := make(chan struct{})
	var readErr error

	go func() {
		defer close(order)
		defer close(work)
		br := bufio.NewReaderSize(r, 64<<10)
		for n := 1; ; n++ {
			data, tooLong, err := ReadLine(br)
			if err != nil && err != io.EOF {
				readErr = err
				return
			}
			if tooLong || len(bytes.TrimSpace(data)) > 0 {
				j := &job{line: n, data: data, out: make(chan Result, 1)}
				if tooLong {
					j.data = nil
					j.out <- TooLong(n)
				}
				select {
				case order <- j:
				case <-stop:
					return
				}
				if !tooLong {
					work <- j
				}
			}
			if err == io.EOF {
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.out <- CheckLine(j.data, j.line, o)
			}
		}()
	}

	bw := bufio.NewWriterSize(w, 64<<10)
	var writeErr error
	// flush before waiting, so that what is done goes downstream at once
	flush := func() {
		if writeErr == nil {
			writeErr = bw.Flush()
		}
	}
	for writeErr == nil {
		var j *job
		ok := true
		select {
		case j, ok = <-order:
		default:
			flush()
			j, ok = <-order
		}
		if !ok {
			break
		}
		var res Result
		select {
		case res = <-j.out:
		default:
			flush()
			res = <-j.out
		}
		if res.Failed {
			failed++
		}
		if writeErr == nil {
			_, writeErr = bw.Write(res.JSON)
		}
	}
	flush()
	if writeErr != nil {
		// the reader stops at its next line; the workers end when it does
		close(stop)
		return failed, fmt.Errorf("writing the output: %w", writeErr)
	}
	wg.Wait()
	if readErr != nil {
		return failed, fmt.Errorf("reading the input: %w", readErr)
	}
	return failed, nil
}

// ReadLine reads one input line as Run does, without its line break (\n
// or \r\n). A line longer than 16 MiB is consumed but not kept: tooLong
// is set, data is nil, and TooLong is its output. Run skips the lines that
// are blank (bytes.TrimSpace) and counts every line read, from 1.
func ReadLine(br *bufio.Reader) (data []byte, tooLong bool, err error) {
	return readLine(br, maxLine)
}

// TooLong is the error line for input line n when ReadLine found it too
// long.
func TooLong(n int) Result {
	return errorLine(nil, n, fmt.Sprintf("line longer than %d bytes", maxLine))
}

// readLine reads one line without its line break. A line longer than max
// is consumed but not kept: tooLong is set and data is nil.
func readLine(br *bufio.Reader, max int) (data []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong && len(data)+len(chunk) > max+2 {
			tooLong, data = true, nil
		}
		if !tooLong {
			data = append(data, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		data = bytes.TrimSuffix(data, []byte("\n"))
		data = bytes.TrimSuffix(data, []byte("\r"))
		if tooLong {
			data = nil
		}
		return data, tooLong, err
	}
}

// outLine is an output line for a checked article.
type outLine struct {
	ID          json.RawMessage         `json:"id"`
	Diagnostics []output.JSONDiagnostic `json:"diagnostics"`
}

// errLine is an output line for a line that could not be checked.
type errLine struct {
	ID    json.RawMessage `json:"id"`
	Line  int             `json:"line"`
	Error string          `json:"error"`
}

func encodeLine(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// only a malformed id could get here, and Unmarshal checked it
		panic(err)
	}
	return b.Bytes()
}

func errorLine(id json.RawMessage, line int, msg string) Result {
	return Result{JSON: encodeLine(errLine{ID: id, Line: line, Error: msg}), Failed: true}
}
