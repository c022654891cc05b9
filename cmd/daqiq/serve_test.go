package main

import (
	"bytes"
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
	} {
		var out, errb bytes.Buffer
		if code := run(args, strings.NewReader(""), &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errb.String())
		}
	}
}
