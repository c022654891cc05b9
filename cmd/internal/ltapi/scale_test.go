package ltapi

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/linttest/scaling"
)

// sentenceOfScan is how the sentence of a span was found before sentences:
// by scanning the line from the span, for every span (quadratic in the
// findings of a long line). sentences must give what it gave.
func sentenceOfScan(text string, start, end int) string {
	isEnd := func(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '؟' }
	a := start
	for a > 0 {
		r, k := utf8.DecodeLastRuneInString(text[:a])
		if r == '\n' {
			break
		}
		if unicode.IsSpace(r) && a-k > 0 {
			q, _ := utf8.DecodeLastRuneInString(text[:a-k])
			if isEnd(q) {
				break
			}
		}
		a -= k
	}
	b := end
	for b < len(text) {
		r, k := utf8.DecodeRuneInString(text[b:])
		if r == '\n' {
			break
		}
		b += k
		if isEnd(r) && (b == len(text) || strings.ContainsAny(text[b:b+1], " \t\r\n")) {
			break
		}
	}
	if b-a > 2000 {
		return strings.TrimSpace(text[start:end])
	}
	return strings.TrimSpace(text[a:b])
}

func TestSentences(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"قال", "a", " ", "  ", "\n", "\r\n", "\t", ".", "!", "?", "؟", ". ", "؟ ", "\u00a0", "😀", "،", strings.Repeat("ب", 700)}
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := r.IntN(20); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		var bounds []int
		for j := range text {
			bounds = append(bounds, j)
		}
		bounds = append(bounds, len(text))
		s := &sentences{text: text}
		for k := 0; k < 10; k++ {
			x, y := bounds[r.IntN(len(bounds))], bounds[r.IntN(len(bounds))]
			if x > y {
				x, y = y, x
			}
			if got, want := s.of(x, y), sentenceOfScan(text, x, y); got != want {
				t.Fatalf("sentence of %d:%d in %q: %q, want %q", x, y, text, got, want)
			}
		}
	}
}

func checkRequest(ctx context.Context, text string) *http.Request {
	body := url.Values{"language": {"ar"}, "text": {text}}.Encode()
	req := httptest.NewRequestWithContext(ctx, "POST", "/v2/check", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

// The matches of a long line with a finding in every gap ("a  a  a": a
// double space each) cost twice as much at twice the length, not four
// times: the sentence of each match was found by scanning the whole line.
// The diagnostics are made here, as many as the gaps: the engine may
// report fewer of one rule.
func TestMatchesLinear(t *testing.T) {
	a := New(Options{})
	run := func(n int) func() {
		text := strings.Repeat("a  ", n)
		ds := make([]lint.Diagnostic, n)
		for i := range ds {
			ds[i] = lint.Diagnostic{Start: 3*i + 1, End: 3*i + 3, Rule: "typography/whitespace", Message: "2 spaces in a row: use one"}
		}
		return func() {
			ms, err := a.matches(context.Background(), ltText{whole: text, plain: text}, []byte(text), ds, "", i18n.Ar)
			if err != nil || len(ms) != n || ms[n-1].Sentence != "  " && ms[n-1].Sentence != "" {
				t.Fatalf("%d matches, %v", len(ms), err)
			}
		}
	}
	n := 20000 // 60 KB, 20,000 matches
	if raceDetector {
		n = 2500
	}
	scaling.Linear(t, n, run)
}

// The same line through the whole of /v2/check: twice the text, at most
// at most scaling.Limit times the time.
func TestCheckLinear(t *testing.T) {
	a := New(Options{})
	run := func(n int) func() {
		text := strings.Repeat("a  ", n)
		return func() {
			rec := httptest.NewRecorder()
			a.Check(rec, checkRequest(context.Background(), text))
			if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"matches":[{`) {
				t.Fatalf("%d: %.300s", rec.Code, rec.Body)
			}
		}
	}
	n := 15000 // 45 KB
	if raceDetector {
		n = 2500
	}
	scaling.Linear(t, n, run)
}

// givenUp is a request's context whose client goes away once the check
// has begun: the first look at Err finds it alive (the engine starts),
// every later one finds it cancelled.
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
// no answer is built for nobody, however many its matches (the matches
// loop looks at the context too).
func TestCheckCancelled(t *testing.T) {
	a := New(Options{})
	for _, text := range []string{"هاذا", strings.Repeat("a  ", 40000)} {
		ctx := &givenUp{Context: context.Background()}
		rec := httptest.NewRecorder()
		a.Check(rec, checkRequest(ctx, text))
		if rec.Code != http.StatusServiceUnavailable || ctx.looks.Load() < 2 {
			t.Errorf("given up: %d after %d looks at the context: %.200s", rec.Code, ctx.looks.Load(), rec.Body)
		}
	}
	// the loop over the matches, by itself
	text := strings.Repeat("a  ", 5000)
	ds := make([]lint.Diagnostic, 5000)
	for i := range ds {
		ds[i] = lint.Diagnostic{Start: 3*i + 1, End: 3*i + 3, Rule: "typography/whitespace"}
	}
	ctx := &givenUp{Context: context.Background()}
	ctx.looks.Store(1)
	if ms, err := a.matches(ctx, ltText{whole: text, plain: text}, []byte(text), ds, "", i18n.Ar); err == nil {
		t.Errorf("the matches of a request given up: %d, no error", len(ms))
	}
}

// slowWriter checks that no slot is held while the answer is written.
type slowWriter struct {
	*httptest.ResponseRecorder
	held  *atomic.Int64
	wrote bool
	t     *testing.T
}

func (w *slowWriter) Write(b []byte) (int, error) {
	if w.held.Load() != 0 {
		w.t.Error("the check slot is held while the answer is written")
	}
	w.wrote = true
	return w.ResponseRecorder.Write(b)
}

// The check slot is given back before the answer is written: a client
// that does not read its answer holds no slot.
func TestSlotFreeWhileWriting(t *testing.T) {
	var held atomic.Int64
	a := New(Options{
		Acquire: func(context.Context) bool { held.Add(1); return true },
		Release: func() { held.Add(-1) },
	})
	for _, text := range []string{"هاذا", "\xff"} { // an answer, an error
		w := &slowWriter{ResponseRecorder: httptest.NewRecorder(), held: &held, t: t}
		a.Check(w, checkRequest(context.Background(), text))
		if !w.wrote || held.Load() != 0 {
			t.Errorf("%q: wrote %v, %d slots held after", text, w.wrote, held.Load())
		}
	}
}
