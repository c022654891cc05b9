//go:build !unix

package scaling

import "time"

// cpuTime is the wall clock only: -1 for the CPU time.
func cpuTime() (time.Duration, time.Time) { return -1, time.Now() }
