package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loadArticle is a 5 KB Arabic article with findings: the draft and the
// clean sample articles, cut at a line end before 5 KiB.
func loadArticle(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, f := range []string{"draft.txt", "clean/01-politics.txt", "clean/02-economy.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", f))
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n\n")
	}
	s := b.String()
	s = s[:strings.LastIndexByte(s[:5<<10], '\n')+1]
	if len(s) < 4<<10 {
		t.Fatalf("article is %d bytes", len(s))
	}
	return s
}

// TestServeLoad sends 5,000 LanguageTool checks of a 5 KB article from 32
// clients to the real handler on loopback and logs throughput, latency and
// peak memory. Every answer must be a 200 with the same matches.
func TestServeLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: skipped with -short")
	}
	const (
		total       = 5000
		concurrency = 32
		deadline    = 3 * time.Minute
	)
	article := loadArticle(t)
	ts := httptest.NewServer(newServer(serveOptions{}))
	defer ts.Close()
	if !strings.HasPrefix(ts.URL, "http://127.0.0.1:") {
		t.Fatalf("the load test only targets 127.0.0.1, not %s", ts.URL)
	}
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: concurrency, MaxConnsPerHost: concurrency},
		Timeout:   30 * time.Second,
	}
	defer client.CloseIdleConnections()
	body := url.Values{"language": {"ar"}, "text": {article}}.Encode()

	// the expected answer, from one request
	matches := func(b []byte) (int, error) {
		var r struct {
			Matches []json.RawMessage `json:"matches"`
		}
		err := json.Unmarshal(b, &r)
		return len(r.Matches), err
	}
	res, err := client.Post(ts.URL+"/v2/check", "application/x-www-form-urlencoded", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	first, _ := io.ReadAll(res.Body)
	res.Body.Close()
	want, err := matches(first)
	if err != nil || res.StatusCode != 200 || want == 0 {
		t.Fatalf("first request: %d %v %.300s", res.StatusCode, err, first)
	}

	// peak memory, sampled
	var peakSys, peakHeap uint64
	stop := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Add(1)
	go func() {
		defer sampler.Done()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peakSys = max(peakSys, ms.Sys)
			peakHeap = max(peakHeap, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()

	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	var next, errs atomic.Int64
	var firstErr atomic.Value
	lat := make([]time.Duration, total)
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= total || ctx.Err() != nil {
					return
				}
				t0 := time.Now()
				err := func() error {
					req, _ := http.NewRequestWithContext(ctx, http.MethodPost, ts.URL+"/v2/check", strings.NewReader(body))
					req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
					res, err := client.Do(req)
					if err != nil {
						return err
					}
					defer res.Body.Close()
					b, err := io.ReadAll(res.Body)
					if err != nil {
						return err
					}
					if res.StatusCode != 200 {
						return fmt.Errorf("status %d: %.200s", res.StatusCode, b)
					}
					if n, err := matches(b); err != nil || n != want {
						return fmt.Errorf("%d matches (want %d), %v", n, want, err)
					}
					if !bytes.Equal(b, first) {
						return fmt.Errorf("the answer differs from the first one")
					}
					return nil
				}()
				lat[i] = time.Since(t0)
				if err != nil {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(stop)
	sampler.Wait()

	done := min(int(next.Load()), total)
	if ctx.Err() != nil {
		t.Fatalf("%d of %d requests in %v: over the time limit", done, total, deadline)
	}
	if n := errs.Load(); n > 0 {
		t.Fatalf("%d errors in %d requests; first: %v", n, total, firstErr.Load())
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[min(int(p*float64(total)), total-1)] }
	t.Logf("%d POST /v2/check of a %d-byte article (%d matches each), %d clients, GOMAXPROCS %d, max concurrent checks %d",
		total, len(article), want, concurrency, runtime.GOMAXPROCS(0), 2*runtime.NumCPU())
	t.Logf("0 errors in %v: %.0f req/s, %.1f MB/s of text", elapsed.Round(time.Millisecond),
		float64(total)/elapsed.Seconds(), float64(total*len(article))/elapsed.Seconds()/1e6)
	t.Logf("latency p50 %v, p99 %v, max %v", pct(0.50).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond), lat[total-1].Round(10*time.Microsecond))
	t.Logf("peak memory: HeapInuse %.1f MiB, Sys %.1f MiB (sampled every 20 ms), process VmHWM %s",
		float64(peakHeap)/(1<<20), float64(peakSys)/(1<<20), vmHWM())
}

// vmHWM is the process's peak resident set size from /proc, or "n/a".
func vmHWM() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "n/a"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "n/a"
}
