package checkrun

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"unicode/utf8"

	"github.com/daqiq/daqiq/cmd/internal/files"
	"github.com/daqiq/daqiq/cmd/internal/git"
	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint/output"
	"github.com/daqiq/daqiq/lint/source"
)

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
func load(in *Input, buf []byte, encoding string) (skipped string, err error) {
	if in.err != nil {
		return "", in.err
	}
	switch {
	case in.data != nil:
	case in.staged:
		var err error
		if in.data, err = git.Staged(in.Path); err != nil {
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
		msg = in.Path + ": " + msg
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

// processSafely is process for one input that may not stop the others: an
// input that could not be read is passed on as its error, and a panic while
// checking one file (a bug) becomes that file's error.
func processSafely(in *Input, opts Options, buf []byte) (r Result) {
	if skipped, err := load(in, buf, opts.Encoding); err != nil || skipped != "" {
		return Result{Err: err, Skipped: skipped}
	}
	defer func() {
		if v := recover(); v != nil {
			r = Result{Err: fmt.Errorf("%s: internal error, please report it: %v\n%s", in.Path, v, debug.Stack())}
		}
	}()
	if ProcessHook != nil {
		ProcessHook(in.Path)
	}
	return process(in, opts)
}

// process checks one input with its engine: report, diff or fix.
func process(in *Input, opts Options) Result {
	ei := engine.Input{Path: in.Path, SettingsPath: in.From, Src: in.data, Dateline: opts.Date, ReportUnused: opts.Unused, Lang: opts.Lang}
	w, isWire, err := sourceOf(in, opts)
	if err != nil {
		return Result{Err: err}
	}
	if w != nil {
		if ei.Wire, err = w.source(); err != nil {
			return Result{Err: err}
		}
	}
	if isWire {
		// the wire copy among the articles: checked without a source,
		// and never fixed
		opts.Mode = Report
	}
	if opts.Mode != Report {
		ei.Fix = engine.SafeFixes
		if opts.Unsafe {
			ei.Fix = engine.UnsafeFixes
		}
	}
	res, err := in.Engine.Check(context.Background(), ei)
	if err != nil {
		var enc *source.EncodingError
		if errors.As(err, &enc) && files.LooksWindows1256(in.data) {
			err = fmt.Errorf("%s: not UTF-8 (Windows-1256?): invalid UTF-8 at byte offset %d; to check it as Windows-1256, use --encoding windows-1256", in.Path, enc.Offset)
		}
		return Result{Err: err}
	}
	switch opts.Mode {
	case Diff:
		var buf bytes.Buffer
		if res.Applied > 0 && !bytes.Equal(res.Fixed, in.data) {
			output.UnifiedDiff(&buf, filepath.ToSlash(in.Path), in.data, res.Fixed)
		}
		return Result{Diff: buf.Bytes()}
	case Fix:
		r := Result{}
		// what an interrupted --fix left beside this file (once per
		// directory), whether or not this one needs fixing
		files.SweepStale(in.real)
		if res.Applied > 0 && !bytes.Equal(res.Fixed, in.data) {
			// written back in the file's own encoding, or not at all
			orig, fixed := in.data, res.Fixed
			var err error
			if in.raw != nil {
				orig = in.raw
				fixed, err = files.EncodeWindows1256(in.Path, res.Fixed)
			}
			if err == nil {
				err = files.Replace(files.Original{Name: in.Path, Path: in.real, Info: in.read, Data: orig}, fixed)
			}
			if err != nil {
				// not written: report what the file on disk still has
				ei.Fix = engine.NoFix
				res, _ := in.Engine.Check(context.Background(), ei)
				return Result{File: res.File(), Err: err}
			}
			r.Fixed = res.Applied
		}
		r.File = res.File()
		return r
	}
	return Result{File: res.File(), Undated: res.Undated > 0}
}
