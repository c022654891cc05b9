//go:build ignore

// rusage runs a command and writes, like GNU time -f '%e %U %S %M', its
// wall time, user and system CPU seconds and peak resident set size (KiB,
// from getrusage) to the file named by -o. bench.sh times its runs with
// it:
//
//	go build -o rusage testdata/bench/rusage.go
//	rusage -o times.txt daqiq check corpus
//
// The command's streams are passed through and its exit code returned.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 4 || os.Args[1] != "-o" {
		fmt.Fprintln(os.Stderr, "usage: rusage -o FILE command [args...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[3], os.Args[4:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		fmt.Fprintln(os.Stderr, "rusage:", err)
		os.Exit(2)
	}
	st := cmd.ProcessState
	rss := int64(0)
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) // KiB on Linux
	}
	line := fmt.Sprintf("%.3f %.3f %.3f %d\n", wall.Seconds(), st.UserTime().Seconds(), st.SystemTime().Seconds(), rss)
	if err := os.WriteFile(os.Args[2], []byte(line), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "rusage:", err)
		os.Exit(2)
	}
	os.Exit(st.ExitCode())
}
