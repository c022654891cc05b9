package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/daqiq/daqiq/cmd/internal/httptesting"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/output"
	"github.com/daqiq/daqiq/rules"
)

func testServer(t *testing.T, o Options) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(New(o))
	t.Cleanup(ts.Close)
	return ts
}

func postJSON(t *testing.T, u string, v any) (*http.Response, []byte) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, u, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	return do(t, req)
}

type apiCheckResponse struct {
	Diagnostics []apiDiagnostic `json:"diagnostics"`
}

type apiFixResponse struct {
	Text        string          `json:"text"`
	Diff        string          `json:"diff"`
	Fixes       int             `json:"fixes"`
	Diagnostics []apiDiagnostic `json:"diagnostics"`
}

func TestServeHealthzAndStatic(t *testing.T) {
	ts := testServer(t, Options{})
	res, body := get(t, ts.URL+"/healthz")
	wantStatus(t, res, body, 200)
	if string(body) != "ok" {
		t.Errorf("healthz: %q", body)
	}
	res, body = get(t, ts.URL+"/")
	wantStatus(t, res, body, 200)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("/: Content-Type %q", ct)
	}
	if !bytes.Contains(bytes.ToLower(body), []byte("<html")) && !bytes.Contains(bytes.ToLower(body), []byte("<!doctype")) {
		t.Errorf("/ is not the page: %.200s", body)
	}
	res, body = get(t, ts.URL+"/no-such-file.js")
	wantStatus(t, res, body, 404)
	// no path in a request reaches the file system
	for _, p := range []string{"/../serve.go", "/..%2fserve.go", "/%2e%2e/serve_test.go", "/web/../../../../go.mod", "/../../../daqiq/main.go"} {
		res, body = get(t, ts.URL+p)
		if res.StatusCode == 200 && (bytes.Contains(body, []byte("package ")) || bytes.Contains(body, []byte("module "))) {
			t.Errorf("%s served a source file", p)
		}
	}
}

func TestServeRules(t *testing.T) {
	ts := testServer(t, Options{})
	res, body := get(t, ts.URL+"/api/v1/rules")
	wantStatus(t, res, body, 200)
	var got struct {
		Rules []map[string]any `json:"rules"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	set, _ := rules.Load(nil)
	if len(got.Rules) != len(set.Rules()) {
		t.Fatalf("%d rules, want %d", len(got.Rules), len(set.Rules()))
	}
	var ms map[string]any
	for _, r := range got.Rules {
		if r["id"] == "spelling/misspelling" {
			ms = r
		}
	}
	if ms == nil {
		t.Fatal("no spelling/misspelling")
	}
	if ms["kind"] != "substitution" || ms["category"] != "spelling" || ms["level"] != "error" || ms["enabled"] != true || ms["summary"] == "" {
		t.Errorf("spelling/misspelling: %v", ms)
	}
	doc, _ := ms["doc"].(map[string]any)
	for _, k := range []string{"what", "why", "wrong", "right", "fix"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("doc has no %q: %v", k, doc)
		}
	}
	if doc["what"] == "" || doc["wrong"] == "" {
		t.Errorf("empty doc: %v", doc)
	}
}

// the diagnostics of the API are those of check --format json, with safe
func TestServeCheck(t *testing.T) {
	ts := testServer(t, Options{})
	text := "😀 هاذا خبر"
	res, body := postJSON(t, ts.URL+"/api/v1/check", map[string]any{"text": text})
	wantStatus(t, res, body, 200)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	var raw struct {
		Diagnostics []map[string]any `json:"diagnostics"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatal(err)
	}
	if len(raw.Diagnostics) != 1 {
		t.Fatalf("want 1 diagnostic: %s", body)
	}
	var keys []string
	for k := range raw.Diagnostics[0] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := "column end_column end_line end_offset fixes line message offset path rule safe severity suggestions text"
	if strings.Join(keys, " ") != want {
		t.Errorf("keys %v\nwant %s", keys, want)
	}
	var got apiCheckResponse
	json.Unmarshal(body, &got)
	d := got.Diagnostics[0]
	if d.Path != "article.txt" || d.Rule != "spelling/misspelling" || d.Severity != "error" ||
		d.Line != 1 || d.Column != 3 || d.EndColumn != 7 || d.Offset != 5 || d.EndOffset != 13 ||
		text[d.Offset:d.EndOffset] != "هاذا" || d.Text != "هاذا" || !d.Safe ||
		len(d.Suggestions) != 1 || d.Suggestions[0] != "هذا" {
		t.Errorf("diagnostic %+v", d)
	}

	// clean text: an empty list, not null
	res, body = postJSON(t, ts.URL+"/api/v1/check", map[string]any{"text": "هذا خبر"})
	wantStatus(t, res, body, 200)
	if !bytes.Contains(body, []byte(`"diagnostics":[]`)) {
		t.Errorf("clean text: %s", body)
	}

	// an unsafe first fix is not safe; a field naming a path is ignored
	res, body = postJSON(t, ts.URL+"/api/v1/check", map[string]any{"text": "هذا خبر خبر مهم", "path": "/etc/passwd"})
	wantStatus(t, res, body, 200)
	got = apiCheckResponse{}
	json.Unmarshal(body, &got)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Rule != "repetition/repeated-word" || got.Diagnostics[0].Safe || got.Diagnostics[0].Path != "article.txt" {
		t.Errorf("repeated word: %s", body)
	}
}

func TestServeCheckFormats(t *testing.T) {
	ts := testServer(t, Options{})
	for _, tc := range []struct{ format, text, path string }{
		{"md", "# عنوان\n\nقال `هاذا` إن **هاذا** خبر\n", "article.md"},
		{"html", "<p>قال <code>هاذا</code> إن <b>هاذا</b> خبر</p>", "article.html"},
		{"", "قال إن هاذا خبر", "article.txt"},
		{"txt", "قال إن هاذا خبر", "article.txt"},
	} {
		res, body := postJSON(t, ts.URL+"/api/v1/check", map[string]any{"text": tc.text, "format": tc.format})
		wantStatus(t, res, body, 200)
		var got apiCheckResponse
		json.Unmarshal(body, &got)
		if len(got.Diagnostics) != 1 {
			t.Errorf("%s: want 1 diagnostic (the code is not prose): %s", tc.format, body)
			continue
		}
		d := got.Diagnostics[0]
		if d.Path != tc.path || tc.text[d.Offset:d.EndOffset] != "هاذا" || d.Offset != strings.LastIndex(tc.text, "هاذا") {
			t.Errorf("%s: %+v", tc.format, d)
		}
	}
}

// What the page's format selector relies on: as html, the text inside
// <script> and <pre> (and the markup) is not prose and is never flagged or
// fixed; as txt, the same text is. A field the server does not know (the
// page's "lang") is ignored.
func TestServeCheckHTMLCode(t *testing.T) {
	ts := testServer(t, Options{})
	text := "<p>قال هاذا</p>\n<script>var s = \"هاذا فى\";</script>\n<pre>هاذا فى</pre>\n"
	for _, tc := range []struct {
		format string
		want   int
	}{{"html", 1}, {"txt", 5}} {
		for _, ep := range []string{"/api/v1/check", "/api/v1/fix"} {
			res, body := postJSON(t, ts.URL+ep, map[string]any{"text": text, "format": tc.format, "lang": "en", "unsafe": true})
			wantStatus(t, res, body, 200)
			var got apiFixResponse
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatal(err)
			}
			if ep == "/api/v1/check" && len(got.Diagnostics) != tc.want {
				t.Errorf("%s %s: %d diagnostics, want %d: %s", ep, tc.format, len(got.Diagnostics), tc.want, body)
			}
			if ep == "/api/v1/check" && tc.format == "html" && len(got.Diagnostics) == 1 && got.Diagnostics[0].Offset != strings.Index(text, "هاذا") {
				t.Errorf("html: the finding is not the one in <p>: %s", body)
			}
			if ep == "/api/v1/fix" && tc.format == "html" && got.Text != strings.Replace(text, "هاذا", "هذا", 1) {
				t.Errorf("html fix: %q, want only the <p> fixed", got.Text)
			}
		}
	}
}

func TestServeCheckDateline(t *testing.T) {
	ts := testServer(t, Options{})
	text := "قال الوزير اليوم الأربعاء إن الخبر مهم."
	var got apiCheckResponse
	res, body := postJSON(t, ts.URL+"/api/v1/check", map[string]any{"text": text})
	wantStatus(t, res, body, 200)
	json.Unmarshal(body, &got)
	if len(got.Diagnostics) != 0 {
		t.Errorf("no dateline: %s", body)
	}
	res, body = postJSON(t, ts.URL+"/api/v1/check", map[string]any{"text": text, "dateline": "2024-11-22"})
	wantStatus(t, res, body, 200)
	json.Unmarshal(body, &got)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Rule != "dates/relative-day" || got.Diagnostics[0].Text != "الأربعاء" ||
		got.Diagnostics[0].Suggestions[0] != "الجمعة" {
		t.Errorf("dateline 2024-11-22 (a Friday): %s", body)
	}
	// Wednesday 20 November 2024: the text is right
	res, body = postJSON(t, ts.URL+"/api/v1/check", map[string]any{"text": text, "dateline": "2024-11-20"})
	wantStatus(t, res, body, 200)
	got = apiCheckResponse{}
	json.Unmarshal(body, &got)
	if len(got.Diagnostics) != 0 {
		t.Errorf("dateline 2024-11-20: %s", body)
	}
	// the front matter date is the dateline of Markdown, as in check
	md := "---\ndate: 2024-11-22\n---\n\n" + text + "\n"
	res, body = postJSON(t, ts.URL+"/api/v1/check", map[string]any{"text": md, "format": "md"})
	wantStatus(t, res, body, 200)
	json.Unmarshal(body, &got)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Rule != "dates/relative-day" {
		t.Errorf("front matter date: %s", body)
	}
}

// TestServeBadRequests: the errors in English (?lang=en), as they were
// before the API spoke Arabic; TestServeErrorLanguage for the languages.
func TestServeBadRequests(t *testing.T) {
	ts := testServer(t, Options{})
	for _, tc := range []struct {
		body, want string
	}{
		{`{"text": "x", "format": "docx"}`, "unknown format"},
		{`{"text": "x", "dateline": "22/11/2024"}`, "YYYY-MM-DD"},
		{`{"text": "x", "dateline": "2024-02-30"}`, "YYYY-MM-DD"},
		{`{"text": `, "JSON object"},
		{`["x"]`, "JSON object"},
		{`{"text": 5}`, "JSON object"},
		// a body that decodes to the zero request was checked as an empty text
		{`null`, "JSON object"},
		{` null `, "JSON object"},
		{`"هاذا"`, "JSON object"},
		{`5`, "JSON object"},
		{`true`, "JSON object"},
		{``, "JSON object"},
		// encoding/json would check, and give back, U+FFFD in their place
		{"{\"text\": \"هاذا \xff خبر\"}", "not valid UTF-8"},
		{"{\"text\": \"هاذا \xed\xa0\x80 خبر\"}", "not valid UTF-8"},
		{`{"text": "هاذا \ud800 خبر"}`, "lone UTF-16 surrogate"},
		{`{"text": "هاذا \udc00\ud800 خبر"}`, "lone UTF-16 surrogate"},
		{`{"text": "هاذا خبر", "dateline": "\udfff"}`, "lone UTF-16 surrogate"},
		// no text at all was checked as an empty one: 200 and no findings
		{`{}`, `missing "text"`},
		{`{"txt": "هاذا خبر"}`, `missing "text"`},
		{`{"Text": null, "format": "md"}`, `missing "text"`},
	} {
		for _, ep := range []string{"/api/v1/check", "/api/v1/fix"} {
			req, _ := http.NewRequest(http.MethodPost, ts.URL+ep+"?lang=en", strings.NewReader(tc.body))
			req.Header.Set("Content-Type", "application/json")
			res, body := do(t, req)
			wantStatus(t, res, body, 400)
			var e struct{ Error string }
			if err := json.Unmarshal(body, &e); err != nil || !strings.Contains(e.Error, tc.want) {
				t.Errorf("%s %s: %s, want an error with %q", ep, tc.body, body, tc.want)
			}
		}
	}
}

func TestServeFix(t *testing.T) {
	ts := testServer(t, Options{})
	text := "هاذا خبر خبر مهم فى القاهرة.\n"
	res, body := postJSON(t, ts.URL+"/api/v1/fix", map[string]any{"text": text})
	wantStatus(t, res, body, 200)
	var got apiFixResponse
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Text != "هذا خبر خبر مهم في القاهرة.\n" || got.Fixes != 2 {
		t.Errorf("safe fixes: text %q, %d fixes", got.Text, got.Fixes)
	}
	wantDiff := "--- a/article.txt\n+++ b/article.txt\n@@ -1 +1 @@\n-هاذا خبر خبر مهم فى القاهرة.\n+هذا خبر خبر مهم في القاهرة.\n"
	if got.Diff != wantDiff {
		t.Errorf("diff:\n%s\nwant:\n%s", got.Diff, wantDiff)
	}
	// what remains is the unsafe repeated word, on the fixed text
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Rule != "repetition/repeated-word" || got.Diagnostics[0].Safe ||
		got.Text[got.Diagnostics[0].Offset:got.Diagnostics[0].EndOffset] != "خبر" || got.Diagnostics[0].Offset != len("هذا خبر ") {
		t.Errorf("remaining: %+v", got.Diagnostics)
	}

	res, body = postJSON(t, ts.URL+"/api/v1/fix", map[string]any{"text": text, "unsafe": true})
	wantStatus(t, res, body, 200)
	got = apiFixResponse{}
	json.Unmarshal(body, &got)
	if got.Text != "هذا خبر مهم في القاهرة.\n" || got.Fixes != 3 || len(got.Diagnostics) != 0 ||
		!strings.Contains(got.Diff, "+هذا خبر مهم في القاهرة.\n") {
		t.Errorf("unsafe fixes: %+v", got)
	}

	// nothing to fix: the text back, no diff
	res, body = postJSON(t, ts.URL+"/api/v1/fix", map[string]any{"text": "هذا خبر"})
	wantStatus(t, res, body, 200)
	if string(body) != `{"text":"هذا خبر","diff":"","fixes":0,"diagnostics":[]}`+"\n" {
		t.Errorf("clean: %s", body)
	}

	// markup: the diff names article.html, the markup is kept
	html := "<p>قال <b>هاذا</b> خبر</p>\n"
	res, body = postJSON(t, ts.URL+"/api/v1/fix", map[string]any{"text": html, "format": "html"})
	wantStatus(t, res, body, 200)
	got = apiFixResponse{}
	json.Unmarshal(body, &got)
	if got.Text != "<p>قال <b>هذا</b> خبر</p>\n" || !strings.HasPrefix(got.Diff, "--- a/article.html\n+++ b/article.html\n") {
		t.Errorf("html: %+v", got)
	}
}

// the JSON API, the rule list and the LanguageTool API (package ltapi,
// mounted here) follow the configuration; /v2/check reports the version
func TestServeConfig(t *testing.T) {
	cfg, err := config.Parse("test.toml", []byte("[rules.\"spelling/misspelling\"]\nenabled = false\n"))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := testServer(t, Options{Engine: eng, Version: "v9.9.9"})
	text := "هاذا خبر فى القاهرة"
	res, body := postJSON(t, ts.URL+"/api/v1/check", map[string]any{"text": text})
	wantStatus(t, res, body, 200)
	if bytes.Contains(body, []byte("spelling/misspelling")) {
		t.Errorf("a rule off in the configuration ran: %s", body)
	}
	res, body = get(t, ts.URL+"/api/v1/rules")
	wantStatus(t, res, body, 200)
	if !bytes.Contains(body, []byte(`"id":"spelling/misspelling","kind":"substitution","category":"spelling","level":"error","enabled":false`)) {
		t.Errorf("rules: %.600s", body)
	}
	res, body = postForm(t, ts.URL+"/v2/check", url.Values{"language": {"ar"}, "text": {text}})
	wantStatus(t, res, body, 200)
	if !bytes.Contains(body, []byte(`"software":{"name":"daqiq","version":"v9.9.9",`)) ||
		bytes.Contains(body, []byte("spelling/misspelling")) || !bytes.Contains(body, []byte(`"id":"orthography/final-yeh"`)) {
		t.Errorf("/v2/check: %s", body)
	}
	res, body = get(t, ts.URL+"/v2/languages")
	wantStatus(t, res, body, 200)
	if string(body) != `[{"code":"ar","longCode":"ar","name":"Arabic"}]`+"\n" {
		t.Errorf("/v2/languages: %s", body)
	}
}

func TestServeBodyLimit(t *testing.T) {
	ts := testServer(t, Options{})
	const limit = 1 << 20
	// a JSON body of exactly 1 MiB is read
	n := limit - len(`{"text":""}`)
	pad := strings.Repeat("ا", n/2) + strings.Repeat("a", n%2)
	exact := `{"text":"` + pad + `"}`
	if len(exact) != limit {
		t.Fatalf("body is %d bytes", len(exact))
	}
	res, body := do(t, mustReq(t, "/api/v1/check", ts, exact, false))
	wantStatus(t, res, body, 200)

	over := strings.Repeat("x", limit+1)
	for _, ep := range []string{"/api/v1/check", "/api/v1/fix", "/v2/check"} {
		for _, chunked := range []bool{false, true} {
			res, body := do(t, mustReq(t, ep, ts, over, chunked))
			wantStatus(t, res, body, http.StatusRequestEntityTooLarge)
		}
	}
}

// mustReq makes a POST; chunked hides the length so that the limit is met
// while reading.
func mustReq(t *testing.T, ep string, ts *httptest.Server, body string, chunked bool) *http.Request {
	var r io.Reader = strings.NewReader(body)
	if chunked {
		r = io.MultiReader(r)
	}
	req, err := http.NewRequest(http.MethodPost, ts.URL+ep, r)
	if err != nil {
		t.Fatal(err)
	}
	if ep == "/v2/check" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

func TestServeMethods(t *testing.T) {
	ts := testServer(t, Options{})
	for _, tc := range []struct{ method, path, allow string }{
		{"GET", "/api/v1/check", "POST"},
		{"PUT", "/api/v1/fix", "POST"},
		{"PUT", "/v2/check", "GET, POST"},
		{"POST", "/rules/spelling/misspelling", "GET, HEAD"},
		{"POST", "/v2/languages", "GET, HEAD"},
		{"POST", "/api/v1/rules", "GET, HEAD"},
		{"DELETE", "/healthz", "GET, HEAD"},
		{"POST", "/", "GET, HEAD"},
		{"POST", "/index.html", "GET, HEAD"},
		{"OPTIONS", "/api/v1/check", "POST"},
	} {
		req, _ := http.NewRequest(tc.method, ts.URL+tc.path, nil)
		res, body := do(t, req)
		wantStatus(t, res, body, 405)
		if a := res.Header.Get("Allow"); a != tc.allow {
			t.Errorf("%s %s: Allow %q, want %q", tc.method, tc.path, a, tc.allow)
		}
	}
}

func TestServeCORS(t *testing.T) {
	send := func(ts *httptest.Server, method, path, origin string) *http.Response {
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(`{"text":"هاذا"}`))
		if method == http.MethodPost {
			req.Header.Set("Content-Type", "application/json")
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		if method == http.MethodOptions {
			req.Header.Set("Access-Control-Request-Method", "POST")
			req.Header.Set("Access-Control-Request-Headers", "content-type")
		}
		res, _ := do(t, req)
		return res
	}
	// none configured: no CORS headers, no preflight
	ts := testServer(t, Options{})
	res := send(ts, "POST", "/api/v1/check", "https://news.example")
	if res.StatusCode != 200 || res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("no origins: %d %v", res.StatusCode, res.Header)
	}
	if res := send(ts, "OPTIONS", "/api/v1/check", "https://news.example"); res.StatusCode != 405 || res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("no origins, preflight: %d %v", res.StatusCode, res.Header)
	}

	ts = testServer(t, Options{CORSOrigins: []string{"https://news.example", "http://localhost:3000"}})
	for _, path := range []string{"/api/v1/check", "/v2/check"} {
		res := send(ts, "OPTIONS", path, "https://news.example")
		if res.StatusCode != 204 || res.Header.Get("Access-Control-Allow-Origin") != "https://news.example" ||
			!strings.Contains(res.Header.Get("Access-Control-Allow-Methods"), "POST") ||
			!strings.EqualFold(res.Header.Get("Access-Control-Allow-Headers"), "Content-Type") {
			t.Errorf("preflight %s: %d %v", path, res.StatusCode, res.Header)
		}
	}
	res = send(ts, "POST", "/api/v1/check", "http://localhost:3000")
	if res.StatusCode != 200 || res.Header.Get("Access-Control-Allow-Origin") != "http://localhost:3000" || res.Header.Get("Vary") != "Origin" {
		t.Errorf("allowed origin: %d %v", res.StatusCode, res.Header)
	}
	res = send(ts, "GET", "/api/v1/rules", "https://news.example")
	if res.Header.Get("Access-Control-Allow-Origin") != "https://news.example" {
		t.Errorf("GET from an allowed origin: %v", res.Header)
	}
	for _, o := range []string{"https://evil.example", "https://news.example.evil", "null", ""} {
		res := send(ts, "POST", "/api/v1/check", o)
		if res.StatusCode != 200 || res.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("origin %q: %d %v", o, res.StatusCode, res.Header)
		}
		if res := send(ts, "OPTIONS", "/api/v1/check", o); res.StatusCode == 204 || res.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("preflight from %q: %d %v", o, res.StatusCode, res.Header)
		}
	}

	// as given on the command line: a final slash, a default port, capitals
	ts = testServer(t, Options{CORSOrigins: []string{"https://cms.example/", "HTTP://Desk.Example:80"}})
	for _, o := range []string{"https://cms.example", "http://desk.example"} {
		if res := send(ts, "POST", "/api/v1/check", o); res.Header.Get("Access-Control-Allow-Origin") != o {
			t.Errorf("origin %s, configured with a final slash or a port: %v", o, res.Header)
		}
	}

	ts = testServer(t, Options{CORSOrigins: []string{"*"}})
	if res := send(ts, "POST", "/api/v1/check", "https://any.example"); res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("*: %v", res.Header)
	}
}

// requests beyond the limit wait for a slot, and give up with their context
func TestServeConcurrencyLimit(t *testing.T) {
	s := New(Options{MaxConcurrent: 1})
	s.sem <- struct{}{} // the only slot is taken
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req := httptest.NewRequestWithContext(ctx, "POST", "/api/v1/check", strings.NewReader(`{"text":"هاذا"}`))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("cancelled while waiting: %d %s", rec.Code, rec.Body)
	}

	done := make(chan int)
	go func() {
		req := httptest.NewRequest("POST", "/v2/check", strings.NewReader("language=ar&text=هاذا"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		s.h.ServeHTTP(rec, req)
		done <- rec.Code
	}()
	select {
	case code := <-done:
		t.Fatalf("a request ran with no free slot: %d", code)
	case <-time.After(50 * time.Millisecond):
	}
	<-s.sem
	if code := <-done; code != 200 {
		t.Errorf("after the slot was freed: %d", code)
	}

	// many requests at once, with two slots, all answered the same (go test -race)
	ts := testServer(t, Options{MaxConcurrent: 2})
	var wg sync.WaitGroup
	for i := 0; i < 24; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var res *http.Response
			var err error
			switch i % 3 {
			case 0:
				res, err = http.Post(ts.URL+"/api/v1/check", "application/json", strings.NewReader(`{"text":"هاذا خبر فى القاهرة"}`))
			case 1:
				res, err = http.Post(ts.URL+"/api/v1/fix", "application/json", strings.NewReader(`{"text":"هاذا خبر فى القاهرة","format":"md"}`))
			default:
				res, err = http.PostForm(ts.URL+"/v2/check", url.Values{"language": {"ar"}, "text": {"هاذا خبر فى القاهرة"}})
			}
			if err != nil {
				t.Error(err)
				return
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || !bytes.Contains(b, []byte("هذا")) {
				t.Errorf("request %d: %d %s", i, res.StatusCode, b)
			}
		}(i)
	}
	wg.Wait()
}

// Run serves until its context ends, then shuts down cleanly
func TestServeRunAndShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- Run(ctx, ln, New(Options{})) }()
	res, body := get(t, "http://"+ln.Addr().String()+"/healthz")
	wantStatus(t, res, body, 200)
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the server did not stop")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("still serving after shutdown")
	}
}

// ListenAndRun tells the URL it listens on and serves there until its
// context ends
func TestListenAndRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urlc := make(chan string, 1)
	errc := make(chan error, 1)
	go func() {
		errc <- ListenAndRun(ctx, "127.0.0.1:0", New(Options{}), func(u string) { urlc <- u })
	}()
	var u string
	select {
	case u = <-urlc:
	case err := <-errc:
		t.Fatal(err)
	}
	if !strings.HasPrefix(u, "http://127.0.0.1:") || !strings.HasSuffix(u, "/") {
		t.Errorf("URL %q", u)
	}
	res, body := get(t, u+"healthz")
	wantStatus(t, res, body, 200)
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if err := ListenAndRun(context.Background(), "256.0.0.1:99999", New(Options{}), func(string) { t.Error("listening on a bad address") }); err == nil {
		t.Error("no error for a bad address")
	}
}

func TestListenURL(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:8080": "http://127.0.0.1:8080/",
		"0.0.0.0:8080":   "http://localhost:8080/",
		"[::]:8080":      "http://localhost:8080/",
		"[::1]:8080":     "http://[::1]:8080/",
	} {
		a, _ := net.ResolveTCPAddr("tcp", addr)
		if got := listenURL(a); got != want {
			t.Errorf("listenURL(%s) = %s, want %s", addr, got, want)
		}
	}
}

func TestCheckOrigin(t *testing.T) {
	for o, ok := range map[string]bool{
		"*": true, "https://news.example": true, "http://localhost:3000": true, "https://cms.example/": true,
		"news.example": false, "https://news.example/path": false, "https://news.example?q": false,
		"ftp://news.example": false, "https://user@news.example": false, "https://": false,
		"https://news.example/?": false, "https://news.example/#x": false, "https://news.example//": false,
	} {
		if err := CheckOrigin(o); (err == nil) != ok {
			t.Errorf("CheckOrigin(%q) = %v", o, err)
		}
	}
	for o, want := range map[string]string{
		"*":                         "*",
		"https://cms.example/":      "https://cms.example",
		"https://CMS.example":       "https://cms.example",
		"https://cms.example:443/":  "https://cms.example",
		"http://cms.example:80":     "http://cms.example",
		"https://cms.example:8443/": "https://cms.example:8443",
		"http://localhost:3000/":    "http://localhost:3000",
		"http://[::1]:80/":          "http://[::1]",
		"http://[::1]:8080":         "http://[::1]:8080",
	} {
		if got, err := NormalizeOrigin(o); err != nil || got != want {
			t.Errorf("NormalizeOrigin(%q) = %q, %v; want %q", o, got, err, want)
		}
	}
}

var (
	do         = httptesting.Do
	get        = httptesting.Get
	postForm   = httptesting.PostForm
	wantStatus = httptesting.WantStatus
)

// An empty article, sent as "text": "", is checked: 200 and no findings
// (a body with no text at all is a 400, TestServeBadRequests).
func TestServeEmptyText(t *testing.T) {
	ts := testServer(t, Options{})
	for _, ep := range []string{"/api/v1/check", "/api/v1/fix"} {
		res, body := postJSON(t, ts.URL+ep, map[string]string{"text": ""})
		wantStatus(t, res, body, 200)
		var got apiFixResponse
		if err := json.Unmarshal(body, &got); err != nil || got.Diagnostics == nil || len(got.Diagnostics) != 0 {
			t.Errorf("%s with an empty text: %s", ep, body)
		}
	}
}

// GET /v2/check with its parameters in the query string, as simple
// LanguageTool clients send it; each match links (rule.urls) to its rule's
// page on this server, which shows what `daqiq explain` prints.
func TestServeLanguageToolGetAndRulePages(t *testing.T) {
	ts := testServer(t, Options{})
	res, body := get(t, ts.URL+"/v2/check?language=ar&text="+url.QueryEscape("هاذا خبر"))
	wantStatus(t, res, body, 200)
	var lt struct {
		Matches []struct {
			Type struct{ TypeName string }
			Rule struct {
				ID   string
				URLs []struct{ Value string }
			}
		}
	}
	if err := json.Unmarshal(body, &lt); err != nil || len(lt.Matches) != 1 {
		t.Fatalf("GET /v2/check: %s", body)
	}
	m := lt.Matches[0]
	if m.Rule.ID != "spelling/misspelling" || m.Type.TypeName != "UnknownWord" ||
		len(m.Rule.URLs) != 1 || m.Rule.URLs[0].Value != ts.URL+"/rules/spelling/misspelling" {
		t.Fatalf("match %+v", m)
	}
	res, body = get(t, m.Rule.URLs[0].Value)
	wantStatus(t, res, body, 200)
	var want bytes.Buffer
	for _, r := range engine.Default().Rules().Rules() {
		if r.ID == "spelling/misspelling" {
			output.WriteExplain(&want, r, i18n.Ar)
		}
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" || !bytes.Equal(body, want.Bytes()) ||
		!bytes.HasPrefix(body, []byte("spelling/misspelling (")) {
		t.Errorf("rule page (%s):\n%s\nwant\n%s", ct, body, want.Bytes())
	}
	for _, p := range []string{"/rules/no/such-rule", "/rules/", "/rules/spelling"} {
		res, body = get(t, ts.URL+p)
		wantStatus(t, res, body, 404)
	}
}

// TestServeSource: "source" is the text of the wire copy the article was
// rewritten from; the source rules compare the article with it, name it
// "source" with its line, and their fixes (unsafe) apply only with
// "unsafe". "source_format" says how it is read.
func TestServeSource(t *testing.T) {
	ts := testServer(t, Options{})
	wire := "الرباط - الثلاثاء 14 مايو 2024\nافتتح وزير الفلاحة المغربي، اليوم الثلاثاء، المعرض الدولي للتمور في مدينة أرفود بمشاركة 180 عارضا من 12 دولة.\n"
	article := "الخميس 16 مايو 2024\nافتتح وزير الفلاحة المغربي، اليوم الثلاثاء، المعرض الدولي للتمور في مدينة أرفود بمشاركة 210 عارضين من 12 دولة.\n"
	sources := func(ds []apiDiagnostic) (got []string) {
		for _, d := range ds {
			if strings.HasPrefix(d.Rule, "source/") {
				got = append(got, d.Rule+" "+d.Text+" "+d.Message)
			}
		}
		return got
	}
	check := func(body map[string]any) []string {
		t.Helper()
		res, b := postJSON(t, ts.URL+"/api/v1/check", body)
		wantStatus(t, res, b, 200)
		var got apiCheckResponse
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		return sources(got.Diagnostics)
	}
	got := check(map[string]any{"text": article, "source": wire, "lang": "en"})
	if len(got) != 2 || !strings.HasPrefix(got[0], "source/date اليوم الثلاثاء ") ||
		got[1] != "source/number 210 “210”: the wire (source:2) says “180”" {
		t.Errorf("with a source: %q", got)
	}
	// Arabic by default
	if got := check(map[string]any{"text": article, "source": wire}); len(got) != 2 || !strings.HasSuffix(got[1], "«210» يخالف المصدر: في المصدر (source:2) «180»") {
		t.Errorf("Arabic: %q", got)
	}
	for _, body := range []map[string]any{{"text": article}, {"text": article, "source": ""}, {"text": article, "source": nil}} {
		if got := check(body); len(got) != 0 {
			t.Errorf("%v: no source, yet %q", body, got)
		}
	}
	// a Markdown wire: its front matter date is its dateline
	md := "---\ndate: 2024-05-14\n---\n\nافتتح وزير الفلاحة المغربي، اليوم الثلاثاء، المعرض الدولي للتمور في مدينة أرفود بمشاركة 180 عارضا من 12 دولة.\n"
	if got := check(map[string]any{"text": article, "source": md, "source_format": "md"}); len(got) != 2 || !strings.Contains(got[1], "(source:5)") {
		t.Errorf("Markdown source: %q", got)
	}

	// fix: the source rules' fixes are unsafe
	res, b := postJSON(t, ts.URL+"/api/v1/fix", map[string]any{"text": article, "source": wire})
	wantStatus(t, res, b, 200)
	var fixed apiFixResponse
	json.Unmarshal(b, &fixed)
	if fixed.Text != article || len(sources(fixed.Diagnostics)) != 2 {
		t.Errorf("safe fixes changed the article or lost the findings: %+v", fixed)
	}
	res, b = postJSON(t, ts.URL+"/api/v1/fix", map[string]any{"text": article, "source": wire, "unsafe": true})
	wantStatus(t, res, b, 200)
	fixed = apiFixResponse{}
	json.Unmarshal(b, &fixed)
	if !strings.Contains(fixed.Text, "بمشاركة 180 عارضين") || len(sources(fixed.Diagnostics)) != 0 {
		t.Errorf("unsafe fixes: %+v", fixed)
	}

	for _, tc := range []struct{ body, want string }{
		{`{"text": "x", "source": "y", "source_format": "docx", "lang": "en"}`, `unknown source_format "docx"`},
		{`{"text": "x", "source": "y", "source_format": "pdf"}`, "صيغة نص الوكالة (source_format) «pdf» غير معروفة"},
		{`{"text": "x", "source": 5, "lang": "en"}`, "JSON object"},
		{`{"text": "x", "source": "\ud800", "lang": "en"}`, "lone UTF-16 surrogate"},
	} {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/v1/check", strings.NewReader(tc.body))
		req.Header.Set("Content-Type", "application/json")
		res, body := do(t, req)
		wantStatus(t, res, body, 400)
		var e struct{ Error string }
		if err := json.Unmarshal(body, &e); err != nil || !strings.Contains(e.Error, tc.want) {
			t.Errorf("%s: %s, want an error with %q", tc.body, body, tc.want)
		}
	}
}
