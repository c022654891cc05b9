package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// line is an article's line with an emoji (two UTF-16 code units, four
// bytes) before Arabic text: إجتماع is flagged at code points 13–19,
// UTF-16 units 14–20, bytes 25–37.
const line = "😀 عقد الوزير إجتماع مع المديرين.\n"

const clean = "😀 عقد الوزير اجتماع مع المديرين.\n"

func init() {
	// a configuration named in the environment would change the rules
	os.Unsetenv("DAQIQ_CONFIG")
	os.Unsetenv("DAQIQ_LANG")
}

func rng(l1, c1, l2, c2 int) Range {
	return Range{Start: Position{l1, c1}, End: Position{l2, c2}}
}

// TestProtocol is a session from initialize to exit: the diagnostics of
// an opened document, its code actions, an incremental change that clears
// them (an empty list, not null), shutdown and exit.
func TestProtocol(t *testing.T) {
	c := newClient(t, Options{Debounce: 20 * time.Millisecond, Version: "test"})
	init := c.initialize(nil, nil)
	caps := init["capabilities"].(map[string]any)
	if caps["positionEncoding"] != "utf-16" {
		t.Errorf("positionEncoding %v, want utf-16 when the client offers none", caps["positionEncoding"])
	}
	if sync := caps["textDocumentSync"].(map[string]any); sync["change"] != 2.0 || sync["openClose"] != true {
		t.Errorf("textDocumentSync %v", sync)
	}
	uri := tempFile(t, t.TempDir(), "a.txt", line)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": line}})
	ds := c.diagnostics(uri, 1)
	if len(ds) != 1 {
		t.Fatalf("got %d diagnostics, want 1: %+v", len(ds), ds)
	}
	d := ds[0]
	if d.Range != rng(0, 14, 0, 20) || d.Severity != SeverityError || d.Code != "spelling/hamzat-wasl" || d.Source != "daqiq" || d.CodeDescription != nil {
		t.Errorf("diagnostic %+v", d)
	}
	if !strings.Contains(d.Message, "اجتماع") {
		t.Errorf("message %q, want the Arabic message", d.Message)
	}

	var actions []CodeAction
	c.result("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri}, "range": rng(0, 15, 0, 15),
		"context": map[string]any{"diagnostics": ds},
	}, &actions)
	var fix, all *CodeAction
	for i, a := range actions {
		switch a.Kind {
		case KindQuickFix:
			if fix == nil {
				fix = &actions[i]
			}
			if strings.Contains(a.Title, "daqiq-disable") {
				t.Errorf("an ignore action in plain text: %q", a.Title)
			}
		case KindFixAll:
			all = &actions[i]
		}
	}
	if fix == nil || all == nil {
		t.Fatalf("actions %+v: want a quick fix and a fix-all", actions)
	}
	if !fix.IsPreferred || fix.Title != "اكتب «اجتماع»" || len(fix.Diagnostics) != 1 {
		t.Errorf("quick fix %+v", fix)
	}
	edits := fix.Edit.Changes[uri]
	if len(edits) != 1 || edits[0].Range != rng(0, 14, 0, 20) || edits[0].NewText != "اجتماع" {
		t.Errorf("quick fix edits %+v", edits)
	}
	if got := applyEdits(t, line, all.Edit.Changes[uri], utf16); got != clean {
		t.Errorf("fix-all gives %q, want %q", got, clean)
	}
	// only the fix-all kind, as editors ask on save
	c.result("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri}, "range": rng(0, 0, 0, 0),
		"context": map[string]any{"diagnostics": []any{}, "only": []string{"source.fixAll"}},
	}, &actions)
	if len(actions) != 1 || actions[0].Kind != KindFixAll {
		t.Errorf("only source.fixAll: %+v", actions)
	}

	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": edits[0].Range, "text": edits[0].NewText}},
	})
	p, raw := c.diagnosticsRaw(uri, 2, true)
	if len(p.Diagnostics) != 0 || !strings.Contains(string(raw), `"diagnostics":[]`) {
		t.Errorf("after the fix: %s, want an empty list", raw)
	}
	var hover *Hover
	c.result("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{0, 15}}, &hover)
	if hover != nil {
		t.Errorf("hover on a clean text: %+v", hover)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code %d after shutdown, want 0", code)
	}
}

// TestProtocolErrors: requests before initialize, unknown methods, after
// shutdown, and exit without shutdown.
func TestProtocolErrors(t *testing.T) {
	c := newClient(t, Options{})
	if m := c.call("textDocument/hover", map[string]any{}); m.Error == nil || m.Error.Code != codeNotInitialized {
		t.Errorf("before initialize: %+v", m.Error)
	}
	c.initialize(nil, nil)
	if m := c.call("workspace/symbol", map[string]any{"query": ""}); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Errorf("unknown method: %+v", m.Error)
	}
	c.notify("$/cancelRequest", map[string]any{"id": 1}) // ignored
	if m := c.call("shutdown", nil); m.Error != nil {
		t.Fatal(m.Error)
	}
	if m := c.call("textDocument/hover", map[string]any{}); m.Error == nil || m.Error.Code != codeInvalidRequest {
		t.Errorf("after shutdown: %+v", m.Error)
	}
	c.notify("exit", nil)
	if code := <-c.code; code != 0 {
		t.Errorf("exit code %d", code)
	}

	c = newClient(t, Options{})
	c.initialize(nil, nil)
	c.notify("exit", nil)
	if code := <-c.code; code != 1 {
		t.Errorf("exit without shutdown: code %d, want 1", code)
	}
}

// TestEncodings: the same finding in each position encoding the client
// may offer, and an incremental edit given in that encoding.
func TestEncodings(t *testing.T) {
	for _, tc := range []struct {
		offered []string
		want    string
		r       Range
		emoji   int // the emoji's width in the encoding
	}{
		{[]string{"utf-16"}, "utf-16", rng(0, 14, 0, 20), 2},
		{[]string{"utf-8", "utf-16"}, "utf-8", rng(0, 25, 0, 37), 4},
		{[]string{"utf-32", "utf-16"}, "utf-32", rng(0, 13, 0, 19), 1},
		{[]string{"x-unknown"}, "utf-16", rng(0, 14, 0, 20), 2},
	} {
		t.Run(tc.want+"/"+tc.offered[0], func(t *testing.T) {
			c := newClient(t, Options{Debounce: 10 * time.Millisecond})
			res := c.initialize(tc.offered, nil)
			if got := res["capabilities"].(map[string]any)["positionEncoding"]; got != tc.want {
				t.Fatalf("positionEncoding %v, want %s", got, tc.want)
			}
			uri := tempFile(t, t.TempDir(), "a.txt", line)
			c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": line}})
			if ds := c.diagnostics(uri, 1); len(ds) != 1 || ds[0].Range != tc.r {
				t.Fatalf("diagnostics %+v, want one at %+v", ds, tc.r)
			}
			// a second line, then a second emoji at the start of the
			// first: the finding moves by the emoji's width
			c.notify("textDocument/didChange", map[string]any{
				"textDocument": map[string]any{"uri": uri, "version": 2},
				"contentChanges": []any{
					map[string]any{"range": rng(1, 0, 1, 0), "text": "سطر ثان فيه إجتماع آخر.\n"},
					map[string]any{"range": rng(0, tc.emoji, 0, tc.emoji), "text": "🎉"},
				},
			})
			ds := c.diagnostics(uri, 2)
			if len(ds) != 2 {
				t.Fatalf("diagnostics %+v, want two", ds)
			}
			want := tc.r
			want.Start.Character += tc.emoji
			want.End.Character += tc.emoji
			if ds[0].Range != want || ds[1].Range.Start.Line != 1 {
				t.Errorf("diagnostics at %+v and %+v, want %+v and line 1", ds[0].Range, ds[1].Range, want)
			}
			// delete the first line whole: the second line's finding
			// comes up to line 0
			c.notify("textDocument/didChange", map[string]any{
				"textDocument":   map[string]any{"uri": uri, "version": 3},
				"contentChanges": []any{map[string]any{"range": rng(0, 0, 1, 0), "text": ""}},
			})
			if ds := c.diagnostics(uri, 3); len(ds) != 1 || ds[0].Range.Start.Line != 0 {
				t.Errorf("after deleting line 0: %+v", ds)
			}
		})
	}
}

// TestPositions: offsets and positions round trip in every encoding,
// past the end of a line and inside a character.
func TestPositions(t *testing.T) {
	src := "a😀ب\r\nسطر\n\nx"
	tx := newText([]byte(src))
	for _, enc := range []encoding{utf16, utf8enc, utf32} {
		for off := 0; off <= len(src); off++ {
			if off < len(src) && (src[off]&0xC0 == 0x80) {
				continue // inside a character
			}
			if off > 0 && src[off-1] == '\r' {
				continue // between \r and \n: not a position
			}
			p := tx.position(off, enc)
			if back := tx.offset(p, enc); back != off {
				t.Errorf("%s: offset %d → %+v → %d", enc, off, p, back)
			}
		}
	}
	// past the end of line 0 is its end, before \r\n
	if got := tx.offset(Position{0, 99}, utf16); got != len("a😀ب") {
		t.Errorf("past the line's end: %d", got)
	}
	// inside the surrogate pair: the emoji's start
	if got := tx.offset(Position{0, 2}, utf16); got != 1 {
		t.Errorf("inside a surrogate pair: %d", got)
	}
	if got := tx.offset(Position{9, 0}, utf16); got != len(src) {
		t.Errorf("past the last line: %d", got)
	}
}

// TestDebounce: five changes in quick succession are checked once, the
// last version published, not before the debounce has passed.
func TestDebounce(t *testing.T) {
	const wait = 150 * time.Millisecond
	c := newClient(t, Options{Debounce: wait})
	c.initialize(nil, nil)
	uri := tempFile(t, t.TempDir(), "a.txt", clean)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": clean}})
	if ds := c.diagnostics(uri, 1); len(ds) != 0 {
		t.Fatalf("clean text: %+v", ds)
	}
	var last time.Time
	for v := 2; v <= 6; v++ {
		text := clean
		if v%2 == 0 {
			text = line
		}
		c.notify("textDocument/didChange", map[string]any{
			"textDocument": map[string]any{"uri": uri, "version": v}, "contentChanges": []any{map[string]any{"text": text}},
		})
		last = time.Now()
		time.Sleep(10 * time.Millisecond)
	}
	p, _ := c.diagnosticsRaw(uri, 6, true) // fails on an earlier version
	if len(p.Diagnostics) != 1 {
		t.Errorf("version 6 has one finding, got %+v", p.Diagnostics)
	}
	if since := time.Since(last); since < wait {
		t.Errorf("published %v after the last change, before the debounce of %v", since, wait)
	}
}

// TestMarkdownIgnore: in Markdown the "ignore this rule on this line"
// action writes a comment that silences the finding, on a line of its
// own before a paragraph and at the end of the line before inside one;
// in HTML on a line of its own.
func TestMarkdownIgnore(t *testing.T) {
	for _, tc := range []struct{ name, lang, text string }{
		{"first.md", "markdown", "# عنوان\n\n" + line},
		{"inside.md", "markdown", "# عنوان\n\nسطر أول من الفقرة\n" + line + "سطر أخير.\n"},
		{"list.md", "markdown", "- بند أول\n- " + line},
		{"page.html", "html", "<p>\n  " + strings.TrimSuffix(line, "\n") + "\n</p>\n"},
		{"byext.html", "", "<p>\n  " + strings.TrimSuffix(line, "\n") + "\n</p>\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, Options{Debounce: 10 * time.Millisecond})
			c.initialize(nil, nil)
			uri := tempFile(t, t.TempDir(), tc.name, tc.text)
			c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": tc.lang, "version": 1, "text": tc.text}})
			ds := c.diagnostics(uri, 1)
			if len(ds) != 1 {
				t.Fatalf("diagnostics %+v", ds)
			}
			var actions []CodeAction
			c.result("textDocument/codeAction", map[string]any{
				"textDocument": map[string]any{"uri": uri}, "range": ds[0].Range,
				"context": map[string]any{"diagnostics": ds, "only": []string{"quickfix"}},
			}, &actions)
			var ignore *CodeAction
			for i, a := range actions {
				if strings.Contains(a.Title, "spelling/hamzat-wasl") && strings.Contains(a.Title, "daqiq-disable-next-line") {
					ignore = &actions[i]
				}
				if a.Kind != KindQuickFix {
					t.Errorf("only quickfix asked, got %s", a.Kind)
				}
			}
			if ignore == nil {
				t.Fatalf("no ignore action in %+v", actions)
			}
			fixed := applyEdits(t, tc.text, ignore.Edit.Changes[uri], utf16)
			if !strings.Contains(fixed, "<!-- daqiq-disable-next-line spelling/hamzat-wasl -->") {
				t.Fatalf("no comment in %q", fixed)
			}
			t.Logf("%q", fixed)
			c.notify("textDocument/didChange", map[string]any{
				"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": fixed}},
			})
			if ds := c.diagnostics(uri, 2); len(ds) != 0 {
				t.Errorf("after the comment: %+v in %q", ds, fixed)
			}
		})
	}
}

// TestConfigReload: .daqiq.toml is found from the document's path, and
// read again when the client reports it changed.
func TestConfigReload(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "news")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, ".daqiq.toml")
	write := func(s string) {
		if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("lang = \"en\"\n[rules.\"spelling/hamzat-wasl\"]\nenabled = false\n")
	c := newClient(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(nil, nil)
	uri := tempFile(t, sub, "a.txt", line)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": line}})
	if ds := c.diagnostics(uri, 1); len(ds) != 0 {
		t.Fatalf("the rule is off in the configuration: %+v", ds)
	}
	write("lang = \"en\"\n[rules.\"spelling/hamzat-wasl\"]\nlevel = \"warning\"\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(cfg), "type": 2}}})
	ds := c.diagnostics(uri, 1)
	if len(ds) != 1 || ds[0].Severity != SeverityWarning || !strings.Contains(ds[0].Message, "connecting hamza") {
		t.Fatalf("after the reload: %+v, want one English warning", ds)
	}
	// a configuration that does not load: the user is told, and the
	// defaults apply
	write("[rules.\"no/such-rule\"]\nenabled = false\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(cfg), "type": 2}}})
	for {
		m := <-c.notes
		if m.Method == "window/showMessage" {
			if !strings.Contains(string(m.Params), "no/such-rule") {
				t.Errorf("showMessage %s", m.Params)
			}
			break
		}
	}
	if ds := c.diagnostics(uri, 1); len(ds) != 1 || ds[0].Severity != SeverityError {
		t.Errorf("with the defaults: %+v", ds)
	}
}

// TestSettings: initializationOptions set the language, the dateline and
// the rule pages; didChangeConfiguration changes them.
func TestSettings(t *testing.T) {
	c := newClient(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(nil, map[string]any{"lang": "en", "rulePages": "http://localhost:8080/rules", "dateline": "2024-11-22"})
	uri := tempFile(t, t.TempDir(), "a.txt", line)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": line}})
	ds := c.diagnostics(uri, 1)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "connecting hamza") {
		t.Fatalf("English: %+v", ds)
	}
	if ds[0].CodeDescription == nil || ds[0].CodeDescription.Href != "http://localhost:8080/rules/spelling/hamzat-wasl?lang=en" {
		t.Errorf("codeDescription %+v", ds[0].CodeDescription)
	}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"daqiq": map[string]any{"lang": "ar", "rulePages": ""}}})
	ds = c.diagnostics(uri, 1)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "همزة وصل") || ds[0].CodeDescription != nil {
		t.Errorf("Arabic, no link: %+v", ds)
	}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"dateline": "2024-13-01"}})
	for {
		m := <-c.notes
		if m.Method == "window/showMessage" {
			if !strings.Contains(string(m.Params), "2024-13-01") {
				t.Errorf("showMessage %s", m.Params)
			}
			break
		}
	}
}

// TestDateline: the dateline of initializationOptions is the one the
// date rules check against.
func TestDateline(t *testing.T) {
	text := "قال الوزير اليوم الأربعاء إن الخطة جاهزة.\n"
	check := func(opts any) []Diagnostic {
		c := newClient(t, Options{Debounce: 10 * time.Millisecond})
		c.initialize(nil, opts)
		uri := tempFile(t, t.TempDir(), "a.txt", text)
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
		return c.diagnostics(uri, 1)
	}
	if ds := check(map[string]any{"dateline": "2024-11-20"}); len(ds) != 0 { // a Wednesday
		t.Errorf("on a Wednesday: %+v", ds)
	}
	ds := check(map[string]any{"dateline": "2024-11-22"}) // a Friday
	if len(ds) == 0 || !strings.HasPrefix(ds[0].Code, "dates/") {
		t.Errorf("on a Friday: %+v, want a dates finding", ds)
	}
}

// TestHover: the rule's documentation in the messages' language.
func TestHover(t *testing.T) {
	for _, tc := range []struct {
		opts any
		want string
	}{
		{nil, "## "},
		{map[string]any{"lang": "en"}, "## What it does"},
	} {
		c := newClient(t, Options{Debounce: 10 * time.Millisecond})
		c.initialize(nil, tc.opts)
		uri := tempFile(t, t.TempDir(), "a.txt", line)
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": line}})
		// at once, before the diagnostics: the hover checks the text itself
		var h *Hover
		c.result("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{0, 16}}, &h)
		if h == nil || h.Contents.Kind != "markdown" || !strings.Contains(h.Contents.Value, "spelling/hamzat-wasl") || !strings.Contains(h.Contents.Value, tc.want) {
			t.Fatalf("hover %+v", h)
		}
		if h.Range == nil || *h.Range != rng(0, 14, 0, 20) {
			t.Errorf("hover range %+v", h.Range)
		}
		if tc.opts == nil && !strings.Contains(h.Contents.Value, "همزة") {
			t.Errorf("hover not Arabic: %q", h.Contents.Value)
		}
		c.result("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{0, 3}}, &h)
		if h != nil {
			t.Errorf("hover away from a finding: %+v", h)
		}
	}
}

// TestFraming: a message split across writes, headers in any case and a
// Content-Type header are read; a body that is not JSON is answered with
// a parse error and the session goes on.
func TestFraming(t *testing.T) {
	c := newClient(t, Options{})
	body := `{"jsonrpc":"2.0","id":"x","method":"initialize","params":{"capabilities":{}}}`
	msg := "content-length: " + itoa(len(body)) + "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body
	ch := make(chan *message, 1)
	c.mu.Lock()
	c.calls[`"x"`] = ch
	c.mu.Unlock()
	for _, part := range []string{msg[:10], msg[10:50], msg[50:]} {
		c.w.Write([]byte(part))
		time.Sleep(5 * time.Millisecond)
	}
	m := <-ch
	if m.Error != nil || !json.Valid(m.Result) {
		t.Fatalf("initialize in pieces: %+v", m)
	}
	c.w.Write([]byte("Content-Length: 5\r\n\r\nnope!"))
	if m := c.call("shutdown", nil); m.Error != nil {
		t.Errorf("after a bad message: %+v", m.Error)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
