package files

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// RemoveTempsOnSignal, until stop is called, catches SIGINT and SIGTERM:
// the temporary files --fix is writing are removed (a replacement is
// renamed into place whole or not at all), stderr says so, and the process
// exits with the shell's code for the signal, 130 or 143.
func RemoveTempsOnSignal(stderr io.Writer) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			RemoveTemps()
			code := 128 + int(syscall.SIGINT)
			if sig == syscall.SIGTERM {
				code = 128 + int(syscall.SIGTERM)
			}
			fmt.Fprintf(stderr, "daqiq: %v: stopped; the files fixed so far are written, the others are as they were\n", sig)
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}
