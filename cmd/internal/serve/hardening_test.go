package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/daqiq/daqiq/engine"
)

// Every answer forbids framing and sniffing, and the page may load its own
// files only: no inline script or style, which the page must then not need.
func TestServeSecurityHeaders(t *testing.T) {
	ts := testServer(t, Options{})
	for _, p := range []string{"/", "/app.js", "/api/v1/rules", "/healthz", "/no-such-file"} {
		res, _ := get(t, ts.URL+p)
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: Content-Security-Policy %q has no %s", p, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-") || strings.Contains(csp, "*") {
			t.Errorf("%s: Content-Security-Policy %q allows more than the page's own files", p, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: %v", p, h)
		}
	}
	// what the policy would block: inline <script> or <style>, style and
	// on... attributes, javascript: URLs
	script := regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script`)
	inline := regexp.MustCompile(`(?i)<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:`)
	web, _ := fs.Sub(webFiles, "web")
	fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, _ := fs.ReadFile(web, p)
		if m := inline.Find(b); m != nil {
			t.Errorf("web/%s has inline code the Content-Security-Policy blocks: %q", p, m)
		}
		for _, m := range script.FindAllSubmatch(b, -1) {
			if !bytes.Contains(m[1], []byte("src=")) || len(bytes.TrimSpace(m[2])) > 0 {
				t.Errorf("web/%s has an inline script the Content-Security-Policy blocks: %q", p, m[0])
			}
		}
		return nil
	})
	if !bytes.Contains(mustRead(t, web, "index.html"), []byte(`<script src="app.js"`)) {
		t.Error("index.html no longer loads app.js as a file: the test of its inline code needs a look")
	}
}

func mustRead(t *testing.T, fsys fs.FS, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The JSON API takes JSON bodies only: a form or text/plain, which a page
// on another origin can send without asking, is refused.
func TestServeContentType(t *testing.T) {
	ts := testServer(t, Options{})
	for ct, code := range map[string]int{
		"application/json":                    200,
		"application/json; charset=utf-8":     200,
		"Application/JSON; Charset=\"UTF-8\"": 200,
		"":                                    415,
		"text/plain":                          415,
		"text/plain; charset=utf-8":           415,
		"application/x-www-form-urlencoded":   415,
		"multipart/form-data; boundary=x":     415,
		"application/json; charset=latin1":    415,
		"application/jsonx":                   415,
		"application/json;;":                  415,
	} {
		for _, ep := range []string{"/api/v1/check", "/api/v1/fix"} {
			req, _ := http.NewRequest(http.MethodPost, ts.URL+ep, strings.NewReader(`{"text":"هاذا"}`))
			if ct != "" {
				req.Header.Set("Content-Type", ct)
			}
			res, body := do(t, req)
			if res.StatusCode != code {
				t.Errorf("%s with Content-Type %q: %d, want %d: %s", ep, ct, res.StatusCode, code, body)
			}
		}
	}
}

// With CheckHost, a request for a host name the server does not know is
// refused: a page whose name was pointed at 127.0.0.1 (DNS rebinding)
// would otherwise be same-origin with the server.
func TestServeHost(t *testing.T) {
	on := testServer(t, Options{CheckHost: true, AllowedHosts: []string{"Desk.Example", "cms.example:8080", "bound.example."}})
	off := testServer(t, Options{})
	any := testServer(t, Options{CheckHost: true, AllowedHosts: []string{"*"}})
	for host, ok := range map[string]bool{
		"localhost": true, "localhost:8080": true, "LOCALHOST.:8080": true,
		"127.0.0.1": true, "127.0.0.1:8080": true, "[::1]:8080": true, "[::1]": true, "10.1.2.3:80": true,
		"desk.example": true, "desk.example:9000": true, "cms.example": true, "bound.example": true,
		"evil.example": false, "evil.example:8080": false, "localhost.evil.example": false,
		"127.0.0.1.evil.example": false, "desk.example.evil": false, "example": false,
	} {
		for _, p := range []string{"/", "/api/v1/rules", "/api/v1/check", "/v2/check"} {
			var req *http.Request
			switch p {
			case "/api/v1/check":
				req, _ = http.NewRequest(http.MethodPost, on.URL+p, strings.NewReader(`{"text":"هاذا"}`))
				req.Header.Set("Content-Type", "application/json")
			case "/v2/check":
				req, _ = http.NewRequest(http.MethodPost, on.URL+p, strings.NewReader("language=ar&text=هاذا"))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			default:
				req, _ = http.NewRequest(http.MethodGet, on.URL+p, nil)
			}
			req.Host = host
			res, body := do(t, req)
			if (res.StatusCode == 200) != ok || !ok && res.StatusCode != http.StatusForbidden {
				t.Errorf("CheckHost, Host %q, %s: %d %.100s", host, p, res.StatusCode, body)
			}
			if !ok && res.Header.Get("Content-Security-Policy") == "" {
				t.Errorf("the 403 has no security headers")
			}
		}
		for _, ts := range []*httptest.Server{off, any} {
			req, _ := http.NewRequest(http.MethodGet, ts.URL+"/", nil)
			req.Host = host
			if res, body := do(t, req); res.StatusCode != 200 {
				t.Errorf("no host check, Host %q: %d %s", host, res.StatusCode, body)
			}
		}
	}
}

// smallBuffers is a listener whose connections have small send buffers,
// so that an answer nobody reads blocks its handler soon.
type smallBuffers struct{ net.Listener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(4 << 10)
	}
	return c, err
}

// The check slot is free again before the answer is written: a client
// that never reads a large answer must not keep the next request waiting
// (it held the only slot until the write timed out).
func TestServeSlotFreeWhileWriting(t *testing.T) {
	var active atomic.Int64 // handlers running
	s := New(Options{MaxConcurrent: 1})
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		active.Add(1)
		defer active.Add(-1)
		s.ServeHTTP(w, r)
	}))
	ts.Listener = smallBuffers{ts.Listener}
	ts.Start()
	t.Cleanup(ts.Close)
	// a finding in every gap: an answer of hundreds of kilobytes at least,
	// far more than the socket buffers hold
	body, _ := json.Marshal(map[string]string{"text": manyFindings(20000)})
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.(*net.TCPConn).SetReadBuffer(4 << 10)
	fmt.Fprintf(conn, "POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	// read the status line only: the answer has begun
	conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	status, err := bufio.NewReaderSize(conn, 64).ReadString('\n')
	if err != nil || !strings.Contains(status, " 200 ") {
		t.Fatalf("the large answer: %q %v", status, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, ep := range []string{"/api/v1/check", "/api/v1/fix", "/v2/check"} {
		var req *http.Request
		if ep == "/v2/check" {
			req, _ = http.NewRequestWithContext(ctx, http.MethodPost, ts.URL+ep, strings.NewReader(url.Values{"language": {"ar"}, "text": {"هاذا"}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		} else {
			req, _ = http.NewRequestWithContext(ctx, http.MethodPost, ts.URL+ep, strings.NewReader(`{"text":"هاذا"}`))
			req.Header.Set("Content-Type", "application/json")
		}
		t0 := time.Now()
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s while another client does not read its answer: %v (after %v)", ep, err, time.Since(t0))
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("%s: %d", ep, res.StatusCode)
		}
		if active.Load() == 0 {
			t.Fatal("the large answer was written in full: nothing was tested (make it larger)")
		}
	}
}

// givenUp is a request's context whose client goes away once the check
// has begun: the first look at Err finds it alive (the engine starts),
// every later one finds it cancelled. Done never closes, so that the wait
// for a slot is not what gives up.
type givenUp struct {
	context.Context
	looks atomic.Int64
}

func (c *givenUp) Err() error {
	if c.looks.Add(1) == 1 {
		return nil
	}
	return context.Canceled
}

// A request given up while its text is checked is answered 503 at once:
// no answer is built for nobody.
func TestServeCancelled(t *testing.T) {
	s := New(Options{})
	for _, text := range []string{"هاذا", manyFindings(40000)} {
		body, _ := json.Marshal(map[string]string{"text": text})
		for _, ep := range []string{"/api/v1/check", "/api/v1/fix"} {
			ctx := &givenUp{Context: context.Background()}
			req := httptest.NewRequestWithContext(ctx, "POST", ep, bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusServiceUnavailable || ctx.looks.Load() < 2 {
				t.Errorf("%s given up: %d after %d looks at the context: %.200s", ep, rec.Code, ctx.looks.Load(), rec.Body)
			}
		}
	}
	// the loop over the findings, by itself
	eng := s.o.Engine
	res, err := eng.Check(context.Background(), engine.Input{Path: "article.txt", Src: []byte(manyFindings(5000))})
	if err != nil || len(res.Diagnostics) < 1024 {
		t.Fatalf("%d findings, %v", len(res.Diagnostics), err)
	}
	ctx := &givenUp{Context: context.Background()}
	ctx.looks.Store(1)
	if ds, err := toAPI(ctx, res.File()); err == nil {
		t.Errorf("the findings of a request given up: %d, no error", len(ds))
	}
}

// manyFindings returns a text of about n words of which every one is a
// finding of one of four rules (final-yeh, misspelling, missing-hamza,
// hamzat-wasl): thousands of findings, since each rule reports at most a
// thousand in one file and typography/whitespace one a paragraph.
func manyFindings(n int) string {
	return strings.Repeat("فى هاذا الى إجتماع ", n/4)
}
