// Package warmup builds data that lives as long as the process (the
// built-in rules) without the garbage collector spending time on it.
package warmup

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// minHeap is the Go runtime's first heap goal at GOGC=100 (4 MiB): until
// the first collection has measured the live heap, the goal is this
// scaled by GOGC/100.
const minHeap = 4 << 20

// slack is how far the heap may grow past what build left before the
// first collection, at least: enough for the data built lazily on the
// first check (the entity knowledge, the date vocabulary) and for
// checking a few files, so that a pre-commit hook never collects.
const slack = 16 << 20

// Start turns the collector off, runs build on its own goroutine and, when
// build returns, turns it back on with the first collection put off until
// the heap has grown past twice what build left live: a collection while
// the data is built, or right after, would find nothing to free (the data
// outlives it) and costs a process that checks one short file a third of
// its time. After that first collection the original GOGC applies again.
// Start returns at once.
func Start(build func()) {
	gc := debug.SetGCPercent(-1)
	go func() {
		build()
		if gc < 0 {
			return
		}
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(sample)
		live := sample[0].Value.Uint64()
		pct := uint64(gc)
		if want := max(2*live, live+slack) * 100 / minHeap; want > pct {
			pct = want
		}
		if pct == uint64(gc) {
			debug.SetGCPercent(gc)
			return
		}
		// the finalizer runs after the first collection: back to GOGC
		sentinel := new([16]*byte)
		runtime.SetFinalizer(sentinel, func(*[16]*byte) { debug.SetGCPercent(gc) })
		debug.SetGCPercent(int(pct))
	}()
}
