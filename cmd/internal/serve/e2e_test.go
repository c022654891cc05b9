package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The end-to-end test of the web page: Debian's Chromium, headless, drives
// the page served by New. It skips with -short or without chromium
// (.ci/run installs it with apt-get where it can).

// e2eArticle is typed into the page key by key. The dateline is a Friday
// and the body says "today, Wednesday"; مواليين is misspelled; فى has a
// safe fix; the emoji in the headline puts a surrogate pair (4 UTF-8 bytes,
// 2 UTF-16 units) before the findings, so byte offsets that were taken for
// string indices would highlight the wrong letters.
const e2eArticle = "الجمعة 22 نوفمبر 2024\n" +
	"📰 المجلس البلدي يقر خطة لتوسيع الحدائق\n" +
	"\n" +
	"أقر المجلس البلدي اليوم الأربعاء خطة لتوسيع الحدائق العامة فى الأحياء الشمالية.\n" +
	"وقال رئيس المجلس إن سكان الحي كانوا مواليين للمشروع منذ طرحه قبل عامين."

func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactDir is where the screenshots go: $DAQIQ_ARTIFACTS, else
// daqiq-e2e in the system's temporary directory. It outlives the test.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("DAQIQ_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "daqiq-e2e")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

type e2eMark struct {
	Text  string `json:"text"`
	Class string `json:"cls"`
}

// e2eBrowser is a headless Chromium with helpers that fail the test.
type e2eBrowser struct {
	t          *testing.T
	ctx        context.Context
	mu         sync.Mutex
	violations []string // the browser's messages about the Content-Security-Policy
}

// startBrowser starts Chromium for a test, or skips it with -short or
// without chromium. The browser stops at the end of the test.
func startBrowser(t *testing.T) *e2eBrowser {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no browser test")
	}
	exe := chromiumPath()
	if exe == "" {
		t.Skip("chromium not installed: no browser test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	// Start the browser on a context without a deadline: a timeout on the
	// first Run would stop the whole browser.
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	ctx, cancel := context.WithTimeout(browserCtx, 90*time.Second)
	t.Cleanup(cancel)
	b := &e2eBrowser{t: t, ctx: ctx}

	// The browser's messages about the Content-Security-Policy: the page
	// must work under it without breaking it.
	consoleCtx, stopConsole := context.WithCancel(ctx)
	t.Cleanup(stopConsole)
	messages := chromedp.Console(consoleCtx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if strings.Contains(m.Text, "Content Security Policy") {
				b.mu.Lock()
				b.violations = append(b.violations, m.String())
				b.mu.Unlock()
			}
		}
	}()
	return b
}

func (b *e2eBrowser) cspViolations() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.violations...)
}

func (b *e2eBrowser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func (b *e2eBrowser) eval(what, js string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// wait polls a JavaScript condition for up to 20 seconds.
func (b *e2eBrowser) wait(what, js string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		b.t.Fatalf("waiting for %s (%s): %v\nstatus: %s", what, js, err,
			b.eval("status", `document.querySelector("#status").textContent`))
	}
}

func (b *e2eBrowser) marks() []e2eMark {
	b.t.Helper()
	ms, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]e2eMark](
		`[...document.querySelectorAll("#mirror mark")].map(m => ({text: m.textContent, cls: m.className}))`))
	if err != nil {
		b.t.Fatalf("reading the highlights: %v", err)
	}
	return ms
}

func (b *e2eBrowser) screenshot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	p := filepath.Join(artifactDir(b.t), name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", p)
}

// recordChecks serves h and keeps the body of every POST /api/v1/check,
// the last one first, for a test to see what the page sent.
type recordChecks struct {
	h      http.Handler
	mu     sync.Mutex
	bodies []map[string]any
}

func (rc *recordChecks) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && r.URL.Path == "/api/v1/check" {
		data, _ := io.ReadAll(r.Body)
		var m map[string]any
		json.Unmarshal(data, &m)
		rc.mu.Lock()
		rc.bodies = append([]map[string]any{m}, rc.bodies...)
		rc.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(data))
	}
	rc.h.ServeHTTP(w, r)
}

// last is the body of the latest check request, nil if none.
func (rc *recordChecks) last() map[string]any {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.bodies) == 0 {
		return nil
	}
	return rc.bodies[0]
}

func TestE2EWebPage(t *testing.T) {
	b := startBrowser(t)
	rec := &recordChecks{h: New(Options{})}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	ctx := b.ctx
	do, eval, wait, marks, screenshot, cspViolations := b.do, b.eval, b.wait, b.marks, b.screenshot, b.cspViolations

	// 1. The page: Arabic, right to left, nothing loaded from elsewhere.
	do("opening the page", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("#text"))
	if got := eval("html", `document.documentElement.lang + " " + document.documentElement.dir`); got != "ar rtl" {
		t.Errorf(`<html lang dir> = %q, want "ar rtl"`, got)
	}
	wait("app.js", `window.daqiq !== undefined`)
	if got := eval("resources", `performance.getEntriesByType("resource").map(e => e.name).filter(n => !n.startsWith(location.origin + "/")).join(" ")`); got != "" {
		t.Errorf("the page loads resources from elsewhere: %s", got)
	}

	// 2. Type the article; the textarea holds exactly what was typed.
	do("typing", chromedp.Click("#text"), chromedp.SendKeys("#text", e2eArticle))
	typed, err := chromedp.Run(ctx, chromedp.Value("#text"))
	if err != nil {
		t.Fatal(err)
	}
	if typed != e2eArticle {
		t.Fatalf("the textarea holds\n%q\nwant\n%q", typed, e2eArticle)
	}

	// 3. Check: both findings are highlighted as errors.
	do("checking", chromedp.Click("#check"), chromedp.WaitVisible(".finding"))
	wait("the check to finish", `!document.body.classList.contains("busy")`)
	ms := marks()
	hasMark := func(text, class string) bool {
		for _, m := range ms {
			if m.Text == text && strings.Contains(" "+m.Class+" ", " "+class+" ") {
				return true
			}
		}
		return false
	}
	for _, want := range []string{"مواليين", "الأربعاء"} {
		if !hasMark(want, "error") {
			t.Errorf("no error highlight <mark> for %q; marks: %+v", want, ms)
		}
	}
	if !hasMark("فى", "warning") {
		t.Errorf("no warning highlight <mark> for %q; marks: %+v", "فى", ms)
	}
	// The mirror under the textarea holds the same text, so the marks lie
	// under the words they flag.
	if got := eval("mirror", `document.querySelector("#mirror").textContent.replace(/\u200b$/, "")`); got != e2eArticle {
		t.Errorf("the mirror holds\n%q\nwant the typed text", got)
	}
	for _, f := range []struct{ text, rule string }{
		{"مواليين", "spelling/misspelling"},
		{"الأربعاء", "dates/relative-day"},
	} {
		n := eval("findings", `String(document.querySelectorAll('.finding[data-rule="`+f.rule+`"][data-text="`+f.text+`"]').length)`)
		if n != "1" {
			t.Errorf("findings of %s on %q in the list: %s, want 1", f.rule, f.text, n)
		}
	}

	// The page's defaults: plain text, Arabic messages, no dateline (the
	// text's own date is taken), so no date shown beside the picker.
	if got, want := fmt.Sprint(rec.last()), fmt.Sprint(map[string]any{"text": e2eArticle, "format": "txt", "dateline": "", "unsafe": false, "lang": "ar"}); got != want {
		t.Errorf("the check request: %s\nwant %s", got, want)
	}
	if got := eval("the date shown", `String(document.querySelector("#dateline-shown").hidden)`); got != "true" {
		t.Errorf("a date is shown beside an empty picker")
	}

	// 4. The rule's explanation, loaded on demand from /api/v1/rules.
	misspelled := `.finding[data-text="مواليين"]`
	do("explaining the rule", chromedp.Click(misspelled+" .explain"), chromedp.WaitVisible(misspelled+" .doc dd"))
	eval("scrolling to the explanation", `document.querySelector('`+misspelled+` .doc').scrollIntoView({block: "end"}), ""`)
	screenshot("e2e-check.png")

	// 4b. The language switch: the findings and the explanation already
	// shown come in English, then in Arabic again.
	what := misspelled + " .doc dd.what"
	arWhat := eval("the explanation", `document.querySelector('`+what+`').textContent`)
	arMessage := eval("the message", `document.querySelector('`+misspelled+` .message').textContent`)
	if !arabicLetter.MatchString(arWhat) || strings.Contains(arWhat, "the ") {
		t.Errorf("the explanation is not in Arabic: %q", arWhat)
	}
	setLang := func(l string) {
		eval("choosing "+l, `(() => { const s = document.querySelector("#lang"); s.value = "`+l+`"; s.dispatchEvent(new Event("change")); return ""; })()`)
	}
	setLang("en")
	wait("the explanation in English", `(() => {
		const dd = document.querySelector('`+what+`');
		const m = document.querySelector('`+misspelled+` .message');
		return !document.body.classList.contains("busy") && dd !== null && dd.dir === "ltr" && m !== null && m.dir === "ltr";
	})()`)
	if got := eval("the explanation", `document.querySelector('`+what+`').textContent`); got == arWhat || !strings.Contains(got, " the ") {
		t.Errorf("after choosing English the explanation is %q", got)
	}
	if got := eval("the message", `document.querySelector('`+misspelled+` .message').textContent`); got == arMessage || !strings.Contains(got, "misspelled") {
		t.Errorf("after choosing English the message is %q", got)
	}
	if got := fmt.Sprint(rec.last()["lang"]); got != "en" {
		t.Errorf("after choosing English the request's lang is %q", got)
	}
	// The page's own texts come in English too, left to right; the
	// article stays Arabic, right to left.
	pageTexts := func() map[string]string {
		t.Helper()
		m, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`(() => {
			const q = (s) => document.querySelector(s);
			const f = '`+misspelled+`';
			return {
				html: document.documentElement.lang + " " + document.documentElement.dir,
				title: document.title,
				dateline: q('label[for="dateline"]').textContent,
				format: q('label[for="format"]').textContent,
				txt: q('#format option[value="txt"]').textContent,
				check: q("#check").textContent,
				applySafe: q("#apply-safe").textContent,
				placeholder: q("#text").placeholder,
				diffLabel: q("#diff").getAttribute("aria-label"),
				locate: q(f + " .locate").textContent,
				explain: q(f + " .explain").textContent,
				dt: q(f + " .doc dt").textContent,
				sev: q(f + " .sev").textContent,
				where: q(f + " .where").textContent,
				summary: q("#summary").textContent,
				status: q("#status").textContent,
				article: q("#text").lang + " " + getComputedStyle(q("#text")).direction + " " + getComputedStyle(q("#mirror")).direction,
			};
		})()`))
		if err != nil {
			t.Fatalf("reading the page's texts: %v", err)
		}
		return m
	}
	wantTexts := func(lang string, want map[string]string) {
		t.Helper()
		got := pageTexts()
		for k, w := range want {
			if got[k] != w && !(strings.HasSuffix(w, "…") && strings.HasPrefix(got[k], strings.TrimSuffix(w, "…"))) {
				t.Errorf("in %s, the page's %s is %q, want %q", lang, k, got[k], w)
			}
		}
	}
	wantTexts("English", map[string]string{
		"html":        "en ltr",
		"title":       "daqiq — news copy checker",
		"dateline":    "Publication date",
		"format":      "Text format",
		"txt":         "Plain text",
		"check":       "Check",
		"applySafe":   "Apply all safe fixes",
		"placeholder": "Type or paste the article here…",
		"diffLabel":   "Changes made by the last fix",
		"locate":      "Show in text",
		"explain":     "Explain the rule",
		"dt":          "What it checks",
		"sev":         "Error",
		"where":       "Line 5, column 37",
		"summary":     "Errors: …",
		"status":      "Findings: …",
		"article":     "ar rtl rtl",
	})
	screenshot("e2e-english.png")
	setLang("ar")
	wait("the explanation in Arabic again", `(() => {
		const dd = document.querySelector('`+what+`');
		return !document.body.classList.contains("busy") && dd !== null && dd.textContent === `+jsString(arWhat)+` &&
			document.querySelector('`+misspelled+` .message').textContent === `+jsString(arMessage)+`;
	})()`)
	wantTexts("Arabic", map[string]string{
		"html":        "ar rtl",
		"title":       "دقيق — مدقق النصوص الإخبارية",
		"dateline":    "تاريخ النشر",
		"format":      "صيغة النص",
		"txt":         "نص عادي",
		"check":       "تدقيق",
		"applySafe":   "تطبيق كل الإصلاحات الآمنة",
		"placeholder": "اكتب الخبر أو الصقه هنا…",
		"diffLabel":   "فروق آخر إصلاح",
		"locate":      "أرني في النص",
		"explain":     "شرح القاعدة",
		"dt":          "ما تفحصه",
		"sev":         "خطأ",
		"where":       "سطر 5، عمود 37",
		"summary":     "أخطاء: …",
		"status":      "عدد الملاحظات: …",
		"article":     "ar rtl rtl",
	})

	// 5. Apply the fix of مواليين: exactly those bytes become موالين, and the
	// page checks again.
	do("applying", chromedp.Click(misspelled+" .apply"))
	wait("the fixed text", `document.querySelector("#text").value.includes("موالين")`)
	wait("the new check", `!document.body.classList.contains("busy") && !document.querySelector('`+misspelled+`') && document.querySelectorAll(".finding").length > 0`)
	fixed, err := chromedp.Run(ctx, chromedp.Value("#text"))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(e2eArticle, "مواليين", "موالين", 1); fixed != want {
		t.Fatalf("after apply the text is\n%q\nwant\n%q", fixed, want)
	}
	ms = marks()
	if hasMark("مواليين", "error") || !hasMark("الأربعاء", "error") {
		t.Errorf("after apply and re-check, marks: %+v", ms)
	}
	if d := eval("diff", `document.querySelector("#diff").textContent`); !strings.Contains(d, "+") || !strings.Contains(d, "موالين") {
		t.Errorf("the diff view after apply: %q", d)
	}
	// The diff's caption, which no check writes again, follows the
	// language too.
	caption := `document.querySelector("#diff .caption").textContent`
	if got := eval("the diff's caption", caption); got != "«مواليين» ← «موالين»" {
		t.Errorf("the diff's caption: %q", got)
	}
	setLang("en")
	wait("the check in English", `!document.body.classList.contains("busy") && document.querySelector("#status").textContent.startsWith("Findings: ")`)
	if got := eval("the diff's caption", caption); got != "“\u2068مواليين\u2069” → “\u2068موالين\u2069”" {
		t.Errorf("the diff's caption in English: %q", got)
	}
	setLang("ar")
	wait("the check in Arabic", `!document.body.classList.contains("busy") && document.querySelector("#status").textContent.startsWith("عدد الملاحظات: ")`)

	// 6. Apply all safe fixes: فى becomes في; the weekday, an unsafe fix,
	// stays for the editor.
	do("applying the safe fixes", chromedp.Click("#apply-safe"))
	wait("the safe fixes", `!document.querySelector("#text").value.includes(" فى ") && !document.body.classList.contains("busy")`)
	if d := eval("diff", `[...document.querySelectorAll("#diff .add")].map(e => e.textContent).join("\n")`); !strings.Contains(d, "في الأحياء") {
		t.Errorf("the diff view after apply-safe has no added line with في: %q", d)
	}
	ms = marks()
	if !hasMark("الأربعاء", "error") {
		t.Errorf("after the safe fixes the weekday is no longer highlighted: %+v", ms)
	}

	// 7. Ctrl+Enter checks again.
	eval("clearing the list", `document.querySelector("#findings").textContent = ""`)
	do("Ctrl+Enter", chromedp.Focus("#text"), chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	wait("the check of Ctrl+Enter", `document.querySelectorAll(".finding").length > 0`)

	// 8. Nothing the page did broke its Content-Security-Policy, and the
	// policy is in force: an inline style is not applied, and reported.
	if v := cspViolations(); len(v) > 0 {
		t.Errorf("the page breaks its Content-Security-Policy:\n%s", strings.Join(v, "\n"))
	}
	if got := eval("an inline style", `(() => {
		const s = document.createElement("style");
		s.textContent = "#text { outline: 7px solid red }";
		document.head.appendChild(s);
		return getComputedStyle(document.querySelector("#text")).outlineWidth;
	})()`); got == "7px" {
		t.Error("an inline <style> was applied: no Content-Security-Policy in force")
	}
	for deadline := time.Now().Add(5 * time.Second); len(cspViolations()) == 0; {
		if time.Now().After(deadline) {
			t.Error("the browser reported no violation of the Content-Security-Policy for an inline <style>: the check of the page's own violations sees nothing")
			break
		}
		time.Sleep(20 * time.Millisecond)
	}

	// 9. At phone width the findings come under the editor.
	do("phone width", chromedp.EmulateViewport(390, 844))
	if got := eval("layout", `String(document.querySelector(".side").getBoundingClientRect().top >= document.querySelector(".editor").getBoundingClientRect().bottom)`); got != "true" {
		t.Errorf("at 390px the findings are not under the editor")
	}
	screenshot("e2e-phone.png")
}

// e2eHTML is an article in HTML whose <pre> and <script> hold what would be
// findings in prose: in HTML only the <p> is checked.
const e2eHTML = "<p>أقر المجلس البلدي اليوم الأربعاء خطة هاذا العام.</p>\n" +
	"<pre>هاذا فى</pre>\n" +
	"<script>var s = \"هاذا فى\";</script>\n"

// The page opened from a CMS link, #text=…&date=…&format=…&lang=…: the
// fields are filled and the text checked as HTML against the date, which
// is shown in Arabic with its Hijri date. Then the format selector, the
// paste of HTML into a plain-text check, and a link with wrong values.
func TestE2EWebPageFragment(t *testing.T) {
	b := startBrowser(t)
	rec := &recordChecks{h: New(Options{})}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	count := func(sel string) string {
		return b.eval("counting "+sel, `String(document.querySelectorAll('`+sel+`').length)`)
	}

	frag := url.Values{"text": {e2eHTML}, "date": {"2024-11-22"}, "format": {"html"}, "lang": {"en"}}.Encode()
	b.do("opening the page from a link", chromedp.Navigate(srv.URL+"/#"+frag), chromedp.WaitVisible("#text"))
	b.wait("the check of the linked text", `document.querySelectorAll(".finding").length > 0 && !document.body.classList.contains("busy")`)
	if got, err := chromedp.Run(b.ctx, chromedp.Value("#text")); err != nil || got != e2eHTML {
		t.Errorf("the textarea holds %q (%v), want the linked text", got, err)
	}
	for sel, want := range map[string]string{"#format": "html", "#dateline": "2024-11-22", "#lang": "en"} {
		if got := b.eval(sel, `document.querySelector("`+sel+`").value`); got != want {
			t.Errorf("%s = %q, want %q", sel, got, want)
		}
	}
	// the link's lang=en puts the page in English at once
	if got := b.eval("the page in English", `[document.documentElement.lang, document.documentElement.dir, document.querySelector("#check").textContent, document.querySelector("#findings-title").textContent.trim()].join(" | ")`); !strings.HasPrefix(got, "en | ltr | Check | Findings ") {
		t.Errorf("a link with lang=en: %q, want the page in English", got)
	}
	if got, want := fmt.Sprint(rec.last()), fmt.Sprint(map[string]any{"text": e2eHTML, "format": "html", "dateline": "2024-11-22", "unsafe": false, "lang": "en"}); got != want {
		t.Errorf("the check request: %s\nwant %s", got, want)
	}
	// Friday 22 November 2024 is 20 Jumada al-Ula 1446.
	shown := b.eval("the date shown", `document.querySelector("#dateline-shown").hidden ? "" : document.querySelector("#dateline-shown").textContent`)
	for _, want := range []string{"الجمعة", "22 نوفمبر 2024", "(20 جمادى الأولى 1446 هـ)"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the date shown is %q, without %q", shown, want)
		}
	}
	if strings.Count(shown, "الجمعة") != 1 {
		t.Errorf("the date shown is %q: the weekday once, not again with the Hijri date", shown)
	}
	// Only the <p> is prose: its misspelling, and the weekday that is not
	// the dateline's.
	if n := count(`.finding[data-text="هاذا"]`); n != "1" {
		t.Errorf("findings on هاذا as HTML: %s, want 1 (not those in <pre> and <script>)", n)
	}
	if n := count(`.finding[data-rule="dates/relative-day"][data-text="الأربعاء"]`); n != "1" {
		t.Errorf("findings on الأربعاء against the linked date: %s, want 1", n)
	}
	b.screenshot("e2e-fragment.png")

	// The format selector: as plain text, <pre> and <script> are checked too.
	b.eval("choosing plain text", `(() => { const f = document.querySelector("#format"); f.value = "txt"; f.dispatchEvent(new Event("change")); return ""; })()`)
	b.wait("the check as plain text", `document.querySelectorAll('.finding[data-text="هاذا"]').length === 3 && !document.body.classList.contains("busy")`)
	if got := fmt.Sprint(rec.last()["format"]); got != "txt" {
		t.Errorf("after choosing plain text the request's format is %q", got)
	}

	// Pasting HTML into a plain-text check offers the HTML format; one
	// click takes it and checks again.
	paste := func(s string) {
		b.eval("pasting", `(() => {
			const dt = new DataTransfer();
			dt.setData("text/plain", `+jsString(s)+`);
			document.querySelector("#text").dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
			return "";
		})()`)
	}
	paste("قال هاذا")
	if got := b.eval("the hint", `String(document.querySelector("#format-hint").hidden)`); got != "true" {
		t.Error("pasting plain text offers the HTML format")
	}
	paste(" <p>قال هاذا</p>")
	if got := b.eval("the hint", `String(document.querySelector("#format-hint").hidden)`); got != "false" {
		t.Fatal("pasting HTML into a plain-text check does not offer the HTML format")
	}
	b.do("taking the HTML format", chromedp.Click("#use-html"))
	b.wait("the check as HTML", `document.querySelectorAll('.finding[data-text="هاذا"]').length === 1 && !document.body.classList.contains("busy")`)
	if got := b.eval("format and hint", `document.querySelector("#format").value + " " + document.querySelector("#format-hint").hidden`); got != "html true" {
		t.Errorf("after taking the HTML format: %s, want html true", got)
	}

	// A new link in the same tab: wrong values are named and left alone,
	// in the page's language, English still.
	b.eval("following a link", `(location.hash = "#text=" + encodeURIComponent("قال إن هاذا خبر") + "&date=2024-02-30&format=docx", "")`)
	b.wait("the check of the new link", `document.querySelector("#text").value === "قال إن هاذا خبر" && document.querySelector("#status").textContent.includes("date “2024-02-30”") && !document.body.classList.contains("busy")`)
	if got := b.eval("fields", `document.querySelector("#format").value + " " + document.querySelector("#dateline").value`); got != "html 2024-11-22" {
		t.Errorf("a link with a wrong date and format changed the fields: %s", got)
	}
	if st := b.eval("status", `document.querySelector("#status").textContent`); !strings.HasPrefix(st, "Invalid values in the link were ignored: format “docx”, date “2024-02-30”. Findings: ") {
		t.Errorf("the status does not name the wrong values in English: %s", st)
	}
	// and in Arabic, with lang=ar in the link
	b.eval("following a link", `(location.hash = "#text=" + encodeURIComponent("قال إن هاذا خبر") + "&date=2024-02-30&format=docx&lang=ar", "")`)
	b.wait("the check of the Arabic link", `document.querySelector("#status").textContent.includes("التاريخ «2024-02-30»") && !document.body.classList.contains("busy")`)
	if st := b.eval("status", `document.documentElement.lang + " " + document.querySelector("#status").textContent`); !strings.HasPrefix(st, "ar تُجوهل في الرابط ما لا يصح: الصيغة «docx»، التاريخ «2024-02-30». عدد الملاحظات: ") {
		t.Errorf("the status does not name the wrong values in Arabic: %s", st)
	}
	if v := b.cspViolations(); len(v) > 0 {
		t.Errorf("the page breaks its Content-Security-Policy:\n%s", strings.Join(v, "\n"))
	}
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// The page shows the server's errors in the chosen language: a text over
// the server's limit is refused (413) before its body, which ends with
// "lang", is read, so the page sends ?lang= too.
func TestE2EWebPageErrorLanguage(t *testing.T) {
	b := startBrowser(t)
	srv := httptest.NewServer(New(Options{MaxBody: 3000}))
	defer srv.Close()
	b.do("opening the page", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("#text"))
	b.wait("app.js", `window.daqiq !== undefined`)
	long := strings.Repeat("خبر ", 2000) // 14000 bytes of JSON
	b.eval("a long text", `(document.querySelector("#text").value = `+jsString(long)+`, "")`)
	status := func(what, want string) {
		t.Helper()
		b.do("checking", chromedp.Click("#check"))
		b.wait(what, `!document.body.classList.contains("busy") && document.querySelector("#status").classList.contains("error")`)
		if got := b.eval("status", `document.querySelector("#status").textContent`); !strings.Contains(got, want) {
			t.Errorf("%s: the status is %q, want %q in it", what, got, want)
		}
	}
	status("the error in Arabic", "تعذّر التدقيق: 413: متن الطلب أكبر من الحد المسموح (3000 بايت)")
	b.eval("choosing English", `(() => { const s = document.querySelector("#lang"); s.value = "en"; s.dispatchEvent(new Event("change")); return ""; })()`)
	status("the error in English", "Could not check: 413: request body over 3000 bytes")
}

// e2eWire and e2eRewrite: a wire copy and the article rewritten from it two
// days later, with a changed number (180 → 210) and the wire's «اليوم
// الثلاثاء» left stale.
const (
	e2eWire = "الرباط - الثلاثاء 14 مايو 2024\n" +
		"افتتح وزير الفلاحة المغربي، اليوم الثلاثاء، المعرض الدولي للتمور في مدينة أرفود بمشاركة 180 عارضا من 12 دولة.\n" +
		"وقال الوزير إن المعرض ينتظر هذا العام نحو 90 ألف زائر."
	e2eRewrite = "الخميس 16 مايو 2024\n" +
		"افتتح وزير الفلاحة المغربي، اليوم الثلاثاء، المعرض الدولي للتمور في مدينة أرفود بمشاركة 210 عارضين من 12 دولة.\n" +
		"وأوضح الوزير أن المعرض ينتظر هذا العام نحو تسعين ألف زائر."
)

// The second box, «نص الوكالة (اختياري)»: folded at first; the wire typed
// into it is sent as source, and the source rules' findings come on the
// article; a change to it makes the findings stale; a link's &source=
// fills it and opens it.
func TestE2EWebPageSource(t *testing.T) {
	b := startBrowser(t)
	rec := &recordChecks{h: New(Options{})}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	idle := `!document.body.classList.contains("busy")`
	count := func(sel string) string {
		return b.eval("counting "+sel, `String(document.querySelectorAll('`+sel+`').length)`)
	}

	b.do("opening the page", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("#text"))
	b.wait("app.js", `window.daqiq !== undefined`)
	if got := b.eval("the box", `document.querySelector("#source-box summary").textContent + " " + document.querySelector("#source-box").open`); got != "نص الوكالة (اختياري) false" {
		t.Errorf("the wire's box: %q, want its Arabic label, folded", got)
	}
	if got := b.eval("the box's label", `document.querySelector("#source").getAttribute("aria-labelledby")`); got != "source-label" {
		t.Errorf("the wire's textarea is labelled by %q", got)
	}

	// Without a wire: no source in the request, no source findings.
	b.do("typing the article", chromedp.Click("#text"), chromedp.SendKeys("#text", e2eRewrite))
	b.do("checking", chromedp.Click("#check"), chromedp.WaitVisible(".finding"))
	b.wait("the check", idle)
	if _, ok := rec.last()["source"]; ok {
		t.Errorf("an empty wire box sent a source: %v", rec.last())
	}
	if n := count(`.finding[data-rule^="source/"]`); n != "0" {
		t.Errorf("source findings without a wire: %s", n)
	}

	// Open the box, type the wire into it, check.
	b.do("opening the wire's box", chromedp.Click("#source-box summary"), chromedp.WaitVisible("#source"))
	b.do("typing the wire", chromedp.Click("#source"), chromedp.SendKeys("#source", e2eWire))
	if got, err := chromedp.Run(b.ctx, chromedp.Value("#source")); err != nil || got != e2eWire {
		t.Fatalf("the wire's box holds %q (%v)", got, err)
	}
	b.do("checking", chromedp.Click("#check"))
	b.wait("the source findings", `document.querySelectorAll('.finding[data-rule="source/number"]').length === 1 && `+idle)
	if got := fmt.Sprint(rec.last()["source"]); got != e2eWire {
		t.Errorf("the request's source is %q, want the wire typed", got)
	}
	if got := fmt.Sprint(rec.last()["text"]); got != e2eRewrite {
		t.Errorf("the request's text is %q, want the article", got)
	}
	number := `.finding[data-rule="source/number"]`
	if got := b.eval("the finding", `document.querySelector('`+number+`').dataset.text + " | " + document.querySelector('`+number+` .message').textContent`); got != "210 | «210» يخالف المصدر: في المصدر (source:2) «180»" {
		t.Errorf("the number's finding: %q", got)
	}
	if n := count(`.finding[data-rule="source/date"][data-text="اليوم الثلاثاء"]`); n != "1" {
		t.Errorf("findings of the stale weekday against the wire: %s, want 1", n)
	}
	// the rewording (وأوضح، تسعين) is not flagged
	if n := count(`.finding[data-rule^="source/"]`); n != "2" {
		t.Errorf("source findings: %s, want 2", n)
	}
	found := false
	for _, m := range b.marks() {
		found = found || m.Text == "210" && strings.Contains(m.Class, "warning")
	}
	if !found {
		t.Errorf("no highlight on 210: %+v", b.marks())
	}
	b.screenshot("e2e-source.png")

	// Typing in the wire's box makes the findings stale.
	b.do("editing the wire", chromedp.SendKeys("#source", " "))
	b.wait("the stale findings", `document.querySelector("#findings").classList.contains("stale")`)
	if st := b.eval("status", `document.querySelector("#status").textContent`); !strings.Contains(st, "تغيّر نص الوكالة") {
		t.Errorf("the status after editing the wire: %q", st)
	}

	// A link with &source=: the box is filled and opened, the text checked
	// against it.
	frag := url.Values{"text": {e2eRewrite}, "source": {e2eWire}, "lang": {"en"}}.Encode()
	b.do("opening a link", chromedp.Navigate(srv.URL+"/?fresh#"+frag), chromedp.WaitVisible("#text"))
	b.wait("the check of the link", `document.querySelectorAll('.finding[data-rule="source/number"]').length === 1 && `+idle)
	if got := b.eval("the box", `document.querySelector("#source-box").open + " " + (document.querySelector("#source").value === `+jsString(e2eWire)+`)`); got != "true true" {
		t.Errorf("after a link with a source the box is: %s, want open and filled", got)
	}
	if got := b.eval("the message", `document.querySelector('`+number+` .message').textContent`); got != "“210”: the wire (source:2) says “180”" {
		t.Errorf("the message in English: %q", got)
	}
	if v := b.cspViolations(); len(v) > 0 {
		t.Errorf("the page breaks its Content-Security-Policy:\n%s", strings.Join(v, "\n"))
	}
}
