// Package lsp is daqiq lsp: a Language Server Protocol server over a
// pair of streams (standard input and output), on the engine's one call.
// It publishes each open document's findings as diagnostics (debounced
// after a change, the latest version winning), offers their fixes as
// code actions (one per suggestion, a fix-all of the safe ones, and in
// Markdown and HTML a suppression comment for the line), and shows a
// rule's documentation on hover.
//
// The JSON-RPC framing and the few protocol types it needs are written
// here by hand (jsonrpc.go, protocol.go): nothing is written to the
// output stream but protocol messages; logs go to Options.Log.
package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/markup"
	"github.com/daqiq/daqiq/lint/output"
)

// DefaultDebounce is how long after the last change a document is
// checked.
const DefaultDebounce = 150 * time.Millisecond

// Options configure a server.
type Options struct {
	// Config is a configuration file for every document (--config,
	// DAQIQ_CONFIG); "" finds .daqiq.toml from each document's path.
	Config string
	// Lang is the messages' language unless the client's settings name
	// one (--lang, DAQIQ_LANG); nil: the configuration's lang, else
	// Arabic.
	Lang *i18n.Lang
	// Debounce is the wait after a change (0: DefaultDebounce).
	Debounce time.Duration
	// Log receives the server's log lines (nil: none).
	Log io.Writer
	// Version is the serverInfo version.
	Version string
}

// Server is one LSP session.
type Server struct {
	o   Options
	c   *conn
	log *log.Logger

	mu          sync.Mutex
	docs        map[string]*document
	enc         encoding
	markdown    bool // the client reads Markdown hovers
	watch       bool // the client registers file watchers dynamically
	initialized bool
	shutdown    bool
	set         settings

	engMu   sync.Mutex
	engines map[string]*engineEntry // by configuration path ("": defaults)
}

// settings are the client's: initializationOptions, then
// workspace/didChangeConfiguration.
type settings struct {
	lang      *i18n.Lang
	dateline  time.Time
	rulePages string
	config    string
}

type engineEntry struct {
	once sync.Once
	eng  *engine.Engine
	err  error
}

// document is an open text document.
type document struct {
	uri     string
	path    string // "" for a URI that is not a file
	format  markup.Format
	version int32
	t       text
	gen     uint64 // bumped by every change to the text or the settings
	timer   *time.Timer
	cancel  context.CancelFunc
	res     *checked // the last check, current when res.gen == gen
}

// checked is a document's findings for one text.
type checked struct {
	gen  uint64
	t    text
	eng  *engine.Engine
	lang i18n.Lang
	enc  encoding
	// dateline is the one the client's settings gave (zero: none)
	dateline time.Time
	diags    []lint.Diagnostic
	lsp      []Diagnostic
}

// Serve runs a session over r and w until the client's exit
// notification or the end of r, and returns the process's exit code: 0
// after shutdown then exit, 1 otherwise (as the protocol asks).
func Serve(r io.Reader, w io.Writer, o Options) int {
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	s := &Server{
		o: o, c: &conn{w: w}, log: log.New(o.Log, "daqiq lsp: ", log.Ltime|log.Lmicroseconds),
		docs: map[string]*document{}, engines: map[string]*engineEntry{},
	}
	return s.loop(bufio.NewReaderSize(r, 64<<10))
}

func (s *Server) loop(r *bufio.Reader) int {
	defer s.stopAll()
	for {
		m, err := readMessage(r)
		if err != nil {
			var re *respError
			if errors.As(err, &re) {
				s.log.Printf("bad message: %v", err)
				s.c.reply(nil, nil, re)
				continue
			}
			if err != io.EOF {
				s.log.Printf("reading: %v", err)
			} else {
				s.log.Printf("the client closed the input without exit")
			}
			return 1
		}
		if m.Method == "" {
			continue // the client's answer to a request of ours
		}
		if m.Method == "exit" {
			s.mu.Lock()
			down := s.shutdown
			s.mu.Unlock()
			if down {
				return 0
			}
			return 1
		}
		result, rerr := s.handle(m)
		if m.ID != nil {
			if err := s.c.reply(m.ID, result, rerr); err != nil {
				s.log.Printf("writing: %v", err)
				return 1
			}
		} else if rerr != nil {
			s.log.Printf("%s: %v", m.Method, rerr)
		}
	}
}

// handle answers one request or notification.
func (s *Server) handle(m *message) (any, *respError) {
	s.mu.Lock()
	initialized, down := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case m.Method == "initialize":
		if initialized {
			return nil, &respError{codeInvalidRequest, "initialize sent twice"}
		}
		return s.initialize(m.Params)
	case !initialized:
		return nil, &respError{codeNotInitialized, "the server is not initialized"}
	case down:
		return nil, &respError{codeInvalidRequest, "the server is shut down"}
	}
	unmarshal := func(v any) *respError {
		if err := json.Unmarshal(m.Params, v); err != nil {
			return &respError{codeInvalidParams, err.Error()}
		}
		return nil
	}
	switch m.Method {
	case "initialized":
		s.registerWatchers()
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.stopAll()
		return nil, nil
	case "textDocument/didOpen":
		var p didOpenParams
		if err := unmarshal(&p); err != nil {
			return nil, err
		}
		s.open(p.TextDocument)
	case "textDocument/didChange":
		var p didChangeParams
		if err := unmarshal(&p); err != nil {
			return nil, err
		}
		return nil, s.change(p)
	case "textDocument/didClose":
		var p didCloseParams
		if err := unmarshal(&p); err != nil {
			return nil, err
		}
		s.close(p.TextDocument.URI)
	case "textDocument/codeAction":
		var p codeActionParams
		if err := unmarshal(&p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	case "textDocument/hover":
		var p hoverParams
		if err := unmarshal(&p); err != nil {
			return nil, err
		}
		return s.hover(p), nil
	case "workspace/didChangeConfiguration":
		var p didChangeConfigurationParams
		if err := unmarshal(&p); err != nil {
			return nil, err
		}
		s.configure(p.Settings)
		s.recheckAll(true)
	case "workspace/didChangeWatchedFiles":
		var p didChangeWatchedFilesParams
		if err := unmarshal(&p); err != nil {
			return nil, err
		}
		s.configChanged(p.Changes)
	default:
		if m.ID != nil {
			return nil, &respError{codeMethodNotFound, "method not supported: " + m.Method}
		}
	}
	return nil, nil
}

func (s *Server) initialize(raw json.RawMessage) (any, *respError) {
	var p initializeParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, &respError{codeInvalidParams, err.Error()}
	}
	s.mu.Lock()
	s.initialized = true
	s.enc = chooseEncoding(p.Capabilities.General.PositionEncodings)
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	for _, f := range p.Capabilities.TextDocument.Hover.ContentFormat {
		if f == "markdown" {
			s.markdown = true
		}
	}
	s.mu.Unlock()
	s.configure(p.InitializationOptions)
	s.log.Printf("initialized: position encoding %s", s.enc)
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": s.enc.String(),
			"textDocumentSync": map[string]any{"openClose": true, "change": 2},
			"codeActionProvider": map[string]any{
				"codeActionKinds": []string{KindQuickFix, KindFixAll},
			},
			"hoverProvider": true,
		},
		"serverInfo": map[string]any{"name": "daqiq", "version": s.o.Version},
	}, nil
}

// registerWatchers asks the client to report changes to configuration
// files, when it can register watchers.
func (s *Server) registerWatchers() {
	s.mu.Lock()
	watch := s.watch
	s.mu.Unlock()
	if !watch {
		return
	}
	s.c.request("client/registerCapability", map[string]any{
		"registrations": []any{map[string]any{
			"id": "daqiq-config", "method": "workspace/didChangeWatchedFiles",
			"registerOptions": map[string]any{
				"watchers": []any{map[string]any{"globPattern": "**/" + config.FileName}},
			},
		}},
	})
}

// configure reads the client's settings: an object with lang, dateline,
// rulePages and config, or one holding it under "daqiq". A bad value is
// shown to the user and left as it was.
func (s *Server) configure(raw json.RawMessage) {
	if len(raw) == 0 || string(raw) == "null" {
		return
	}
	var outer map[string]json.RawMessage
	if json.Unmarshal(raw, &outer) == nil {
		if inner, ok := outer["daqiq"]; ok {
			raw = inner
		}
	}
	var st Settings
	if err := json.Unmarshal(raw, &st); err != nil {
		s.log.Printf("settings: %v", err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	lang := s.langLocked(nil)
	if st.Lang != nil {
		if *st.Lang == "" {
			s.set.lang = nil
		} else if l, err := i18n.Parse(*st.Lang); err != nil {
			s.showMessage(1, i18n.Text(lang, "api.bad-lang", *st.Lang))
		} else {
			s.set.lang = &l
		}
	}
	if st.Dateline != nil {
		if *st.Dateline == "" {
			s.set.dateline = time.Time{}
		} else if d, err := time.Parse("2006-01-02", *st.Dateline); err != nil {
			s.showMessage(1, i18n.Text(lang, "api.bad-dateline", *st.Dateline))
		} else {
			s.set.dateline = d
		}
	}
	if st.RulePages != nil {
		s.set.rulePages = *st.RulePages
		if s.set.rulePages != "" && !strings.HasSuffix(s.set.rulePages, "/") {
			s.set.rulePages += "/"
		}
	}
	if st.Config != nil && *st.Config != s.set.config {
		s.set.config = *st.Config
		s.dropEngines()
	}
}

// langLocked is the messages' language: the client's setting, else
// --lang, else the configuration's, else Arabic.
func (s *Server) langLocked(cfg *config.Config) i18n.Lang {
	if s.set.lang != nil {
		return *s.set.lang
	}
	if s.o.Lang != nil {
		return *s.o.Lang
	}
	if cfg != nil && cfg.Lang != "" {
		if l, err := i18n.Parse(cfg.Lang); err == nil {
			return l
		}
	}
	return i18n.Ar
}

// showMessage sends window/showMessage (1 error, 2 warning, 3 info).
func (s *Server) showMessage(typ int, msg string) {
	s.log.Print(msg)
	s.c.notify("window/showMessage", map[string]any{"type": typ, "message": msg})
}

// engineFor is the engine for a document's path: the configuration
// found from it as the command line finds it, read once until it
// changes. A configuration that does not load is shown to the user and
// the built-in defaults are used.
func (s *Server) engineFor(path, explicit string) *engine.Engine {
	if explicit == "" {
		explicit = s.o.Config
	}
	from := path
	if from == "" {
		from = "."
	}
	cfgPath := config.Find(explicit, from)
	s.engMu.Lock()
	e := s.engines[cfgPath]
	if e == nil {
		e = &engineEntry{}
		s.engines[cfgPath] = e
	}
	s.engMu.Unlock()
	e.once.Do(func() {
		var cfg *config.Config
		if cfgPath != "" {
			cfg, e.err = config.Load(cfgPath)
		}
		if e.err == nil {
			e.eng, e.err = engine.New(cfg)
		}
		if e.err != nil {
			s.mu.Lock()
			lang := s.langLocked(nil)
			s.mu.Unlock()
			s.showMessage(1, i18n.Text(lang, "lsp.config-error", e.err.Error()))
			e.eng = engine.Default()
		} else if cfgPath != "" {
			s.log.Printf("configuration %s", cfgPath)
		}
	})
	return e.eng
}

func (s *Server) dropEngines() {
	s.engMu.Lock()
	s.engines = map[string]*engineEntry{}
	s.engMu.Unlock()
}

// configChanged forgets the engines when a configuration file changed
// and checks every open document again.
func (s *Server) configChanged(changes []fileEvent) {
	for _, c := range changes {
		if strings.HasSuffix(c.URI, "/"+config.FileName) || strings.HasSuffix(c.URI, "/"+url.PathEscape(config.FileName)) {
			s.log.Printf("configuration changed: %s", c.URI)
			s.dropEngines()
			s.recheckAll(false)
			return
		}
	}
}

// formatOf reads a document as its languageId says, else by its
// extension.
func formatOf(languageID string) markup.Format {
	switch strings.ToLower(languageID) {
	case "markdown":
		return markup.Markdown
	case "html":
		return markup.HTML
	case "plaintext", "text":
		return markup.Plain
	}
	return markup.Auto
}

// pathOf is the file path of a file: URI, else "".
func pathOf(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	return filepath.FromSlash(u.Path)
}

func (s *Server) open(item textDocumentItem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if old := s.docs[item.URI]; old != nil {
		old.stop()
	}
	d := &document{
		uri: item.URI, path: pathOf(item.URI), format: formatOf(item.LanguageID),
		version: item.Version, t: newText([]byte(item.Text)),
	}
	s.docs[item.URI] = d
	s.scheduleLocked(d, 0)
}

func (s *Server) change(p didChangeParams) *respError {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return &respError{codeInvalidParams, "document not open: " + p.TextDocument.URI}
	}
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			d.t = newText([]byte(c.Text))
			continue
		}
		a, b := d.t.offset(c.Range.Start, s.enc), d.t.offset(c.Range.End, s.enc)
		if b < a {
			a, b = b, a
		}
		// a new array: a check in flight reads the old one
		src := make([]byte, 0, len(d.t.src)-(b-a)+len(c.Text))
		src = append(append(append(src, d.t.src[:a]...), c.Text...), d.t.src[b:]...)
		d.t = newText(src)
	}
	d.version = p.TextDocument.Version
	s.scheduleLocked(d, s.o.Debounce)
	return nil
}

func (s *Server) close(uri string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return
	}
	d.stop()
	delete(s.docs, uri)
	s.c.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
}

func (d *document) stop() {
	d.gen++
	if d.timer != nil {
		d.timer.Stop()
	}
	if d.cancel != nil {
		d.cancel()
		d.cancel = nil
	}
}

func (s *Server) stopAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		d.stop()
	}
}

// recheckAll checks every open document again (after new settings or a
// changed configuration file), at once or after the debounce.
func (s *Server) recheckAll(debounce bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	wait := time.Duration(0)
	if debounce {
		wait = s.o.Debounce
	}
	for _, d := range s.docs {
		s.scheduleLocked(d, wait)
	}
}

// scheduleLocked checks d after wait, unless it changes before: a newer
// change cancels the wait and any check still running for an older text.
func (s *Server) scheduleLocked(d *document, wait time.Duration) {
	d.stop()
	gen := d.gen
	d.timer = time.AfterFunc(wait, func() { s.run(d, gen) })
}

// run checks d if it is still at generation gen and publishes the
// findings, unless the document changed while it ran.
func (s *Server) run(d *document, gen uint64) {
	s.mu.Lock()
	if d.gen != gen || s.docs[d.uri] != d || s.shutdown {
		s.mu.Unlock()
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	job := s.jobLocked(d)
	s.mu.Unlock()
	defer cancel()

	res := s.check(ctx, job)

	s.mu.Lock()
	defer s.mu.Unlock()
	if res == nil || d.gen != gen || s.docs[d.uri] != d || s.shutdown {
		return
	}
	d.res = res
	s.publishLocked(d)
}

// job is what one check needs, taken under the lock.
type job struct {
	gen      uint64
	path     string
	format   markup.Format
	t        text
	enc      encoding
	set      settings
	explicit string
}

func (s *Server) jobLocked(d *document) job {
	return job{gen: d.gen, path: d.path, format: d.format, t: d.t, enc: s.enc, set: s.set, explicit: s.set.config}
}

// check runs the engine on a job's text; nil when it was cancelled or
// could not check the text (logged).
func (s *Server) check(ctx context.Context, j job) *checked {
	eng := s.engineFor(j.path, j.explicit)
	s.mu.Lock()
	lang := s.langLocked(eng.Config())
	s.mu.Unlock()
	start := time.Now()
	r, err := eng.Check(ctx, engine.Input{
		Path: j.path, Src: j.t.src, Format: j.format, Dateline: j.set.dateline, Lang: lang,
	})
	if err != nil {
		if ctx.Err() == nil {
			s.log.Printf("%s: %v", j.path, err)
		}
		return nil
	}
	res := &checked{gen: j.gen, t: j.t, eng: eng, lang: lang, enc: j.enc, dateline: j.set.dateline, diags: r.Diagnostics}
	res.lsp = make([]Diagnostic, len(r.Diagnostics))
	links := ruleLinks(eng)
	for i, d := range r.Diagnostics {
		res.lsp[i] = Diagnostic{
			Range: j.t.rng(d.Start, d.End, j.enc), Severity: severity(d.Level),
			Code: d.Rule, Source: "daqiq", Message: d.Message,
		}
		if href := ruleHref(j.set.rulePages, d.Rule, lang, links); href != "" {
			res.lsp[i].CodeDescription = &CodeDescription{Href: href}
		}
	}
	s.log.Printf("%s: %d findings in %v", j.path, len(r.Diagnostics), time.Since(start).Round(time.Microsecond))
	return res
}

func (s *Server) publishLocked(d *document) {
	v := d.version
	s.c.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{
		URI: d.uri, Version: &v, Diagnostics: d.res.lsp,
	})
}

// current returns d's findings for its current text, checking it now if
// the last check is older (a code action or hover asked before the
// debounce ran out).
func (s *Server) current(uri string) (*document, *checked) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return nil, nil
	}
	if d.res != nil && d.res.gen == d.gen {
		res := d.res
		s.mu.Unlock()
		return d, res
	}
	j := s.jobLocked(d)
	s.mu.Unlock()
	res := s.check(context.Background(), j)
	if res == nil {
		return d, nil
	}
	s.mu.Lock()
	if d.gen == j.gen {
		d.res = res
	}
	s.mu.Unlock()
	return d, res
}

func severity(l lint.Level) int {
	switch l {
	case lint.Error:
		return SeverityError
	case lint.Warning:
		return SeverityWarning
	}
	return SeverityInformation
}

// ruleLinks are the custom rules' link keys, by rule id.
func ruleLinks(eng *engine.Engine) map[string]string {
	var m map[string]string
	for _, r := range eng.Rules().Rules() {
		if r.Link != "" {
			if m == nil {
				m = map[string]string{}
			}
			m[r.ID] = r.Link
		}
	}
	return m
}

// ruleHref is codeDescription.href: the rule's page under the configured
// base of daqiq serve's rule pages (each segment of the id escaped, the
// language in the query when it is not Arabic), else a custom rule's link,
// else "".
func ruleHref(base, id string, lang i18n.Lang, links map[string]string) string {
	if base == "" {
		return links[id]
	}
	return output.RulePageURL(base, id, lang)
}

func findRule(eng *engine.Engine, id string) *lint.Rule {
	for _, r := range eng.Rules().Rules() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
