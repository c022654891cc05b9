package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// reorderArgs puts a command's flags (with their values) before its other
// arguments, keeps what follows a literal -- as arguments, and leaves the
// command names and the application's own flags where they are.
func TestReorderArgs(t *testing.T) {
	cmds := []*cli.Command{checkCommand(), hookCommand(), batchCommand()}
	for _, tc := range []struct{ in, want string }{
		{"check a.txt --fix", "check --fix -- a.txt"},
		{"check a.txt -j 2 b.txt --format=json", "check -j 2 --format=json -- a.txt b.txt"},
		{"check - --stdin-filename -x.txt", "check --stdin-filename -x.txt -- -"},
		{"check a.txt -j -1", "check -j -1 -- a.txt"},
		{"check -- --fix", "check -- --fix"},
		{"check a.txt -- --fix -q", "check -- a.txt --fix -q"},
		{"check --fix", "check --fix"},
		{"check a.txt --format", "check --format"},
		{"check a.txt --bogus b.txt", "check --bogus -- a.txt b.txt"},
		{"hook install --force", "hook install --force"},
		{"batch in.jsonl --exit-zero -j 1", "batch --exit-zero -j 1 -- in.jsonl"},
		{"--help check", "--help check"},
		{"nosuch a --fix", "nosuch a --fix"},
	} {
		args := append([]string{"daqiq"}, strings.Fields(tc.in)...)
		want := append([]string{"daqiq"}, strings.Fields(tc.want)...)
		if got := reorderArgs(cmds, args); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", tc.in, got, want)
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	cmds := []*cli.Command{checkCommand(), rulesCommand(), genCorpusCommand()}
	for in, want := range map[string]string{
		"chek":      "did you mean check?",
		"ckeck":     "did you mean check?",
		"rule":      "did you mean rules?",
		"x":         `unknown command "x" (see daqiq --help)`,
		"gen-corpu": `unknown command "gen-corpu" (see daqiq --help)`,
	} {
		if got := unknownCommand(cmds, in); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}
