package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The server is tested in cmd/internal/serve; here, the command's flags.
func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{
		{"daqiq", "serve", "--cors-origin", "news.example"},
		{"daqiq", "serve", "--cors-origin", "https://news.example/path"},
		{"daqiq", "serve", "--max-concurrent", "-1"},
		{"daqiq", "serve", "extra"},
		{"daqiq", "serve", "--addr", "256.0.0.1:99999"},
		{"daqiq", "serve", "--allowed-host", ""},
		{"daqiq", "serve", "--allowed-host", "https://desk.example/"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, strings.NewReader(""), &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errb.String())
		}
	}
}

// The server of daqiq serve checks the Host header (DNS rebinding):
// localhost, IP addresses, the host of --addr and those of --allowed-host
// pass; --cors-origin may end in a slash.
func TestServeHostCheck(t *testing.T) {
	defer func(f func(context.Context, string, http.Handler, func(string)) error) { listenAndRun = f }(listenAndRun)
	var h http.Handler
	listenAndRun = func(_ context.Context, addr string, handler http.Handler, _ func(string)) error {
		h = handler
		return nil
	}
	var out, errb bytes.Buffer
	args := []string{"daqiq", "serve", "--addr", "desk.internal:8080", "--allowed-host", "Desk.Example", "--cors-origin", "https://cms.example/"}
	if code := run(args, strings.NewReader(""), &out, &errb); code != 0 || h == nil {
		t.Fatalf("%v: exit %d (%s)", args, code, errb.String())
	}
	for host, code := range map[string]int{
		"localhost:8080": 200, "127.0.0.1:8080": 200, "[::1]:8080": 200, "192.0.2.7:8080": 200,
		"desk.internal:8080": 200, "desk.example": 200,
		"evil.example:8080": 403, "desk.internal.evil.example": 403,
	} {
		req := httptest.NewRequest("GET", "/healthz", nil)
		req.Host = host
		req.Header.Set("Origin", "https://cms.example")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != code {
			t.Errorf("Host %s: %d, want %d", host, rec.Code, code)
		}
		if code == 200 && rec.Header().Get("Access-Control-Allow-Origin") != "https://cms.example" {
			t.Errorf("--cors-origin https://cms.example/: %v", rec.Header())
		}
	}
}
