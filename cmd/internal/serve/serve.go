// Package serve is daqiq serve: the checker over HTTP, for the web page in
// web/ (embedded) and for LanguageTool clients (package ltapi).
//
//	GET  /                 the web page (the embedded web/ directory)
//	GET  /healthz          "ok"
//	GET  /api/v1/rules     every rule, its level, whether it is on, its documentation
//	GET  /rules/ID         a rule's documentation as `daqiq explain ID` prints it (plain text)
//	POST /api/v1/check     {"text","format","dateline","unsafe","lang","source","source_format"} → {"diagnostics":[...]}
//	POST /api/v1/fix       the same → {"text","diff","fixes","diagnostics"}
//	POST /v2/check         LanguageTool's check (form fields text or data, language, ...)
//	GET  /v2/check         the same, its parameters in the query string
//	GET  /v2/languages     [{"name":"Arabic","code":"ar","longCode":"ar"}]
//
// Diagnostics are those of `daqiq check --format json`, with "safe" added
// (the first fix may be applied without a human looking). The text is
// linted as a file named article.txt, article.md or article.html, so that
// the configuration's overrides apply as they would to such a file; no path
// in a request is ever read or written. Every text is checked by one
// engine.Engine, at most Options.MaxConcurrent at once; a check slot is
// held while the text is checked and its answer encoded, not while the
// answer is written.
//
// Every answer carries a Content-Security-Policy (the page's own files
// only, no inline script or style, no framing) and X-Content-Type-Options:
// nosniff. The JSON API takes application/json bodies only (415
// otherwise), a JSON object with a "text" (400 otherwise; "" is an empty
// article, checked as one), in UTF-8 without lone
// surrogates (400 otherwise: encoding/json would check, and give back, a
// text with U+FFFD where the client sent something else). With
// Options.CheckHost a request whose Host is not localhost, an IP address
// or an allowed name is refused (403): a web page whose name an attacker
// points at 127.0.0.1 (DNS rebinding) cannot use the server.
//
// The server's own messages (the errors of the native API, of the rule
// pages and of the page's files) are in the language of the request
// (langOf): Arabic by default, English for lang=en. The LanguageTool API
// answers its errors in LanguageTool's English, as its clients expect.
package serve

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/daqiq/daqiq/cmd/internal/apijson"
	"github.com/daqiq/daqiq/cmd/internal/ltapi"
	"github.com/daqiq/daqiq/cmd/internal/serve/jsonutf8"
	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/markup"
	"github.com/daqiq/daqiq/lint/output"
)

//go:embed web
var webFiles embed.FS

// DefaultMaxBody is the largest request body the API reads when
// Options.MaxBody is not set.
const DefaultMaxBody = ltapi.DefaultMaxBody

// Options configure New. The zero value works: the built-in rules, 1 MiB
// bodies, twice as many concurrent checks as CPUs, no CORS, any Host.
type Options struct {
	Engine        *engine.Engine // nil: the built-in defaults
	MaxBody       int64          // the largest request body read; 0: DefaultMaxBody
	MaxConcurrent int            // checks run at once, more wait; 0: 2 × runtime.NumCPU()
	CORSOrigins   []string       // origins allowed to call the API from a browser (see CheckOrigin, NormalizeOrigin); "*" any
	Version       string         // reported by /v2/check; "": the module's version, else "dev"
	// CheckHost refuses (403) a request whose Host header names neither
	// localhost, an IP address nor one of AllowedHosts: the defence
	// against DNS rebinding. daqiq serve turns it on, with the host of
	// --addr and those of --allowed-host.
	CheckHost    bool
	AllowedHosts []string // host names, a port ignored; "*": any
}

// Server is the handler of daqiq serve. Nothing in it changes after New;
// it is safe for concurrent use.
type Server struct {
	o      Options
	hosts  map[string]bool // Options.AllowedHosts, normalised
	sem    chan struct{}
	rules  [2][]byte            // the /api/v1/rules response, by language (?lang=)
	pages  [2]map[string][]byte // the /rules/ID pages, by language and rule id
	static http.Handler
	h      http.Handler // everything, behind the CORS layer
}

// formatPaths are the names a text is linted under, by the "format" field.
var formatPaths = map[string]string{"txt": "article.txt", "md": "article.md", "html": "article.html"}

// sourceFormats are the formats of the wire copy, by "source_format".
var sourceFormats = map[string]markup.Format{"txt": markup.Plain, "md": markup.Markdown, "html": markup.HTML}

// New returns the server of a configuration.
func New(o Options) *Server {
	if o.Engine == nil {
		o.Engine = engine.Default()
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 2 * runtime.NumCPU()
	}
	if o.Version == "" {
		o.Version = moduleVersion()
	}
	origins := make([]string, 0, len(o.CORSOrigins))
	for _, or := range o.CORSOrigins {
		if n, err := NormalizeOrigin(or); err == nil {
			or = n
		}
		origins = append(origins, or)
	}
	o.CORSOrigins = origins
	s := &Server{
		o:     o,
		hosts: map[string]bool{},
		sem:   make(chan struct{}, o.MaxConcurrent),
	}
	for _, h := range o.AllowedHosts {
		s.hosts[normalHost(h)] = true
	}
	on := map[string]bool{}
	for _, a := range o.Engine.Rules().For(formatPaths["txt"]) {
		on[a.ID] = true
	}
	type ruleDoc struct {
		What  string `json:"what"`
		Why   string `json:"why"`
		Wrong string `json:"wrong"`
		Right string `json:"right"`
		Fix   string `json:"fix"`
	}
	type ruleInfo struct {
		ID       string  `json:"id"`
		Kind     string  `json:"kind"`
		Category string  `json:"category"`
		Level    string  `json:"level"`
		Enabled  bool    `json:"enabled"`
		Summary  string  `json:"summary"`
		Doc      ruleDoc `json:"doc"`
	}
	for _, lang := range i18n.Langs {
		infos := []ruleInfo{}
		for _, a := range o.Engine.Rules().All(formatPaths["txt"]) {
			r := a.Rule
			sum, doc := r.Localized(lang)
			infos = append(infos, ruleInfo{
				ID: r.ID, Kind: r.Kind.String(), Category: r.Category, Level: a.Level.String(), Enabled: on[r.ID],
				Summary: sum,
				Doc:     ruleDoc{What: doc.What, Why: doc.Why, Wrong: doc.Wrong, Right: doc.Right, Fix: doc.Fix},
			})
		}
		s.rules[lang] = apijson.Encode(struct {
			Rules []ruleInfo `json:"rules"`
		}{infos})
		s.pages[lang] = map[string][]byte{}
		for _, r := range o.Engine.Rules().Rules() {
			var b bytes.Buffer
			output.WriteExplain(&b, r, lang)
			s.pages[lang][r.ID] = b.Bytes()
		}
	}
	web, err := fs.Sub(webFiles, "web")
	if err != nil {
		panic(err)
	}
	files := http.FileServerFS(web)
	s.static = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// a path that is no file of the page is answered in the
		// reader's language, not with the file server's English
		name := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), "/")
		if name == "" {
			name = "."
		}
		if _, err := fs.Stat(web, name); err != nil {
			http.Error(w, message(queryLang(r), "not-found", quoted(r.URL.Path)), http.StatusNotFound)
			return
		}
		files.ServeHTTP(w, r)
	})

	mux := http.NewServeMux()
	// Methods are checked by allow, not by the patterns: "GET /" would
	// otherwise take a GET of /api/v1/check and answer 404, not 405.
	mux.Handle("/", allow(s.static, queryLang, http.MethodGet, http.MethodHead))
	mux.Handle("/healthz", allow(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok")
	}), queryLang, http.MethodGet, http.MethodHead))
	mux.Handle("/api/v1/rules", allow(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query().Get("lang")
		lang, err := i18n.Parse(q)
		if err != nil {
			apiError(w, i18n.Ar)(http.StatusBadRequest, "bad-lang", quoted(q))
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(s.rules[lang])
	}), queryLang, http.MethodGet, http.MethodHead))
	mux.Handle(rulePages, allow(http.HandlerFunc(s.handleRulePage), queryLang, http.MethodGet, http.MethodHead))
	mux.Handle("/api/v1/check", allow(jsonOnly(http.HandlerFunc(s.handleCheck)), queryLang, http.MethodPost))
	mux.Handle("/api/v1/fix", allow(jsonOnly(http.HandlerFunc(s.handleFix)), queryLang, http.MethodPost))
	lt := ltapi.New(ltapi.Options{Engine: o.Engine, Version: o.Version, MaxBody: o.MaxBody, Acquire: s.acquire, Release: s.release, RulePages: rulePages})
	// LanguageTool takes GET with the parameters in the query string too
	mux.Handle("/v2/check", allow(http.HandlerFunc(lt.Check), ltLang, http.MethodGet, http.MethodPost))
	mux.Handle("/v2/languages", allow(http.HandlerFunc(lt.Languages), ltLang, http.MethodGet, http.MethodHead))
	s.h = secure(s.checkHost(s.cors(mux)))
	return s
}

// rulePages is where a rule's page is served, at rulePages + its id
// (/rules/spelling/misspelling); the LanguageTool API links its matches
// to them (rule.urls).
const rulePages = "/rules/"

// handleRulePage answers GET /rules/ID with the rule's documentation as
// `daqiq explain ID` prints it, or 404.
func (s *Server) handleRulePage(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, rulePages)
	q := r.URL.Query().Get("lang")
	lang, err := i18n.Parse(q)
	if err != nil {
		http.Error(w, message(i18n.Ar, "bad-lang", quoted(q)), http.StatusBadRequest)
		return
	}
	page, ok := s.pages[lang][id]
	if !ok {
		http.Error(w, message(lang, "no-rule", quoted(id)), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(page)
}

// contentSecurityPolicy lets the page load its own files only: no inline
// script or style, no plugins, no <base>, and no page may frame it.
const contentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// secure sets the headers every answer carries.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Frame-Options", "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// normalHost is a Host header or an allowed host as compared: lower case,
// without port, brackets or a final dot.
func normalHost(h string) string {
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	return strings.TrimSuffix(strings.ToLower(h), ".")
}

// hostAllowed reports whether a request's Host passes Options.CheckHost:
// localhost, an IP address (a page can reach the server by its address
// only from its own origin, which DNS rebinding cannot give it), an empty
// Host (no browser sends one), or a name in AllowedHosts.
func (s *Server) hostAllowed(host string) bool {
	if !s.o.CheckHost || s.hosts["*"] {
		return true
	}
	h := normalHost(host)
	return h == "" || h == "localhost" || net.ParseIP(h) != nil || s.hosts[h]
}

// checkHost answers 403 to a request for a host name not allowed.
func (s *Server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hostAllowed(r.Host) {
			lang := queryLang(r)
			if strings.HasPrefix(r.URL.Path, "/v2/") {
				lang = i18n.En
			}
			http.Error(w, message(lang, "host", quoted(r.Host)), http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// jsonOnly answers 415 to a body that is not application/json (a charset,
// if given, must be UTF-8): a web page on another origin cannot send that
// without asking first (CORS preflight), as it can a form or text/plain.
func jsonOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ct := r.Header.Get("Content-Type")
		mt, params, err := mime.ParseMediaType(ct)
		cs := strings.ToLower(params["charset"])
		if err != nil || mt != "application/json" || cs != "" && cs != "utf-8" && cs != "utf8" {
			apiError(w, queryLang(r))(http.StatusUnsupportedMediaType, "content-type", quoted(ct))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ServeHTTP answers every request of daqiq serve.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.h.ServeHTTP(w, r) }

// moduleVersion is the version of the main module, as go install records
// it, or "dev".
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// ListenAndRun listens on addr, calls listening with the URL the server is
// reached at (an unspecified host as localhost), then serves h as Run does
// until ctx is done.
func ListenAndRun(ctx context.Context, addr string, h http.Handler, listening func(url string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	listening(listenURL(ln.Addr()))
	return Run(ctx, ln, h)
}

// Run serves h on ln until ctx is done, then shuts down gracefully:
// requests in flight get up to 10 seconds to finish.
func Run(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// listenURL is the URL to print for a listening address: an unspecified
// host (":8080", "0.0.0.0") is reached as localhost.
func listenURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// CheckOrigin accepts what Options.CORSOrigins may hold: "*" or
// scheme://host[:port], with or without a final slash.
func CheckOrigin(o string) error {
	_, err := NormalizeOrigin(o)
	return err
}

// NormalizeOrigin is an origin as a browser sends it in the Origin
// header: "https://cms.example/" and "HTTPS://CMS.example:443" are
// "https://cms.example". "*" stays "*".
func NormalizeOrigin(o string) (string, error) {
	if o == "*" {
		return o, nil
	}
	u, err := url.Parse(o)
	if err != nil {
		return "", err
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Path != "" && u.Path != "/" ||
		u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || u.User != nil || u.Opaque != "" {
		return "", errors.New("want * or scheme://host[:port], as a browser sends it in Origin")
	}
	host := strings.ToLower(u.Host)
	if p := u.Port(); u.Scheme == "http" && p == "80" || u.Scheme == "https" && p == "443" {
		host = strings.ToLower(u.Hostname())
		if strings.Contains(host, ":") {
			host = "[" + host + "]"
		}
	}
	return u.Scheme + "://" + host, nil
}

// allow answers 405 with an Allow header to any other method, in the
// language lang reads from the request.
func allow(h http.Handler, lang func(*http.Request) i18n.Lang, methods ...string) http.Handler {
	list := strings.Join(methods, ", ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, m := range methods {
			if r.Method == m {
				h.ServeHTTP(w, r)
				return
			}
		}
		w.Header().Set("Allow", list)
		http.Error(w, message(lang(r), "method"), http.StatusMethodNotAllowed)
	})
}

// cors adds the CORS headers for the configured origins, and answers their
// preflight requests. With no origin configured it adds nothing.
func (s *Server) cors(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if len(s.o.CORSOrigins) == 0 {
			next.ServeHTTP(w, r)
			return
		}
		h.Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		allowed := ""
		for _, o := range s.o.CORSOrigins {
			if o == "*" {
				allowed = "*"
				break
			}
			if origin != "" && strings.EqualFold(o, origin) {
				allowed = origin
				break
			}
		}
		if allowed == "" || origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		h.Set("Access-Control-Allow-Origin", allowed)
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Add("Vary", "Access-Control-Request-Method")
			h.Add("Vary", "Access-Control-Request-Headers")
			h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Content-Type")
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// readBody reads at most maxBody bytes of the request body. On an error
// (413 for a body over the limit, 400 otherwise) it returns what it read,
// for langOf to look for the language of the answer in, and the error,
// which the caller answers.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, *apiErr) {
	tooLarge := &apiErr{http.StatusRequestEntityTooLarge, "too-large", []any{s.o.MaxBody}}
	if r.ContentLength > s.o.MaxBody {
		// the head of the body, which may say "lang"
		head, _ := io.ReadAll(io.LimitReader(r.Body, peekBody))
		return head, tooLarge
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxBody)
	data, err := io.ReadAll(r.Body)
	if err != nil {
		if apijson.TooLarge(err) {
			return data, tooLarge
		}
		return data, &apiErr{http.StatusBadRequest, "read-body", []any{err}}
	}
	return data, nil
}

// peekBody is how much of a body declared over the limit is read, for its
// "lang".
const peekBody = 4 << 10

// acquire takes a check slot, waiting while every slot is taken; false if
// the request was cancelled first (the client went away).
func (s *Server) acquire(ctx context.Context) bool {
	select {
	case s.sem <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

func (s *Server) release() { <-s.sem }

// checkRequest is the body of /api/v1/check and /api/v1/fix.
type checkRequest struct {
	Text     string `json:"text"`
	Format   string `json:"format"`   // txt (default), md, html
	Dateline string `json:"dateline"` // YYYY-MM-DD: the date rules' dateline, as check --date
	Unsafe   bool   `json:"unsafe"`   // fix: apply unsafe fixes too
	Lang     string `json:"lang"`     // ar (default) or en: the language of the messages; "": ?lang= in the query
	// Source is the text (never a path) of the wire copy the article was
	// rewritten from, which the source rules compare it with; "" or
	// absent: none. SourceFormat says how it is read: txt (default), md,
	// html.
	Source       string `json:"source"`
	SourceFormat string `json:"source_format"`
}

// apiDiagnostic is a diagnostic of `daqiq check --format json`, with
// whether its first fix is safe ("safe") and each suggestion's safety
// ("fixes").
type apiDiagnostic = output.JSONDiagnostic

// apiErr is an error of the native API: its status code, and its message
// as a key of the catalogue's api. messages with the arguments.
type apiErr struct {
	code int
	key  string
	args []any
}

// apiError returns the function that answers an error of the native API
// in lang: {"error": message} with the status code.
func apiError(w http.ResponseWriter, lang i18n.Lang) func(code int, key string, args ...any) {
	return func(code int, key string, args ...any) {
		apijson.Write(w, code, map[string]string{"error": message(lang, key, args...)})
	}
}

// quoted is an argument of a message that is quoted as its language
// quotes: "docx" in English (as Go's %q), «docx» in Arabic.
type quoted string

// message is the catalogue's api.key in lang, with args.
func message(lang i18n.Lang, key string, args ...any) string {
	args = append([]any(nil), args...)
	for i, a := range args {
		if q, ok := a.(quoted); ok {
			s := strconv.Quote(string(q))
			if lang == i18n.Ar {
				s = "«" + s[1:len(s)-1] + "»"
			}
			args[i] = s
		}
	}
	return i18n.Text(lang, "api."+key, args...)
}

// queryLang is the language of the server's messages for a request
// whose lang is in the query string (?lang=en): Arabic unless it says
// English.
func queryLang(r *http.Request) i18n.Lang {
	lang, err := i18n.Parse(r.URL.Query().Get("lang"))
	if err != nil {
		return i18n.Ar
	}
	return lang
}

// ltLang is the language of the server's messages for the LanguageTool
// API: LanguageTool's English.
func ltLang(*http.Request) i18n.Lang { return i18n.En }

// langOf is the language of the answer to an error of a JSON request
// whose body is data (what was read of it): its "lang", found by a
// tolerant look at the body (bodyLang), which may be broken JSON, else
// the query string's (queryLang); Arabic when neither says a language.
func langOf(r *http.Request, data []byte) i18n.Lang {
	if l, ok := bodyLang(data); ok && l != "" {
		if lang, err := i18n.Parse(l); err == nil {
			return lang
		}
	}
	return queryLang(r)
}

// bodyLang finds the string value of the "lang" key (in any case, as
// encoding/json matches it; the last if given twice) of a JSON object,
// reading its members in order up to the first error: a body cut short,
// or broken after "lang", still says its language.
func bodyLang(data []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", false
	}
	lang, found := "", false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		key, ok := tok.(string)
		if !ok {
			break // the end of the object
		}
		if strings.EqualFold(key, "lang") {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			switch v := tok.(type) {
			case string:
				lang, found = v, true
				continue
			case json.Delim:
				return lang, found // an object or array: give up here
			}
			continue
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return lang, found
}

// decodeCheck reads and checks the request body. Its errors are
// answered in the language of the request (langOf).
func (s *Server) decodeCheck(w http.ResponseWriter, r *http.Request) (checkRequest, bool) {
	var req checkRequest
	data, e := s.readBody(w, r)
	fail := func(code int, key string, args ...any) {
		apiError(w, langOf(r, data))(code, key, args...)
	}
	if e != nil {
		fail(e.code, e.key, e.args...)
		return req, false
	}
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		fail(http.StatusBadRequest, "not-object", kindOf(langOf(r, data), t))
		return req, false
	}
	if err := jsonutf8.Check(data); err != nil {
		fail(http.StatusBadRequest, "bad-utf8", err)
		return req, false
	}
	if err := json.Unmarshal(data, &req); err != nil {
		fail(http.StatusBadRequest, "bad-json", err)
		return req, false
	}
	// a body without "text" (a misspelt field, {"txt": ...}) would be
	// checked as an empty article and answered with no findings; "" sent
	// as the text is an empty article, checked as one
	var has struct {
		Text *string `json:"text"`
	}
	if json.Unmarshal(data, &has); has.Text == nil {
		fail(http.StatusBadRequest, "missing-text")
		return req, false
	}
	if req.Format == "" {
		req.Format = "txt"
	}
	if _, ok := formatPaths[req.Format]; !ok {
		fail(http.StatusBadRequest, "bad-format", quoted(req.Format))
		return req, false
	}
	if req.SourceFormat == "" {
		req.SourceFormat = "txt"
	}
	if _, ok := sourceFormats[req.SourceFormat]; !ok {
		fail(http.StatusBadRequest, "bad-source-format", quoted(req.SourceFormat))
		return req, false
	}
	if req.Lang == "" {
		req.Lang = r.URL.Query().Get("lang") // ?lang=en, for the body's "lang"
	}
	if _, err := i18n.Parse(req.Lang); err != nil {
		fail(http.StatusBadRequest, "bad-lang", quoted(req.Lang))
		return req, false
	}
	if req.Dateline != "" {
		if _, err := time.Parse("2006-01-02", req.Dateline); err != nil {
			fail(http.StatusBadRequest, "bad-dateline", quoted(req.Dateline))
			return req, false
		}
	}
	return req, true
}

// kindOf names, in lang, what a JSON text starts with, for an error.
func kindOf(lang i18n.Lang, t []byte) string { return message(lang, "kind."+jsonKind(t)) }

// jsonKind names what a JSON text starts with: the key of its name in
// the catalogue (api.kind.KIND).
func jsonKind(t []byte) string {
	switch {
	case len(t) == 0:
		return "empty"
	case t[0] == '[':
		return "array"
	case t[0] == '"':
		return "string"
	case bytes.HasPrefix(t, []byte("null")):
		return "null"
	case bytes.HasPrefix(t, []byte("true")) || bytes.HasPrefix(t, []byte("false")):
		return "boolean"
	case t[0] == '-' || '0' <= t[0] && t[0] <= '9':
		return "number"
	}
	return "json"
}

// input is a request's text as the engine takes it: the request's
// dateline, else the front matter date, is the date rules' dateline.
func (req checkRequest) input() engine.Input {
	in := engine.Input{Path: formatPaths[req.Format], Src: []byte(req.Text)}
	in.Dateline, _ = time.Parse("2006-01-02", req.Dateline) // checked by decodeCheck
	in.Lang, _ = i18n.Parse(req.Lang)
	if req.Source != "" {
		// named "source" in the findings: "the wire (source:3) says …"
		in.Source, in.SourceName, in.SourceFormat = []byte(req.Source), "source", sourceFormats[req.SourceFormat]
	}
	return in
}

// toAPI is the diagnostics of a check as the API gives them, or ctx's
// error when it ended meanwhile (the client went away).
func toAPI(ctx context.Context, f lint.File) ([]apiDiagnostic, error) {
	js := output.ToJSON(f)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return js, nil
}

// run decodes a check or fix request, waits for a check slot and calls
// check under it: the check and the encoding of its answer, not the
// writing of it, which happens once the slot is free again, so that a
// client that does not read its answer keeps no one else waiting.
func (s *Server) run(w http.ResponseWriter, r *http.Request, check func(context.Context, checkRequest) (any, error)) {
	req, ok := s.decodeCheck(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	lang, _ := i18n.Parse(req.Lang) // checked by decodeCheck
	fail := apiError(w, lang)
	if !s.acquire(ctx) {
		fail(http.StatusServiceUnavailable, "waiting-cancelled")
		return
	}
	body, err := func() ([]byte, error) {
		defer s.release()
		v, err := check(ctx, req)
		if err == nil {
			err = ctx.Err() // given up while the engine ran: no answer to encode
		}
		if err != nil {
			return nil, err
		}
		return apijson.Encode(v), nil
	}()
	switch {
	case err != nil && ctx.Err() != nil:
		fail(http.StatusServiceUnavailable, "cancelled", err)
	case err != nil:
		fail(http.StatusBadRequest, "check-failed", err)
	default:
		apijson.WriteBody(w, http.StatusOK, body)
	}
}

func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	s.run(w, r, func(ctx context.Context, req checkRequest) (any, error) {
		res, err := s.o.Engine.Check(ctx, req.input())
		if err != nil {
			return nil, err
		}
		ds, err := toAPI(ctx, res.File())
		if err != nil {
			return nil, err
		}
		return struct {
			Diagnostics []apiDiagnostic `json:"diagnostics"`
		}{ds}, nil
	})
}

func (s *Server) handleFix(w http.ResponseWriter, r *http.Request) {
	s.run(w, r, func(ctx context.Context, req checkRequest) (any, error) {
		in := req.input()
		in.Fix = engine.SafeFixes
		if req.Unsafe {
			in.Fix = engine.UnsafeFixes
		}
		res, err := s.o.Engine.Check(ctx, in)
		if err != nil {
			return nil, err
		}
		var diff bytes.Buffer
		if res.Applied > 0 && !bytes.Equal(res.Fixed, in.Src) {
			output.UnifiedDiff(&diff, formatPaths[req.Format], in.Src, res.Fixed)
		}
		ds, err := toAPI(ctx, res.File())
		if err != nil {
			return nil, err
		}
		return struct {
			Text        string          `json:"text"`
			Diff        string          `json:"diff"`
			Fixes       int             `json:"fixes"`
			Diagnostics []apiDiagnostic `json:"diagnostics"`
		}{string(res.Fixed), diff.String(), res.Applied, ds}, nil
	})
}
