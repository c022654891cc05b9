package serve

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/i18n"
)

var arabicLetter = regexp.MustCompile(`[\x{0621}-\x{064a}]`)

// TestServeErrorLanguage: the native API's own errors are Arabic by
// default and English when the request asks for it, with "lang" in the
// JSON body (read even from a body that does not parse or is cut at the
// limit) or ?lang= in the query string; the body's wins. The LanguageTool
// API keeps LanguageTool's English.
func TestServeErrorLanguage(t *testing.T) {
	ts := testServer(t, Options{MaxBody: 1000})
	big := strings.Repeat("x", 2000)
	for _, tc := range []struct {
		name, method, path, ct, body string
		chunked                      bool
		code                         int
		want                         string // a part of the answer
		en                           bool   // English, else Arabic
	}{
		// Arabic by default
		{"missing text", "POST", "/api/v1/check", "", `{"txt": "x"}`, false, 400, `الحقل "text" غائب`, false},
		{"bad format", "POST", "/api/v1/fix", "", `{"text": "x", "format": "docx"}`, false, 400, "الصيغة «docx» غير معروفة", false},
		{"bad lang", "POST", "/api/v1/check", "", `{"text": "x", "lang": "fr"}`, false, 400, "اللغة «fr» غير معروفة: المقبول ar أو en", false},
		{"bad dateline", "POST", "/api/v1/check", "", `{"text": "x", "dateline": "2024-02-30"}`, false, 400, "تاريخ النشر «2024-02-30» غير صالح", false},
		{"not an object", "POST", "/api/v1/check", "", `["x"]`, false, 400, "والمرسَل مصفوفة", false},
		{"broken JSON", "POST", "/api/v1/check", "", `{"text": `, false, 400, "يجب أن يكون متن الطلب كائن JSON", false},
		{"too large", "POST", "/api/v1/check", "", `{"text": "` + big + `"}`, false, 413, "أكبر من الحد المسموح (1000 بايت)", false},
		{"too large, chunked", "POST", "/api/v1/check", "", `{"text": "` + big + `"}`, true, 413, "أكبر من الحد المسموح", false},
		{"content type", "POST", "/api/v1/check", "text/plain", `{"text": "x"}`, false, 415, "نوع المحتوى «text/plain» غير مقبول", false},
		{"method", "GET", "/api/v1/check", "", "", false, 405, "طريقة الطلب غير مسموح بها", false},
		{"rules, bad lang", "GET", "/api/v1/rules?lang=fr", "", "", false, 400, "اللغة «fr» غير معروفة", false},
		{"rule page, bad lang", "GET", "/rules/spelling/misspelling?lang=fr", "", "", false, 400, "اللغة «fr» غير معروفة", false},
		{"rule page, no rule", "GET", "/rules/no/such-rule", "", "", false, 404, "لا قاعدة باسم «no/such-rule»", false},
		{"no such page", "GET", "/no-such-file.js", "", "", false, 404, "لا صفحة «/no-such-file.js» على هذا الخادم", false},
		{"no such page, query en", "GET", "/no-such-file.js?lang=en", "", "", false, 404, `no page "/no-such-file.js" on this server`, true},
		// a body's lang that is not a language: the query's, else Arabic
		{"bad lang, query en", "POST", "/api/v1/check?lang=en", "", `{"text": "x", "lang": "fr"}`, false, 400, `unknown language "fr" (want ar or en)`, true},

		// English with "lang" in the body
		{"missing text, body en", "POST", "/api/v1/check", "", `{"txt": "x", "lang": "en"}`, false, 400,
			`missing "text": the body must be a JSON object {"text": "the article", ...}; an empty article is "text": ""`, true},
		{"bad format, body en", "POST", "/api/v1/fix", "", `{"text": "x", "format": "docx", "lang": "en"}`, false, 400, `unknown format "docx": want txt, md or html`, true},
		{"bad dateline, body en-US", "POST", "/api/v1/check", "", `{"text": "x", "dateline": "22/11/2024", "lang": "en-US"}`, false, 400, `dateline "22/11/2024": want YYYY-MM-DD`, true},
		{"broken JSON, body en", "POST", "/api/v1/check", "", `{"lang": "en", "text": `, false, 400, "the body must be a JSON object", true},
		{"bad type, body EN", "POST", "/api/v1/check", "", `{"text": 5, "LANG": "EN"}`, false, 400, "the body must be a JSON object", true},
		{"nested, body en", "POST", "/api/v1/check", "", `{"x": {"lang": "ar"}, "txt": "x", "lang": "en"}`, false, 400, `missing "text"`, true},
		{"too large, body en", "POST", "/api/v1/check", "", `{"lang": "en", "text": "` + big + `"}`, false, 413, "request body over 1000 bytes", true},
		{"too large, chunked, body en", "POST", "/api/v1/fix", "", `{"lang": "en", "text": "` + big + `"}`, true, 413, "request body over 1000 bytes", true},
		// the body's language wins over the query's
		{"bad format, body ar, query en", "POST", "/api/v1/check?lang=en", "", `{"text": "x", "format": "docx", "lang": "ar"}`, false, 400, "الصيغة «docx» غير معروفة", false},

		// English with ?lang=en
		{"missing text, query en", "POST", "/api/v1/check?lang=en", "", `{"txt": "x"}`, false, 400, `missing "text"`, true},
		{"bad format, query en", "POST", "/api/v1/fix?lang=en", "", `{"text": "x", "format": "docx"}`, false, 400, `unknown format "docx": want txt, md or html`, true},
		{"not an object, query en", "POST", "/api/v1/check?lang=en", "", `5`, false, 400, `the body must be a JSON object {"text": ..., ...}, not a number`, true},
		{"too large, query en", "POST", "/api/v1/check?lang=en", "", `{"text": "` + big + `"}`, false, 413, "request body over 1000 bytes", true},
		{"content type, query en", "POST", "/api/v1/check?lang=en", "text/plain", `{"text": "x"}`, false, 415, `Content-Type "text/plain": the body must be application/json (UTF-8)`, true},
		{"method, query en", "GET", "/api/v1/fix?lang=en", "", "", false, 405, "method not allowed", true},
		{"rule page, no rule, query en", "GET", "/rules/no/such-rule?lang=en", "", "", false, 404, `no rule "no/such-rule": /api/v1/rules lists them`, true},

		// the LanguageTool API: LanguageTool's English, whatever is asked
		{"LanguageTool method", "PUT", "/v2/check?lang=ar", "", "", false, 405, "method not allowed", true},
		{"LanguageTool, no text", "POST", "/v2/check?lang=ar", "application/x-www-form-urlencoded", "language=ar", false, 400, "Error: ", true},
	} {
		var r io.Reader
		if tc.body != "" {
			r = strings.NewReader(tc.body)
			if tc.chunked {
				r = io.MultiReader(r) // no Content-Length: the limit is met while reading
			}
		}
		req, err := http.NewRequest(tc.method, ts.URL+tc.path, r)
		if err != nil {
			t.Fatal(err)
		}
		ct := tc.ct
		if ct == "" && tc.method == "POST" {
			ct = "application/json"
		}
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		res, body := do(t, req)
		if res.StatusCode != tc.code {
			t.Errorf("%s: %d, want %d: %s", tc.name, res.StatusCode, tc.code, body)
			continue
		}
		msg := string(body)
		if strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			var e struct{ Error string }
			if err := json.Unmarshal(body, &e); err != nil || e.Error == "" {
				t.Errorf("%s: %s, want a JSON error", tc.name, body)
				continue
			}
			msg = e.Error
		}
		if !strings.Contains(msg, tc.want) {
			t.Errorf("%s: %q, want %q in it", tc.name, msg, tc.want)
		}
		if isAr := arabicLetter.MatchString(msg); isAr == tc.en {
			t.Errorf("%s: %q: Arabic %v, want %v", tc.name, msg, isAr, !tc.en)
		}
	}
	for _, g := range i18n.Gaps() {
		if g.Table == "text" && strings.HasPrefix(g.Key, "api.") {
			t.Errorf("the catalogue lacks text.%s in %s", g.Key, g.Lang)
		}
	}
}

// TestServeQueryLang: ?lang=en is the language of the findings of a body
// without "lang", as "lang" in the body is.
func TestServeQueryLang(t *testing.T) {
	ts := testServer(t, Options{})
	message := func(path string, body map[string]any) string {
		t.Helper()
		res, b := postJSON(t, ts.URL+path, body)
		wantStatus(t, res, b, 200)
		var got apiCheckResponse
		if err := json.Unmarshal(b, &got); err != nil || len(got.Diagnostics) != 1 {
			t.Fatalf("%s: %s", path, b)
		}
		return got.Diagnostics[0].Message
	}
	ar := message("/api/v1/check", map[string]any{"text": "هاذا خبر"})
	en := message("/api/v1/check", map[string]any{"text": "هاذا خبر", "lang": "en"})
	if ar == en || !strings.Contains(en, "misspelled") {
		t.Fatalf("messages: Arabic %q, English %q", ar, en)
	}
	if got := message("/api/v1/check?lang=en", map[string]any{"text": "هاذا خبر"}); got != en {
		t.Errorf("?lang=en: %q, want %q", got, en)
	}
	if got := message("/api/v1/check?lang=en", map[string]any{"text": "هاذا خبر", "lang": "ar"}); got != ar {
		t.Errorf(`?lang=en with "lang": "ar": %q, want %q`, got, ar)
	}
}
