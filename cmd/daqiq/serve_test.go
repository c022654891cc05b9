package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
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
	"unicode/utf16"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/rules"
)

func testServer(t *testing.T, o serveOptions) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(newServer(o))
	t.Cleanup(ts.Close)
	return ts
}

func do(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

func get(t *testing.T, u string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	return do(t, req)
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

func postForm(t *testing.T, u string, v url.Values) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(t, req)
}

func wantStatus(t *testing.T, res *http.Response, body []byte, code int) {
	t.Helper()
	if res.StatusCode != code {
		t.Fatalf("%s %s: status %d, want %d: %s", res.Request.Method, res.Request.URL.Path, res.StatusCode, code, body)
	}
}

// u16slice is s[off:off+n] counted in UTF-16 code units, as a LanguageTool
// client (JavaScript, Java) slices it.
func u16slice(s string, off, n int) string {
	u := utf16.Encode([]rune(s))
	if off < 0 || n < 0 || off+n > len(u) {
		return fmt.Sprintf("<out of range %d+%d of %d>", off, n, len(u))
	}
	return string(utf16.Decode(u[off : off+n]))
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
	ts := testServer(t, serveOptions{})
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
	for _, p := range []string{"/../serve.go", "/..%2fserve.go", "/%2e%2e/main.go", "/web/../../go.mod"} {
		res, body = get(t, ts.URL+p)
		if res.StatusCode == 200 && (bytes.Contains(body, []byte("package main")) || bytes.Contains(body, []byte("module "))) {
			t.Errorf("%s served a source file", p)
		}
	}
}

func TestServeRules(t *testing.T) {
	ts := testServer(t, serveOptions{})
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
	ts := testServer(t, serveOptions{})
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
	want := "column end_column end_line end_offset line message offset path rule safe severity suggestions text"
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
	ts := testServer(t, serveOptions{})
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

func TestServeCheckDateline(t *testing.T) {
	ts := testServer(t, serveOptions{})
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

func TestServeBadRequests(t *testing.T) {
	ts := testServer(t, serveOptions{})
	for _, tc := range []struct {
		body, want string
	}{
		{`{"text": "x", "format": "docx"}`, "unknown format"},
		{`{"text": "x", "dateline": "22/11/2024"}`, "YYYY-MM-DD"},
		{`{"text": "x", "dateline": "2024-02-30"}`, "YYYY-MM-DD"},
		{`{"text": `, "JSON object"},
		{`["x"]`, "JSON object"},
		{`{"text": 5}`, "JSON object"},
	} {
		for _, ep := range []string{"/api/v1/check", "/api/v1/fix"} {
			req, _ := http.NewRequest(http.MethodPost, ts.URL+ep, strings.NewReader(tc.body))
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
	ts := testServer(t, serveOptions{})
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

type ltResp struct {
	Software struct {
		Name       string
		Version    string
		APIVersion int
	}
	Language struct {
		Name             string
		Code             string
		DetectedLanguage struct {
			Name, Code string
			Confidence float64
		}
	}
	Matches []struct {
		Message      string
		ShortMessage string
		Replacements []struct{ Value string }
		Offset       int
		Length       int
		Context      struct {
			Text           string
			Offset, Length int
		}
		Sentence string
		Type     struct{ TypeName string }
		Rule     struct {
			ID, Description, IssueType string
			Category                   struct{ ID, Name string }
		}
	}
}

func ltCheck(t *testing.T, ts *httptest.Server, v url.Values) ltResp {
	t.Helper()
	res, body := postForm(t, ts.URL+"/v2/check", v)
	wantStatus(t, res, body, 200)
	var r ltResp
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestServeLTCheck(t *testing.T) {
	ts := testServer(t, serveOptions{version: "v9.9.9"})
	text := "😀 هاذا خبر"
	r := ltCheck(t, ts, url.Values{"language": {"ar"}, "text": {text}})
	if r.Software.Name != "daqiq" || r.Software.Version != "v9.9.9" || r.Software.APIVersion != 1 ||
		r.Language.Name != "Arabic" || r.Language.Code != "ar" || r.Language.DetectedLanguage.Code != "ar" {
		t.Errorf("header: %+v %+v", r.Software, r.Language)
	}
	if len(r.Matches) != 1 {
		t.Fatalf("matches: %+v", r.Matches)
	}
	m := r.Matches[0]
	// 😀 is two UTF-16 units: "هاذا" starts at 3
	if m.Offset != 3 || m.Length != 4 || u16slice(text, m.Offset, m.Length) != "هاذا" {
		t.Errorf("offset %d length %d select %q", m.Offset, m.Length, u16slice(text, m.Offset, m.Length))
	}
	if u16slice(m.Context.Text, m.Context.Offset, m.Context.Length) != "هاذا" {
		t.Errorf("context %+v", m.Context)
	}
	if len(m.Replacements) != 1 || m.Replacements[0].Value != "هذا" || m.Sentence != text || m.Type.TypeName != "Other" ||
		m.Rule.ID != "spelling/misspelling" || m.Rule.IssueType != "misspelling" || m.Rule.Category.ID != "SPELLING" ||
		m.Rule.Category.Name != "Spelling" || m.Rule.Description == "" || m.Message == "" {
		t.Errorf("match %+v", m)
	}

	// several matches, each offset selecting its word
	text = "😀😀 قال الوزير: \"هاذا قرار\"، وأكد إن الإجتماع فى موعده.\nسطر 👍🏽 ثان فيه ذالك الخبر."
	r = ltCheck(t, ts, url.Values{"language": {"ar-SA"}, "text": {text}})
	want := map[string]bool{"هاذا": false, "إن": false, "فى": false, "ذالك": false}
	for _, m := range r.Matches {
		s := u16slice(text, m.Offset, m.Length)
		if _, ok := want[s]; ok {
			want[s] = true
		}
		if u16slice(m.Context.Text, m.Context.Offset, m.Context.Length) != strings.ReplaceAll(s, "\n", " ") {
			t.Errorf("%s: context %+v", m.Rule.ID, m.Context)
		}
		if !strings.Contains(m.Sentence, s) {
			t.Errorf("%s: sentence %q does not hold %q", m.Rule.ID, m.Sentence, s)
		}
	}
	for w, ok := range want {
		if !ok {
			t.Errorf("no match selects %q: %+v", w, r.Matches)
		}
	}

	// auto: Arabic, with the share of Arabic letters as confidence
	r = ltCheck(t, ts, url.Values{"language": {"auto"}, "text": {"هذا خبر"}})
	if r.Language.DetectedLanguage.Code != "ar" || r.Language.DetectedLanguage.Confidence != 1 {
		t.Errorf("auto: %+v", r.Language)
	}
	// level and unknown parameters are accepted
	ltCheck(t, ts, url.Values{"language": {"ar"}, "text": {"هذا"}, "level": {"picky"}, "motherTongue": {"ar"}})
}

func TestServeLTAnnotation(t *testing.T) {
	ts := testServer(t, serveOptions{})
	type part map[string]string
	for _, tc := range []struct {
		name  string
		parts []part
		want  []string // the text each match selects in the whole string
	}{
		{"markup around the word", []part{
			{"markup": "<p>"}, {"text": "😀 "}, {"markup": "<b>"}, {"text": "هاذا"}, {"markup": "</b>"},
			{"text": " خبر"}, {"markup": "</p>", "interpretAs": "\n\n"}},
			[]string{"هاذا"}},
		{"a word given as markup", []part{
			{"text": "😀 قال "}, {"markup": "&#x647;&#x627;&#x630;&#x627;", "interpretAs": "هاذا"}, {"text": " خبر"}},
			[]string{"&#x647;&#x627;&#x630;&#x627;"}},
		{"markup inside the span", []part{
			{"text": "😀 قال ها"}, {"markup": "<i></i>"}, {"text": "ذا خبر"}},
			[]string{"ها<i></i>ذا"}},
		{"markup between paragraphs", []part{
			{"text": "😀 هاذا خبر"}, {"markup": "<br/>", "interpretAs": "\n"}, {"text": "ذالك"}},
			[]string{"هاذا", "ذالك"}},
	} {
		var whole strings.Builder
		for _, p := range tc.parts {
			whole.WriteString(p["text"] + p["markup"])
		}
		data, _ := json.Marshal(map[string]any{"annotation": tc.parts})
		r := ltCheck(t, ts, url.Values{"language": {"ar"}, "data": {string(data)}})
		var got []string
		for _, m := range r.Matches {
			got = append(got, u16slice(whole.String(), m.Offset, m.Length))
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: matches select %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestServeLTErrors(t *testing.T) {
	ts := testServer(t, serveOptions{})
	for _, tc := range []struct {
		v    url.Values
		want string
	}{
		{url.Values{"language": {"en-US"}, "text": {"a test"}}, "Error: 'en-US' is not a language code known to LanguageTool."},
		{url.Values{"language": {"arabic"}, "text": {"a test"}}, "Error: 'arabic' is not a language code known to LanguageTool."},
		{url.Values{"text": {"هذا"}}, "Error: Missing 'language' parameter"},
		{url.Values{"language": {"ar"}}, "Error: Missing 'text' or 'data' parameter"},
		{url.Values{"language": {"ar"}, "text": {"a"}, "data": {`{"annotation":[]}`}}, "Error: Set only 'text' or 'data'"},
		{url.Values{"language": {"ar"}, "data": {`{"annotation":[{"text":"a","markup":"<b>"}]}`}}, "Error: annotation 0"},
		{url.Values{"language": {"ar"}, "data": {`{"annotation":`}}, "Error: could not parse JSON"},
		{url.Values{"language": {"ar"}, "text": {"a"}, "level": {"strict"}}, "Error: 'level'"},
		{url.Values{"language": {"ar"}, "text": {"a"}, "enabledOnly": {"true"}}, "Error: enabledOnly=true needs"},
		{url.Values{"language": {"ar"}, "text": {"\xff"}}, "Error: the text is not valid UTF-8"},
	} {
		res, body := postForm(t, ts.URL+"/v2/check", tc.v)
		wantStatus(t, res, body, 400)
		if !strings.HasPrefix(string(body), tc.want) {
			t.Errorf("%v: %q, want %q…", tc.v, body, tc.want)
		}
	}
}

func TestServeLTRules(t *testing.T) {
	cfg, err := config.Parse("test.toml", []byte("[rules.\"spelling/misspelling\"]\nenabled = false\n"))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := testServer(t, serveOptions{eng: eng})
	text := "هاذا خبر فى القاهرة"
	ids := func(r ltResp) string {
		var out []string
		for _, m := range r.Matches {
			out = append(out, m.Rule.ID)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		v    url.Values
		want string
	}{
		{url.Values{}, "orthography/final-yeh"},
		{url.Values{"enabledRules": {"spelling/misspelling"}}, "spelling/misspelling orthography/final-yeh"},
		{url.Values{"enabledRules": {"spelling/misspelling"}, "enabledOnly": {"true"}}, "spelling/misspelling"},
		{url.Values{"disabledRules": {"orthography/final-yeh,spelling/misspelling"}}, ""},
		{url.Values{"enabledCategories": {"SPELLING"}, "enabledOnly": {"true"}}, "spelling/misspelling"},
		{url.Values{"disabledCategories": {"ORTHOGRAPHY"}}, ""},
		{url.Values{"enabledRules": {"no/such-rule"}}, "orthography/final-yeh"},
	} {
		tc.v.Set("language", "ar")
		tc.v.Set("text", text)
		if got := ids(ltCheck(t, ts, tc.v)); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.v, got, tc.want)
		}
	}
	// the JSON API and the rule list follow the configuration
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
}

func TestServeLTLanguages(t *testing.T) {
	ts := testServer(t, serveOptions{})
	res, body := get(t, ts.URL+"/v2/languages")
	wantStatus(t, res, body, 200)
	if strings.TrimSpace(string(body)) != `[{"code":"ar","longCode":"ar","name":"Arabic"}]` {
		t.Errorf("%s", body)
	}
}

func TestServeBodyLimit(t *testing.T) {
	ts := testServer(t, serveOptions{})
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
	}
	return req
}

func TestServeMethods(t *testing.T) {
	ts := testServer(t, serveOptions{})
	for _, tc := range []struct{ method, path, allow string }{
		{"GET", "/api/v1/check", "POST"},
		{"PUT", "/api/v1/fix", "POST"},
		{"GET", "/v2/check", "POST"},
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
	ts := testServer(t, serveOptions{})
	res := send(ts, "POST", "/api/v1/check", "https://news.example")
	if res.StatusCode != 200 || res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("no origins: %d %v", res.StatusCode, res.Header)
	}
	if res := send(ts, "OPTIONS", "/api/v1/check", "https://news.example"); res.StatusCode != 405 || res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("no origins, preflight: %d %v", res.StatusCode, res.Header)
	}

	ts = testServer(t, serveOptions{corsOrigins: []string{"https://news.example", "http://localhost:3000"}})
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

	ts = testServer(t, serveOptions{corsOrigins: []string{"*"}})
	if res := send(ts, "POST", "/api/v1/check", "https://any.example"); res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("*: %v", res.Header)
	}
}

// requests beyond the limit wait for a slot, and give up with their context
func TestServeConcurrencyLimit(t *testing.T) {
	s := buildServer(serveOptions{maxConcurrent: 1})
	s.sem <- struct{}{} // the only slot is taken
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req := httptest.NewRequestWithContext(ctx, "POST", "/api/v1/check", strings.NewReader(`{"text":"هاذا"}`))
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
	ts := testServer(t, serveOptions{maxConcurrent: 2})
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

// runServer serves until its context ends, then shuts down cleanly
func TestServeRunAndShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- runServer(ctx, ln, newServer(serveOptions{})) }()
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

func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{
		{"daqiq", "serve", "--cors-origin", "news.example"},
		{"daqiq", "serve", "--cors-origin", "https://news.example/path"},
		{"daqiq", "serve", "--max-concurrent", "-1"},
		{"daqiq", "serve", "extra"},
		{"daqiq", "serve", "--addr", "256.0.0.1:99999"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, strings.NewReader(""), &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errb.String())
		}
	}
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

// utf16Index agrees with a plain count at every offset
func TestUTF16Index(t *testing.T) {
	s := strings.Repeat("a😀ب👍🏽\n", 300)
	x := newUTF16Index(s)
	n := 0
	for i, r := range s {
		if got := x.at(i); got != n {
			t.Fatalf("at(%d) = %d, want %d", i, got, n)
		}
		n += len(utf16.Encode([]rune{r}))
	}
	if got := x.at(len(s)); got != n {
		t.Errorf("at(end) = %d, want %d", got, n)
	}
}
