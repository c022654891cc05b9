package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/markup"
	"github.com/daqiq/daqiq/lint/output"
)

// maxBatchLine is the longest input line batch reads; a longer one is
// reported as an error and skipped without being held in memory.
var maxBatchLine = 16 << 20

func batchCommand() *cli.Command {
	return &cli.Command{
		Name:      "batch",
		Usage:     "lint a stream of JSON Lines articles (for Spark, Hadoop streaming, Beam): one JSON line out per line in, in order",
		ArgsUsage: "[FILE | -]",
		Description: `Each input line is a JSON object holding one article. Each output line is
{"id": <the id as given>, "diagnostics": [...]} with the diagnostics of
check --format json (path is the id as a string), in input order. A line
that is not a JSON object, has no text or is longer than 16 MiB gives
{"id": ..., "line": N, "error": "..."}; the stream goes on, and the exit
code is 2 at the end (0 with --exit-zero). Findings do not change the exit code. Blank lines
are skipped. Memory stays constant: at most a few lines per job are held.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "text-field", Value: "text", Usage: "the field holding the article (a string)"},
			&cli.StringFlag{Name: "id-field", Value: "id", Usage: "the field echoed as id (any JSON value); its string form is the diagnostics' path"},
			&cli.StringFlag{Name: "date-field", Usage: "a field holding the dateline (YYYY-MM-DD, or an RFC 3339 timestamp) for the date rules"},
			&cli.StringFlag{Name: "format-field", Usage: "a field naming the article's format: txt, md or html (default txt)"},
			&cli.StringFlag{Name: "config", Usage: "use this configuration file instead of looking for " + config.FileName, EnvVars: []string{config.EnvVar}},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "articles checked in parallel, on at most N CPUs (default: every CPU); output order stays the same"},
			&cli.BoolFlag{Name: "exit-zero", Usage: "exit 0 even when some lines failed (they are still reported)"},
		},
		Action: batch,
	}
}

// batchFields are the field names of the input objects.
type batchFields struct {
	text, id, date, format string
}

// batchJob is one input line on its way through the pipeline. out receives
// its encoded output line (buffered, so a worker never waits).
type batchJob struct {
	line int
	data []byte
	out  chan batchResult
}

type batchResult struct {
	json   []byte
	failed bool
}

func batch(c *cli.Context) error {
	if c.NArg() > 1 {
		return usageErr("batch reads one file (or - for standard input)")
	}
	var in io.Reader = c.App.Reader
	from := "."
	if name := c.Args().First(); name != "" && name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return &exitError{2, err.Error()}
		}
		defer f.Close()
		in, from = f, name
	}
	var cfg *config.Config
	if cp := config.Find(c.String("config"), from); cp != "" {
		var err error
		if cfg, err = config.Load(cp); err != nil {
			return &exitError{2, err.Error()}
		}
	}
	eng, err := engine.New(cfg)
	if err != nil {
		return &exitError{2, err.Error()}
	}
	fields := batchFields{text: c.String("text-field"), id: c.String("id-field"), date: c.String("date-field"), format: c.String("format-field")}
	jobs, restore := jobsOf(c)
	defer restore()
	failed, err := runBatch(in, c.App.Writer, eng, from, fields, jobs)
	if err != nil {
		return &exitError{2, err.Error()}
	}
	if failed > 0 && !c.Bool("exit-zero") {
		return &exitError{2, fmt.Sprintf("%d %s failed (reported in the output)", failed, plural(failed, "line", "lines"))}
	}
	return nil
}

// runBatch is the pipeline: a reader hands each line to the workers and,
// in the same order, to the writer, which waits for each line's result in
// turn. The order channel is the reorder window: when it is full the
// reader waits, so at most window+2 lines (and their results) are in
// memory whatever the input's length. It returns the number of lines that
// failed, and an error only for reading the input or writing the output.
// runBatch checks each line's article with eng, resolving the
// configuration's per-path settings for from (the input file).
func runBatch(r io.Reader, w io.Writer, eng *engine.Engine, from string, fields batchFields, jobs int) (int, error) {
	window := 4 * jobs
	work := make(chan *batchJob, jobs)
	order := make(chan *batchJob, window)
	stop := make(chan struct{})
	var readErr error

	go func() {
		defer close(order)
		defer close(work)
		br := bufio.NewReaderSize(r, 64<<10)
		for n := 1; ; n++ {
			data, tooLong, err := readLine(br, maxBatchLine)
			if err != nil && err != io.EOF {
				readErr = err
				return
			}
			if tooLong || len(bytes.TrimSpace(data)) > 0 {
				job := &batchJob{line: n, data: data, out: make(chan batchResult, 1)}
				if tooLong {
					job.data = nil
					job.out <- errorLine(nil, n, fmt.Sprintf("line longer than %d bytes", maxBatchLine))
				}
				select {
				case order <- job:
				case <-stop:
					return
				}
				if !tooLong {
					work <- job
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
			for job := range work {
				job.out <- lintLine(job, eng, from, fields)
			}
		}()
	}

	bw := bufio.NewWriterSize(w, 64<<10)
	failed := 0
	var writeErr error
	// flush before waiting, so that what is done goes downstream at once
	flush := func() {
		if writeErr == nil {
			writeErr = bw.Flush()
		}
	}
	for writeErr == nil {
		var job *batchJob
		ok := true
		select {
		case job, ok = <-order:
		default:
			flush()
			job, ok = <-order
		}
		if !ok {
			break
		}
		var res batchResult
		select {
		case res = <-job.out:
		default:
			flush()
			res = <-job.out
		}
		if res.failed {
			failed++
		}
		if writeErr == nil {
			_, writeErr = bw.Write(res.json)
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

// batchLine is an output line for a checked article.
type batchLine struct {
	ID          json.RawMessage         `json:"id"`
	Diagnostics []output.JSONDiagnostic `json:"diagnostics"`
}

// batchError is an output line for a line that could not be checked.
type batchError struct {
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

func errorLine(id json.RawMessage, line int, msg string) batchResult {
	return batchResult{json: encodeLine(batchError{ID: id, Line: line, Error: msg}), failed: true}
}

// batchRecord is what lintLine takes from an input line.
type batchRecord struct {
	id                 json.RawMessage // compact; nil when absent
	text, date, format *string         // nil when absent or null
}

// decodeRecord reads the fields of one input line in a single pass (the
// article is scanned once and unquoted once, by unquote; other fields are
// skipped).
// Keys match exactly. A field of the wrong type is reported after the
// whole object is read, so that the error line still carries the id.
func decodeRecord(data []byte, f batchFields) (batchRecord, error) {
	var r batchRecord
	var typeErr error
	dec := json.NewDecoder(bytes.NewReader(data))
	invalid := func(err error) error {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return fmt.Errorf("invalid JSON: %v", err)
	}
	tok, err := dec.Token()
	if err != nil {
		return r, invalid(err)
	}
	if tok != json.Delim('{') {
		return r, errors.New("not a JSON object")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return r, invalid(err)
		}
		key, _ := tok.(string)
		var dst **string
		switch key {
		case f.id:
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return r, invalid(err)
			}
			var b bytes.Buffer
			if json.Compact(&b, raw) == nil {
				raw = b.Bytes()
			}
			r.id = raw
			continue
		case f.text:
			dst = &r.text
		case f.date:
			dst = &r.date
		case f.format:
			dst = &r.format
		}
		if dst == nil || key == "" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return r, invalid(err)
			}
			continue
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return r, invalid(err)
		}
		switch {
		case string(raw) == "null":
			*dst = nil
		case raw[0] == '"':
			s, err := unquote(raw)
			if err != nil {
				return r, invalid(err)
			}
			*dst = &s
		default:
			*dst = nil
			if typeErr == nil {
				typeErr = fmt.Errorf("field %q is not a string", key)
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return r, invalid(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return r, errors.New("invalid JSON: data after the object")
	}
	return r, typeErr
}

// lintLine checks the article of one input line.
func lintLine(job *batchJob, eng *engine.Engine, from string, f batchFields) batchResult {
	r, err := decodeRecord(job.data, f)
	id := r.id
	if err != nil {
		return errorLine(id, job.line, err.Error())
	}
	path := "-"
	if id != nil {
		var s string
		if json.Unmarshal(id, &s) == nil {
			path = s
		} else {
			path = string(id)
		}
	}
	if r.text == nil {
		return errorLine(id, job.line, fmt.Sprintf("no %q field", f.text))
	}
	format := markup.Plain
	if r.format != nil {
		switch name := *r.format; strings.ToLower(name) {
		case "", "txt", "text", "plain":
		case "md", "markdown":
			format = markup.Markdown
		case "html", "htm":
			format = markup.HTML
		default:
			return errorLine(id, job.line, fmt.Sprintf("unknown format %q (want txt, md or html)", name))
		}
	}
	var date time.Time
	if r.date != nil {
		var err error
		if date, err = lint.ParseDate(*r.date); err != nil {
			return errorLine(id, job.line, fmt.Sprintf("field %q: %q is not a date (want YYYY-MM-DD or an RFC 3339 timestamp)", f.date, *r.date))
		}
	}
	res, err := eng.Check(context.Background(), engine.Input{Path: path, SettingsPath: from, Format: format, Src: []byte(*r.text), Dateline: date})
	if err != nil {
		return errorLine(id, job.line, err.Error())
	}
	return batchResult{json: encodeLine(batchLine{ID: id, Diagnostics: output.ToJSON(res.File())})}
}

// unquote decodes a JSON string literal the decoder has already checked.
// Text as articles have it, UTF-8 with \n, \" or \\ escapes, is copied in
// runs between the escapes; a \u escape or invalid UTF-8 goes to
// encoding/json (which puts U+FFFD for bad bytes): the same string either
// way, without decoding every character of a long article one by one.
func unquote(raw []byte) (string, error) {
	slow := func() (string, error) {
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	}
	s := raw[1 : len(raw)-1]
	if !utf8.Valid(s) {
		return slow()
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := bytes.IndexByte(s, '\\')
		if i < 0 {
			b.Write(s)
			return b.String(), nil
		}
		b.Write(s[:i])
		switch c := s[i+1]; c {
		case '"', '\\', '/':
			b.WriteByte(c)
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		default: // \u
			return slow()
		}
		s = s[i+2:]
	}
}
