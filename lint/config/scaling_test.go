package config

import (
	"runtime"
	"testing"
	"time"
)

// linear fails unless run(2n) takes at most 2.5 times as long as run(n),
// each the best of three timings, taken in turns so that a busy machine
// slows both alike; a failed measure is taken again, twice at most, for
// the machine may be busy with other packages' tests all the same. A
// single timing over a second fails at once: a quadratic run would
// otherwise take minutes.
func linear(t *testing.T, n int, prepare func(n int) func()) {
	t.Helper()
	runs := [2]func(){prepare(n), prepare(2 * n)}
	var ratio float64
	for attempt := 0; attempt < 3; attempt++ {
		best := [2]time.Duration{1 << 62, 1 << 62}
		for range 3 {
			for k, run := range runs {
				runtime.GC()
				start := time.Now()
				run()
				d := time.Since(start)
				if d > time.Second {
					t.Fatalf("n=%d took %v", n<<k, d)
				}
				best[k] = min(best[k], d)
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
