package markup

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// linear fails unless run(2n) takes at most 2.5 times as long as run(n),
// each the best of three timings, taken in turns so that a busy machine
// slows both alike; a failed measure is taken again, four times at most,
// for the machine may be busy with other packages' tests (or fuzzing) all
// the same. A best timing over two seconds fails, and a single one over
// ten at once: a quadratic run would otherwise take minutes, while a
// machine that stalls for a moment (seconds, seen here under load) should
// not fail the test.
func linear(t *testing.T, n int, prepare func(n int) func()) {
	t.Helper()
	runs := [2]func(){prepare(n), prepare(2 * n)}
	var ratio float64
	for attempt := 0; attempt < 5; attempt++ {
		best := [2]time.Duration{1 << 62, 1 << 62}
		for range 3 {
			for k, run := range runs {
				runtime.GC()
				start := time.Now()
				run()
				d := time.Since(start)
				if d > 10*time.Second {
					t.Fatalf("n=%d took %v", n<<k, d)
				}
				best[k] = min(best[k], d)
			}
		}
		for k, d := range best {
			if d > 2*time.Second {
				t.Fatalf("n=%d took %v at best", n<<k, d)
			}
		}
		ratio = float64(best[1]) / float64(best[0])
		t.Logf("n=%d: %v, 2n: %v (×%.2f)", n, best[0], best[1], ratio)
		if ratio <= 2.5 {
			return
		}
	}
	t.Errorf("twice the input took %.2f times as long", ratio)
}

// TestHTMLSkipLinear: an end tag was looked for in the whole stack of open
// skipped elements (<code>, <svg>, <script> …), so thousands of them
// nested and as many end tags of other elements took quadratic time.
func TestHTMLSkipLinear(t *testing.T) {
	linear(t, 20000, func(n int) func() {
		src := []byte("<p>أ</p>" + strings.Repeat("<code>", n) + strings.Repeat("</b>", n) + strings.Repeat("</code>", n) + "<p>ب</p>")
		return func() {
			doc, _, err := Parse("a.html", src, Options{})
			if err != nil || doc.Text != "أ\n\nب" {
				t.Fatalf("%q, %v", doc.Text, err)
			}
		}
	})
}
