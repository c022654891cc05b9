package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"daqiq": func() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) },
		// badutf8 FILE writes Arabic text with an invalid byte at offset 9
		"badutf8": func() {
			data := append([]byte("قال هاذا"), 0xff)
			data = append(data, []byte(" خبر\n")...)
			if err := os.WriteFile(os.Args[1], data, 0o644); err != nil {
				os.Exit(1)
			}
		},
	})
}

// TestScripts runs the CLI scripts in testdata/script: output, exit codes,
// --diff, --fix, configuration errors.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "../../testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
