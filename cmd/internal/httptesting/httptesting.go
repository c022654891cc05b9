// Package httptesting holds the HTTP helpers the tests of the server
// (cmd/internal/serve) and of its LanguageTool layer (cmd/internal/ltapi)
// share: a request made, its body read, its status checked.
package httptesting

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Do sends req and returns the response with its whole body.
func Do(t testing.TB, req *http.Request) (*http.Response, []byte) {
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

// Get is Do with a GET of u.
func Get(t testing.TB, u string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	return Do(t, req)
}

// PostForm is Do with a POST of v, form-encoded, to u.
func PostForm(t testing.TB, u string, v url.Values) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return Do(t, req)
}

// WantStatus stops the test unless the response has the status code.
func WantStatus(t testing.TB, res *http.Response, body []byte, code int) {
	t.Helper()
	if res.StatusCode != code {
		t.Fatalf("%s %s: status %d, want %d: %s", res.Request.Method, res.Request.URL.Path, res.StatusCode, code, body)
	}
}
