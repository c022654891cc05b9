package ltapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf16"

	"github.com/daqiq/daqiq/cmd/internal/httptesting"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint/config"
)

// testServer serves the API as daqiq serve mounts it (package serve tests
// the mounting: methods, CORS, the shared check slots).
func testServer(t *testing.T, o Options) *httptest.Server {
	t.Helper()
	a := New(o)
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v2/check", a.Check)
	mux.HandleFunc("GET /v2/check", a.Check)
	mux.HandleFunc("GET /v2/languages", a.Languages)
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
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
			URLs                       []struct{ Value string }
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

func TestCheck(t *testing.T) {
	ts := testServer(t, Options{Version: "v9.9.9"})
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
	if len(m.Replacements) != 1 || m.Replacements[0].Value != "هذا" || m.Sentence != text || m.Type.TypeName != "UnknownWord" ||
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

func TestAnnotation(t *testing.T) {
	ts := testServer(t, Options{})
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

func TestErrors(t *testing.T) {
	ts := testServer(t, Options{})
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
		{url.Values{"language": {"ar"}, "text": {"هاذا \xed\xa0\x80"}}, "Error: the text is not valid UTF-8"},
		// in data too: encoding/json would make U+FFFD of them
		{url.Values{"language": {"ar"}, "data": {`{"annotation":[{"text":"هاذا \ud800 خبر"}]}`}}, "Error: the 'data' parameter is not valid UTF-8"},
		{url.Values{"language": {"ar"}, "data": {`{"annotation":[{"markup":"<b>","interpretAs":"\udfff"}]}`}}, "Error: the 'data' parameter is not valid UTF-8"},
		{url.Values{"language": {"ar"}, "data": {"{\"annotation\":[{\"text\":\"\xff هاذا\"}]}"}}, "Error: the 'data' parameter is not valid UTF-8"},
	} {
		res, body := postForm(t, ts.URL+"/v2/check", tc.v)
		wantStatus(t, res, body, 400)
		if !strings.HasPrefix(string(body), tc.want) {
			t.Errorf("%v: %q, want %q…", tc.v, body, tc.want)
		}
	}
}

func TestRules(t *testing.T) {
	cfg, err := config.Parse("test.toml", []byte("[rules.\"spelling/misspelling\"]\nenabled = false\n"))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := testServer(t, Options{Engine: eng})
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
}

func TestLanguages(t *testing.T) {
	ts := testServer(t, Options{})
	res, body := get(t, ts.URL+"/v2/languages")
	wantStatus(t, res, body, 200)
	if strings.TrimSpace(string(body)) != `[{"code":"ar","longCode":"ar","name":"Arabic"}]` {
		t.Errorf("%s", body)
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

// every check takes a slot with Acquire and gives it back with Release;
// without a slot the request is answered 503
func TestSlots(t *testing.T) {
	var held, taken atomic.Int64
	var full atomic.Bool
	ts := testServer(t, Options{
		Acquire: func(ctx context.Context) bool {
			if full.Load() {
				return false
			}
			taken.Add(1)
			held.Add(1)
			return true
		},
		Release: func() { held.Add(-1) },
	})
	ltCheck(t, ts, url.Values{"language": {"ar"}, "text": {"هاذا"}})
	if taken.Load() != 1 || held.Load() != 0 {
		t.Errorf("after one check: %d taken, %d held", taken.Load(), held.Load())
	}
	// a bad request is answered before a slot is taken
	res, body := postForm(t, ts.URL+"/v2/check", url.Values{"text": {"هاذا"}})
	wantStatus(t, res, body, 400)
	if taken.Load() != 1 {
		t.Errorf("a bad request took a slot")
	}
	full.Store(true)
	res, body = postForm(t, ts.URL+"/v2/check", url.Values{"language": {"ar"}, "text": {"هاذا"}})
	wantStatus(t, res, body, 503)
	if string(body) != "Error: cancelled while waiting for a free check slot\n" {
		t.Errorf("no slot: %q", body)
	}
}

func TestMaxBody(t *testing.T) {
	ts := testServer(t, Options{MaxBody: 300})
	v := url.Values{"language": {"ar"}, "text": {strings.Repeat("ب", 30)}}
	if len(v.Encode()) > 300 {
		t.Fatalf("the small body is %d bytes", len(v.Encode()))
	}
	ltCheck(t, ts, v)
	v.Set("text", strings.Repeat("ب", 50))
	res, body := postForm(t, ts.URL+"/v2/check", v)
	wantStatus(t, res, body, http.StatusRequestEntityTooLarge)
	if string(body) != "Error: request body over 300 bytes\n" {
		t.Errorf("%q", body)
	}
}

var (
	do         = httptesting.Do
	get        = httptesting.Get
	postForm   = httptesting.PostForm
	wantStatus = httptesting.WantStatus
)

// A GET with the parameters in the query string is answered as the POST
// of the same form, as LanguageTool does.
func TestCheckGet(t *testing.T) {
	ts := testServer(t, Options{})
	v := url.Values{"language": {"ar"}, "text": {"هاذا خبر فى القاهرة"}, "disabledRules": {"orthography/final-yeh"}}
	res, body := get(t, ts.URL+"/v2/check?"+v.Encode())
	wantStatus(t, res, body, 200)
	res, post := postForm(t, ts.URL+"/v2/check", v)
	wantStatus(t, res, post, 200)
	if string(body) != string(post) {
		t.Errorf("GET answered\n%s\nPOST\n%s", body, post)
	}
	res, body = get(t, ts.URL+"/v2/check?language=ar")
	wantStatus(t, res, body, 400)
	if !strings.HasPrefix(string(body), "Error: Missing 'text' or 'data' parameter") {
		t.Errorf("GET without text: %s", body)
	}
}

// Spelling findings (spelling/*, lexicon/*) are "UnknownWord" and
// "misspelling", as LanguageTool reports a misspelt word; others "Other".
// With RulePages every match links to its rule's page on the host asked.
func TestMatchTypesAndURLs(t *testing.T) {
	ts := testServer(t, Options{RulePages: "/rules/"})
	host := strings.TrimPrefix(ts.URL, "http://")
	r := ltCheck(t, ts, url.Values{"language": {"ar"}, "text": {"هاذا الإجتماع فى القاهرة"}})
	seen := map[string]bool{}
	for _, m := range r.Matches {
		seen[m.Rule.ID] = true
		family, _, _ := strings.Cut(m.Rule.ID, "/")
		spelling := family == "spelling" || family == "lexicon"
		if spelling && (m.Type.TypeName != "UnknownWord" || m.Rule.IssueType != "misspelling") ||
			!spelling && m.Type.TypeName != "Other" {
			t.Errorf("%s: typeName %q issueType %q", m.Rule.ID, m.Type.TypeName, m.Rule.IssueType)
		}
		want := "http://" + host + "/rules/" + m.Rule.ID
		if len(m.Rule.URLs) != 1 || m.Rule.URLs[0].Value != want {
			t.Errorf("%s: urls %+v, want %s", m.Rule.ID, m.Rule.URLs, want)
		}
	}
	for _, id := range []string{"spelling/misspelling", "spelling/hamzat-wasl", "orthography/final-yeh"} {
		if !seen[id] {
			t.Errorf("no match of %s: %+v", id, r.Matches)
		}
	}
	if !spellingRule("lexicon/hamza", "lexicon") || spellingRule("orthography/final-yeh", "orthography") {
		t.Error("spellingRule")
	}

	// the Host the client asked for, https behind a proxy that says so
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/v2/check?language=ar&text=%D9%87%D8%A7%D8%B0%D8%A7", nil)
	req.Host = "desk.example"
	req.Header.Set("X-Forwarded-Proto", "https")
	res, body := do(t, req)
	wantStatus(t, res, body, 200)
	if !strings.Contains(string(body), `"urls":[{"value":"https://desk.example/rules/spelling/misspelling"}]`) {
		t.Errorf("urls for desk.example: %s", body)
	}

	// without RulePages, no urls
	ts = testServer(t, Options{})
	res, body = postForm(t, ts.URL+"/v2/check", url.Values{"language": {"ar"}, "text": {"هاذا"}})
	wantStatus(t, res, body, 200)
	if strings.Contains(string(body), `"urls"`) {
		t.Errorf("urls without RulePages: %s", body)
	}
}
