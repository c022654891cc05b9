package warmup

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// After Start the first collection waits for the heap to pass twice what
// build left, and the original GOGC is back after it.
func TestStart(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	var keep [][]byte
	done := make(chan bool)
	Start(func() {
		for i := 0; i < 64; i++ {
			keep = append(keep, make([]byte, 256<<10)) // 16 MiB live
		}
		close(done)
	})
	<-done
	var pct int
	for i := 0; i < 100; i++ {
		if pct = debug.SetGCPercent(-1); pct != -1 {
			debug.SetGCPercent(pct)
			break
		}
		debug.SetGCPercent(pct)
		time.Sleep(time.Millisecond)
	}
	if pct < 700 {
		t.Fatalf("GOGC %d after building 16 MiB, want at least 700 (a first goal past 32 MiB)", pct)
	}
	runtime.GC()
	for i := 0; i < 200; i++ {
		runtime.GC() // finalizers run on their own goroutine
		if pct = debug.SetGCPercent(100); pct == 100 {
			break
		}
		debug.SetGCPercent(pct)
		time.Sleep(time.Millisecond)
	}
	if pct != 100 {
		t.Errorf("GOGC %d after the first collection, want 100 back", pct)
	}
	runtime.KeepAlive(keep)
}
