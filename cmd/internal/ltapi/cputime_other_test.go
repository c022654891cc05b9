//go:build !unix

package ltapi

import "time"

// cpuTime is -1 (not known here) and the wall clock.
func cpuTime() (time.Duration, time.Time) { return -1, time.Now() }
