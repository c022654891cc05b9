package serve

import (
	"context"
	"net/http/httptest"
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

func TestE2EWebPage(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser test")
	}
	exe := chromiumPath()
	if exe == "" {
		t.Skip("chromium not installed: no browser test")
	}
	srv := httptest.NewServer(New(Options{}))
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	// Start the browser on a context without a deadline: a timeout on the
	// first Run would stop the whole browser.
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	ctx, cancel := context.WithTimeout(browserCtx, 90*time.Second)
	defer cancel()
	dir := artifactDir(t)

	// The browser's messages about the Content-Security-Policy: the page
	// must work under it without breaking it.
	var (
		mu         sync.Mutex
		violations []string
	)
	cspViolations := func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), violations...)
	}
	consoleCtx, stopConsole := context.WithCancel(ctx)
	defer stopConsole()
	messages := chromedp.Console(consoleCtx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if strings.Contains(m.Text, "Content Security Policy") {
				mu.Lock()
				violations = append(violations, m.String())
				mu.Unlock()
			}
		}
	}()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(what, js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
	// wait polls a JavaScript condition for up to 20 seconds.
	wait := func(what, js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("waiting for %s (%s): %v\nstatus: %s", what, js, err,
				eval("status", `document.querySelector("#status").textContent`))
		}
	}
	marks := func() []e2eMark {
		t.Helper()
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[[]e2eMark](
			`[...document.querySelectorAll("#mirror mark")].map(m => ({text: m.textContent, cls: m.className}))`))
		if err != nil {
			t.Fatalf("reading the highlights: %v", err)
		}
		return ms
	}
	screenshot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}

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

	// 4. The rule's explanation, loaded on demand from /api/v1/rules.
	misspelled := `.finding[data-text="مواليين"]`
	do("explaining the rule", chromedp.Click(misspelled+" .explain"), chromedp.WaitVisible(misspelled+" .doc dd"))
	eval("scrolling to the explanation", `document.querySelector('`+misspelled+` .doc').scrollIntoView({block: "end"}), ""`)
	screenshot("e2e-check.png")

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
