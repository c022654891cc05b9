package fuzzseed

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// An input that overruns its deadline ends the process with a message
// (in a child process: the panic is the point); one that finishes in time
// does nothing.
func TestDeadline(t *testing.T) {
	if os.Getenv("FUZZSEED_HANG") == "1" {
		defer Deadline(20 * time.Millisecond)()
		time.Sleep(5 * time.Second)
		return
	}
	stop := Deadline(time.Hour)
	stop()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDeadline$")
	cmd.Env = append(os.Environ(), "FUZZSEED_HANG=1", "DAQIQ_FUZZ_DEADLINE=")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "still running after 20ms") {
		t.Errorf("a hang was not caught: %v\n%s", err, out)
	}
}
