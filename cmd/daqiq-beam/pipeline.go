package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/daqiq/daqiq/cmd/internal/batch"
	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/markup"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*block)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*tally)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*ruleTally)(nil)).Elem())
	register.DoFn3x1[context.Context, fileio.FileMetadata, func(block), error](&indexFn{})
	register.DoFn5x1[context.Context, block, func(string), func(string, tally), func(string, ruleTally), error](&checkFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeSortedFn{})
	register.DoFn2x1[context.Context, string, error](&writeShardsFn{})
	register.Iter1[string]()
	register.Emitter1[block]()
	register.Emitter1[string]()
	register.Emitter2[string, tally]()
	register.Emitter2[string, ruleTally]()
	register.Function2x1[tally, tally, tally](mergeTally)
	register.Function2x1[ruleTally, ruleTally, ruleTally](mergeRuleTally)
	register.Function2x1[string, tally, string](formatSource)
	register.Function2x1[string, ruleTally, string](formatRule)
}

// Options is what the pipeline is built from: the flags.
type Options struct {
	Inputs     []string // glob patterns
	TextInput  bool     // each file is an article (--input-format txt)
	Output     string   // the prefix of the output files
	Fields     batch.Fields
	ConfigPath string // "" for the defaults
	ConfigSrc  string // the configuration file's text, read where the pipeline is built
	Lang       string // --lang, "" for the configuration's or Arabic
	Jobs       int    // articles checked at once in each bundle
	BlockBytes int64  // input lines handed out in blocks of about this many bytes
}

// Outputs are the names of the files Build writes; findings is a glob
// pattern, PREFIX-findings-*.jsonl: one shard per bundle (writeShardsFn).
func (o Options) Outputs() (findings, rules, sources string) {
	return o.Output + "-findings-*.jsonl", o.Output + "-rules.jsonl", o.Output + "-sources.jsonl"
}

// Build adds the pipeline to s: the input files are cut into blocks of
// whole lines (a text file is one block), the blocks are reshuffled so that
// a distributed runner spreads them over its workers, each block is checked
// with batch.CheckLine (the call of daqiq batch) and three files are
// written: the output lines (in shards, one per bundle, streamed as they
// are checked), the counts per rule and the counts per source (input file,
// or a text file's directory).
func Build(s beam.Scope, o Options) {
	globs := beam.Create(s, toAny(o.Inputs)...)
	files := fileio.MatchAll(s, globs, fileio.MatchEmptyAllowIfWildcard())
	blocks := beam.ParDo(s, &indexFn{TextInput: o.TextInput, BlockBytes: o.BlockBytes}, files)
	blocks = beam.Reshuffle(s, blocks)
	lines, sources, rules := beam.ParDo3(s, &checkFn{
		ConfigPath: o.ConfigPath, ConfigSrc: o.ConfigSrc, Lang: o.Lang,
		TextField: o.Fields.Text, IDField: o.Fields.ID, DateField: o.Fields.Date, FormatField: o.Fields.Format,
		Jobs: o.Jobs,
	}, blocks)
	_, rulesOut, sourcesOut := o.Outputs()
	filesystem.ValidateScheme(o.Output)
	beam.ParDo0(s.Scope("findings"), &writeShardsFn{Prefix: o.Output + "-findings-"}, lines)

	perSource := beam.CombinePerKey(s, mergeTally, sources)
	writeSorted(s.Scope("sources"), sourcesOut, beam.ParDo(s, formatSource, perSource))
	perRule := beam.CombinePerKey(s, mergeRuleTally, rules)
	writeSorted(s.Scope("rules"), rulesOut, beam.ParDo(s, formatRule, perRule))
}

func toAny(ss []string) []any {
	a := make([]any, len(ss))
	for i, s := range ss {
		a[i] = s
	}
	return a
}

// block is a run of whole lines of an input file: bytes [Start, End), the
// first of them line number Line (counted from 1, blank lines too, as
// daqiq batch counts them). Text: the whole file is one article.
type block struct {
	Path       string
	Start, End int64
	Line       int
	Text       bool
}

// indexFn cuts each input file into blocks of about BlockBytes at line
// ends: it reads the file once, counting lines, and hands out only
// offsets, so that what is reshuffled is small whatever the input.
type indexFn struct {
	TextInput  bool
	BlockBytes int64
}

func (fn *indexFn) ProcessElement(ctx context.Context, md fileio.FileMetadata, emit func(block)) error {
	if fn.TextInput {
		emit(block{Path: md.Path, End: md.Size, Line: 1, Text: true})
		return nil
	}
	rc, err := openRead(ctx, md.Path)
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<20)
	size := fn.BlockBytes
	if size <= 0 {
		size = 1 << 20
	}
	var pos, start int64
	line, first := 0, 1
	for {
		chunk, err := br.ReadSlice('\n')
		pos += int64(len(chunk))
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("reading %s: %w", md.Path, err)
		}
		if err == nil {
			line++ // a line ends here
			if pos-start >= size {
				emit(block{Path: md.Path, Start: start, End: pos, Line: first})
				start, first = pos, line+1
			}
			continue
		}
		if pos > start {
			emit(block{Path: md.Path, Start: start, End: pos, Line: first})
		}
		return nil
	}
}

// openRead opens a file of any file system Beam knows (local, gs://, …).
func openRead(ctx context.Context, p string) (io.ReadCloser, error) {
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return nil, err
	}
	rc, err := fs.OpenRead(ctx, p)
	if err != nil {
		fs.Close()
		return nil, err
	}
	return closeBoth{rc, fs}, nil
}

type closeBoth struct {
	io.ReadCloser
	fs filesystem.Interface
}

func (c closeBoth) Close() error {
	err := c.ReadCloser.Close()
	if err2 := c.fs.Close(); err == nil {
		err = err2
	}
	return err
}

// tally counts what the articles of one source gave.
type tally struct {
	Articles int
	Failed   int // error lines
	Findings int
	Rules    map[string]int // findings per rule
}

// ruleTally counts what one rule found.
type ruleTally struct {
	Findings int
	Articles int // articles with at least one finding of the rule
}

func mergeTally(a, b tally) tally {
	m := make(map[string]int, len(a.Rules)+len(b.Rules))
	for k, v := range a.Rules {
		m[k] += v
	}
	for k, v := range b.Rules {
		m[k] += v
	}
	return tally{Articles: a.Articles + b.Articles, Failed: a.Failed + b.Failed, Findings: a.Findings + b.Findings, Rules: m}
}

func mergeRuleTally(a, b ruleTally) ruleTally {
	return ruleTally{Findings: a.Findings + b.Findings, Articles: a.Articles + b.Articles}
}

func formatSource(src string, t tally) string {
	if t.Rules == nil {
		t.Rules = map[string]int{}
	}
	b, _ := json.Marshal(struct {
		Source   string         `json:"source"`
		Articles int            `json:"articles"`
		Failed   int            `json:"failed"`
		Findings int            `json:"findings"`
		Rules    map[string]int `json:"rules"`
	}{src, t.Articles, t.Failed, t.Findings, t.Rules})
	return string(b)
}

func formatRule(rule string, t ruleTally) string {
	b, _ := json.Marshal(struct {
		Rule     string `json:"rule"`
		Findings int    `json:"findings"`
		Articles int    `json:"articles"`
	}{rule, t.Findings, t.Articles})
	return string(b)
}

// engines holds one engine per configuration in this worker process, for
// all the bundles and DoFn instances it runs.
var engines struct {
	sync.Mutex
	m map[string]*engine.Engine
}

func engineFor(cfg *config.Config, key string) (*engine.Engine, error) {
	engines.Lock()
	defer engines.Unlock()
	if e := engines.m[key]; e != nil {
		return e, nil
	}
	e, err := engine.New(cfg)
	if err != nil {
		return nil, err
	}
	if engines.m == nil {
		engines.m = map[string]*engine.Engine{}
	}
	engines.m[key] = e
	return e, nil
}

// checkFn checks the articles of a block, Jobs at a time, and emits their
// output lines in order, with a tally per article for its source and one
// per rule it found.
type checkFn struct {
	ConfigPath, ConfigSrc                      string
	Lang                                       string
	TextField, IDField, DateField, FormatField string
	Jobs                                       int
	opts                                       batch.Options
}

// Setup builds the engine, once per worker process (engineFor).
func (fn *checkFn) Setup() error {
	var cfg *config.Config
	if fn.ConfigPath != "" {
		var err error
		if cfg, err = config.Parse(fn.ConfigPath, []byte(fn.ConfigSrc)); err != nil {
			return err
		}
	}
	lang := i18n.Ar
	switch {
	case fn.Lang != "":
		l, err := i18n.Parse(fn.Lang)
		if err != nil {
			return fmt.Errorf("--lang: %v", err)
		}
		lang = l
	case cfg != nil && cfg.Lang != "":
		lang, _ = i18n.Parse(cfg.Lang)
	}
	eng, err := engineFor(cfg, fn.ConfigPath+"\x00"+fn.ConfigSrc)
	if err != nil {
		return err
	}
	fn.opts = batch.Options{Engine: eng, Lang: lang, Fields: batch.Fields{Text: fn.TextField, ID: fn.IDField, Date: fn.DateField, Format: fn.FormatField}}
	return nil
}

// line is an input line of a block, or its result once checked.
type line struct {
	n       int
	data    []byte
	tooLong bool
	res     batch.Result
}

func (fn *checkFn) ProcessElement(ctx context.Context, b block, emit func(string), emitSource func(string, tally), emitRule func(string, ruleTally)) error {
	o := fn.opts
	o.SettingsPath = b.Path // as daqiq batch FILE
	var lines []line
	source := b.Path
	if b.Text {
		source = path.Dir(b.Path)
		text, err := readAll(ctx, b.Path)
		if err != nil {
			return err
		}
		lines = append(lines, line{res: batch.CheckText(b.Path, text, textFormat(b.Path), 1, o)})
	} else {
		var err error
		if lines, err = readBlock(ctx, b); err != nil {
			return err
		}
		fn.check(lines, o)
	}
	for _, l := range lines {
		r := l.res
		emit(strings.TrimSuffix(string(r.JSON), "\n"))
		t := tally{Articles: 1, Findings: len(r.Diagnostics)}
		if r.Failed {
			t.Failed = 1
		}
		if len(r.Diagnostics) > 0 {
			t.Rules = map[string]int{}
			for _, d := range r.Diagnostics {
				t.Rules[d.Rule]++
			}
			for rule, n := range t.Rules {
				emitRule(rule, ruleTally{Findings: n, Articles: 1})
			}
		}
		emitSource(source, t)
	}
	return nil
}

// check checks the lines on fn.Jobs goroutines.
func (fn *checkFn) check(lines []line, o batch.Options) {
	jobs := max(fn.Jobs, 1)
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range min(jobs, len(lines)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				next.Lock()
				k := i
				i++
				next.Unlock()
				if k >= len(lines) {
					return
				}
				l := &lines[k]
				if l.tooLong {
					l.res = batch.TooLong(l.n)
				} else {
					l.res = batch.CheckLine(l.data, l.n, o)
				}
				l.data = nil
			}
		}()
	}
	wg.Wait()
}

// readBlock reads the lines of a block that are not blank, as daqiq
// batch reads them.
func readBlock(ctx context.Context, b block) ([]line, error) {
	rc, err := openRead(ctx, b.Path)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	if sk, ok := rc.(closeBoth).ReadCloser.(io.Seeker); ok {
		_, err = sk.Seek(b.Start, io.SeekStart)
	} else {
		_, err = io.CopyN(io.Discard, rc, b.Start)
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", b.Path, err)
	}
	br := bufio.NewReaderSize(io.LimitReader(rc, b.End-b.Start), 64<<10)
	var lines []line
	for n := b.Line; ; n++ {
		data, tooLong, err := batch.ReadLine(br)
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("reading %s: %w", b.Path, err)
		}
		if tooLong || len(strings.TrimSpace(string(data))) > 0 {
			lines = append(lines, line{n: n, data: data, tooLong: tooLong})
		}
		if err == io.EOF {
			return lines, nil
		}
	}
}

func readAll(ctx context.Context, p string) (string, error) {
	rc, err := openRead(ctx, p)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", p, err)
	}
	return string(b), nil
}

// textFormat is a text file's format by its extension, as daqiq check
// takes it (markup.FormatOf), named as the format field names it.
func textFormat(p string) string {
	switch markup.FormatOf(p) {
	case markup.Markdown:
		return "md"
	case markup.HTML:
		return "html"
	}
	return ""
}

// writeSorted writes a small collection of lines to one file, sorted.
func writeSorted(s beam.Scope, filename string, col beam.PCollection) {
	filesystem.ValidateScheme(filename)
	grouped := beam.GroupByKey(s, beam.AddFixedKey(s, col))
	beam.ParDo0(s, &writeSortedFn{Filename: filename}, grouped)
}

type writeSortedFn struct {
	Filename string
}

func (fn *writeSortedFn) ProcessElement(ctx context.Context, _ int, next func(*string) bool) error {
	var all []string
	var s string
	for next(&s) {
		all = append(all, s)
	}
	sort.Strings(all)
	fs, err := filesystem.New(ctx, fn.Filename)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, fn.Filename)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for _, l := range all {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// writeShardsFn writes the lines of each bundle to a shard of its own,
// Prefix + ID + ".jsonl", ID 16 random hex digits: it streams them, as
// they come, to Prefix + ID + ".jsonl.tmp" and renames that in
// FinishBundle, so that a shard is complete or absent (a bundle that fails
// leaves at most a .tmp file, which the next bundle of the same instance
// removes). A bundle without lines writes nothing. No worker holds more
// than a write buffer of the lines, unlike textio.Write, which gathers
// them all on one.
type writeShardsFn struct {
	Prefix string

	fs   filesystem.Interface
	w    io.WriteCloser
	bw   *bufio.Writer
	name string // the shard being written, without ".tmp"
}

// StartBundle drops what a failed bundle left.
func (fn *writeShardsFn) StartBundle(ctx context.Context) error {
	fn.abort(ctx)
	return nil
}

func (fn *writeShardsFn) ProcessElement(ctx context.Context, l string) error {
	if fn.w == nil {
		if err := fn.open(ctx); err != nil {
			return err
		}
	}
	fn.bw.WriteString(l)
	return fn.bw.WriteByte('\n')
}

func (fn *writeShardsFn) open(ctx context.Context) error {
	var id [8]byte
	rand.Read(id[:])
	name := fn.Prefix + hex.EncodeToString(id[:]) + ".jsonl"
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	w, err := fs.OpenWrite(ctx, name+".tmp")
	if err != nil {
		fs.Close()
		return err
	}
	fn.fs, fn.w, fn.name = fs, w, name
	if fn.bw == nil {
		fn.bw = bufio.NewWriterSize(w, 256<<10)
	} else {
		fn.bw.Reset(w)
	}
	return nil
}

// FinishBundle completes the bundle's shard, if it has one.
func (fn *writeShardsFn) FinishBundle(ctx context.Context) error {
	if fn.w == nil {
		return nil
	}
	if err := fn.bw.Flush(); err != nil {
		fn.abort(ctx)
		return err
	}
	err := fn.w.Close()
	fn.w = nil
	if err == nil {
		err = filesystem.Rename(ctx, fn.fs, fn.name+".tmp", fn.name)
	}
	if err != nil {
		fn.remove(ctx)
	}
	fn.fs.Close()
	fn.fs = nil
	return err
}

// Teardown drops what a failed bundle left, when the runner calls it.
func (fn *writeShardsFn) Teardown(ctx context.Context) error {
	fn.abort(ctx)
	return nil
}

// abort closes and removes a shard left half written.
func (fn *writeShardsFn) abort(ctx context.Context) {
	if fn.w == nil {
		return
	}
	fn.w.Close()
	fn.w = nil
	fn.remove(ctx)
	fn.fs.Close()
	fn.fs = nil
}

func (fn *writeShardsFn) remove(ctx context.Context) {
	if rm, ok := fn.fs.(filesystem.Remover); ok {
		rm.Remove(ctx, fn.name+".tmp")
	}
}
