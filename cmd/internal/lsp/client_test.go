package lsp

import (
	"bufio"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// client is a test's LSP client: it talks to a server run by Serve over
// in-memory pipes, as an editor would over the process's stdio.
type client struct {
	t     testing.TB
	w     io.WriteCloser
	mu    sync.Mutex
	calls map[string]chan *message
	notes chan *message
	code  chan int
	next  int
}

func newClient(t testing.TB, o Options) *client {
	t.Helper()
	if o.Log == nil {
		lw := &testLog{t: t}
		o.Log = lw
		t.Cleanup(func() { lw.mu.Lock(); lw.done = true; lw.mu.Unlock() })
	}
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, w: inW, calls: map[string]chan *message{}, notes: make(chan *message, 1<<16), code: make(chan int, 1)}
	go func() {
		c.code <- Serve(inR, outW, o)
		outW.Close()
	}()
	go func() {
		r := bufio.NewReader(outR)
		for {
			m, err := readMessage(r)
			if err != nil {
				close(c.notes)
				return
			}
			if m.Method != "" || m.ID == nil {
				c.notes <- m
				continue
			}
			c.mu.Lock()
			ch := c.calls[string(*m.ID)]
			c.mu.Unlock()
			if ch != nil {
				ch <- m
			}
		}
	}()
	t.Cleanup(func() { inW.Close() })
	return c
}

// testLog writes the server's log to the test's, until the test ends
// (a check can still finish after it).
type testLog struct {
	t    testing.TB
	mu   sync.Mutex
	done bool
}

func (l *testLog) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.done {
		l.t.Log(strings.TrimRight(string(b), "\n"))
	}
	return len(b), nil
}

func (c *client) send(v any) {
	c.t.Helper()
	body, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := io.WriteString(c.w, "Content-Length: "+strconv.Itoa(len(body))+"\r\n\r\n"+string(body)); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// call sends a request and returns its answer.
func (c *client) call(method string, params any) *message {
	c.t.Helper()
	c.mu.Lock()
	c.next++
	id := strconv.Itoa(c.next)
	ch := make(chan *message, 1)
	c.calls[id] = ch
	c.mu.Unlock()
	c.send(map[string]any{"jsonrpc": "2.0", "id": c.next, "method": method, "params": params})
	select {
	case m := <-ch:
		return m
	case <-time.After(20 * time.Second):
		c.t.Fatalf("no answer to %s", method)
	}
	return nil
}

// result calls and decodes the result into v, failing on an error.
func (c *client) result(method string, params, v any) {
	c.t.Helper()
	m := c.call(method, params)
	if m.Error != nil {
		c.t.Fatalf("%s: error %d %s", method, m.Error.Code, m.Error.Message)
	}
	if v != nil {
		if err := json.Unmarshal(m.Result, v); err != nil {
			c.t.Fatalf("%s: %v in %s", method, err, m.Result)
		}
	}
}

// initialize runs initialize and initialized; it returns the result.
func (c *client) initialize(encodings []string, options any) map[string]any {
	c.t.Helper()
	caps := map[string]any{"textDocument": map[string]any{"hover": map[string]any{"contentFormat": []string{"markdown", "plaintext"}}}}
	if encodings != nil {
		caps["general"] = map[string]any{"positionEncodings": encodings}
	}
	var res map[string]any
	c.result("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps, "initializationOptions": options}, &res)
	c.notify("initialized", map[string]any{})
	return res
}

// diagnostics waits for the diagnostics of uri at version, skipping
// other notifications; it fails on a publication for another version of
// uri when strict.
func (c *client) diagnostics(uri string, version int32) []Diagnostic {
	c.t.Helper()
	p, _ := c.diagnosticsRaw(uri, version, false)
	return p.Diagnostics
}

func (c *client) diagnosticsRaw(uri string, version int32, strict bool) (PublishDiagnosticsParams, json.RawMessage) {
	c.t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case m, ok := <-c.notes:
			if !ok {
				c.t.Fatal("the server closed its output")
			}
			if m.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p PublishDiagnosticsParams
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.t.Fatal(err)
			}
			if p.URI != uri {
				continue
			}
			if p.Version != nil && *p.Version == version {
				return p, m.Params
			}
			if strict {
				c.t.Fatalf("diagnostics published for version %v, want only version %d", *p.Version, version)
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s version %d", uri, version)
		}
	}
}

// shutdown sends shutdown and exit and returns the exit code.
func (c *client) shutdown() int {
	c.t.Helper()
	m := c.call("shutdown", nil)
	if m.Error != nil || string(m.Result) != "null" {
		c.t.Fatalf("shutdown: %s %v", m.Result, m.Error)
	}
	c.notify("exit", nil)
	select {
	case code := <-c.code:
		return code
	case <-time.After(10 * time.Second):
		c.t.Fatal("the server did not exit")
	}
	return -1
}

// tempFile writes a document into a new directory (no .daqiq.toml above
// it: the temporary directory's) and returns its file URI.
func tempFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return fileURI(p)
}

func fileURI(p string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
}

// applyEdits applies one document's edits of a workspace edit to text,
// with positions in enc, as an editor does: all against the original.
func applyEdits(t testing.TB, src string, edits []TextEdit, enc encoding) string {
	t.Helper()
	tx := newText([]byte(src))
	type span struct {
		a, b int
		s    string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{tx.offset(e.Range.Start, enc), tx.offset(e.Range.End, enc), e.NewText})
	}
	out := src
	for i := len(spans) - 1; i >= 0; i-- { // edits come sorted and apart
		out = out[:spans[i].a] + spans[i].s + out[spans[i].b:]
	}
	return out
}
