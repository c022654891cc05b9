package lsp

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
)

// article is a 5 KB Arabic article with findings: the draft and the
// clean sample articles, cut at a line end before 5 KiB (as daqiq
// serve's load test).
func article(tb testing.TB) string {
	tb.Helper()
	var b strings.Builder
	for _, f := range []string{"draft.txt", "clean/01-politics.txt", "clean/02-economy.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "articles", f))
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n\n")
	}
	s := b.String()
	s = s[:strings.LastIndexByte(s[:5<<10], '\n')+1]
	if len(s) < 4<<10 {
		tb.Fatalf("article is %d bytes", len(s))
	}
	return s
}

// latency opens the article and times n edits, each from the change sent
// to its diagnostics received, less the debounce.
func latency(tb testing.TB, n int) []time.Duration {
	const debounce = time.Millisecond
	c := newClient(tb, Options{Debounce: debounce, Log: io.Discard})
	c.initialize(nil, nil)
	text := article(tb)
	uri := tempFile(tb, tb.TempDir(), "article.txt", text)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
	if ds := c.diagnostics(uri, 1); len(ds) == 0 {
		tb.Fatal("the article has findings")
	}
	var ds []time.Duration
	for i := 0; i < n; i++ {
		v := i + 2
		// type a letter at the start of line 3, or take it away
		change := map[string]any{"range": rng(3, 0, 3, 0), "text": "و"}
		if i%2 == 1 {
			change = map[string]any{"range": rng(3, 0, 3, 1), "text": ""}
		}
		start := time.Now()
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": v}, "contentChanges": []any{change}})
		c.diagnostics(uri, int32(v))
		ds = append(ds, time.Since(start)-debounce)
	}
	return ds
}

// TestSpeed: a 5 KB article's diagnostics are published within 50 ms of
// the last change, the debounce excluded (the median of 40 edits; the
// README gives the figures of -v).
func TestSpeed(t *testing.T) {
	ds := latency(t, 40)
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	med, p90, worst := ds[len(ds)/2], ds[len(ds)*9/10], ds[len(ds)-1]
	t.Logf("5 KB article, change to diagnostics, debounce excluded: median %v, p90 %v, max %v",
		med.Round(10*time.Microsecond), p90.Round(10*time.Microsecond), worst.Round(10*time.Microsecond))
	if med > 50*time.Millisecond {
		t.Errorf("median %v, want at most 50ms", med)
	}
}

// BenchmarkChangeToDiagnostics: one edit of a 5 KB article to its
// published diagnostics (a 1 ms debounce included).
func BenchmarkChangeToDiagnostics(b *testing.B) {
	latency(b, b.N)
}

// TestMemoryFlat: 10,000 edits of a 5 KB article, checked every 100
// edits, leave the heap where the first 1,000 left it.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 edits: not under -short")
	}
	c := newClient(t, Options{Debounce: 2 * time.Millisecond, Log: io.Discard})
	c.initialize(nil, nil)
	text := article(t)
	uri := tempFile(t, t.TempDir(), "article.txt", text)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
	c.diagnostics(uri, 1)
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var at1000 uint64
	for i := 0; i < 10000; i++ {
		v := i + 2
		// a word typed at the end of line 2 and taken away again
		change := map[string]any{"range": rng(2, 0, 2, 0), "text": "خبر "}
		if i%2 == 1 {
			change = map[string]any{"range": rng(2, 0, 2, 4), "text": ""}
		}
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": v}, "contentChanges": []any{change}})
		if v%100 == 0 {
			c.diagnostics(uri, int32(v))
		}
		if i+1 == 1000 {
			at1000 = heap()
		}
	}
	c.diagnostics(uri, 10001)
	after := heap()
	growth := int64(after) - int64(at1000)
	t.Logf("heap in use after 1,000 edits %.1f MiB, after 10,000 %.1f MiB (%+.2f MiB)",
		float64(at1000)/(1<<20), float64(after)/(1<<20), float64(growth)/(1<<20))
	if growth > 2<<20 {
		t.Errorf("the heap grew by %d bytes over 9,000 edits, want at most 2 MiB", growth)
	}
}
