//go:build unix

package scaling

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used (-1 if it cannot be had),
// and the wall clock.
func cpuTime() (time.Duration, time.Time) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1, time.Now()
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), time.Now()
}
