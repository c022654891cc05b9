package cliargs

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// commands are daqiq's commands as far as these tests need them: names,
// subcommands, flags with and without values, a hidden command.
func commands() []*cli.Command {
	jobs := &cli.IntFlag{Name: "jobs", Aliases: []string{"j"}}
	return []*cli.Command{
		{Name: "check", Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text"},
			&cli.BoolFlag{Name: "fix"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}},
			&cli.StringFlag{Name: "stdin-filename"},
			jobs,
		}},
		{Name: "rules"},
		{Name: "hook", Subcommands: []*cli.Command{
			{Name: "install", Flags: []cli.Flag{&cli.BoolFlag{Name: "force"}}},
			{Name: "uninstall"},
		}},
		{Name: "batch", Flags: []cli.Flag{&cli.BoolFlag{Name: "exit-zero"}, jobs}},
		{Name: "gen-corpus", Hidden: true},
	}
}

// Reorder puts a command's flags (with their values) before its other
// arguments, keeps what follows a literal -- as arguments, and leaves the
// command names and the application's own flags where they are.
func TestReorderArgs(t *testing.T) {
	cmds := commands()
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
		if got := Reorder(cmds, args); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", tc.in, got, want)
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	cmds := commands()
	for in, want := range map[string]string{
		"chek":      "did you mean check?",
		"ckeck":     "did you mean check?",
		"rule":      "did you mean rules?",
		"x":         `unknown command "x" (see daqiq --help)`,
		"gen-corpu": `unknown command "gen-corpu" (see daqiq --help)`,
	} {
		if got := UnknownCommand("daqiq", cmds, in); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

// Tidy words a command's usage errors on one line naming its help, the
// subcommands' too, and hides the default of boolean flags.
func TestTidy(t *testing.T) {
	cmds := commands()
	Tidy(cmds, "daqiq", func(msg string) error { return errors.New(msg) })
	install := cmds[2].Subcommands[0]
	for _, tc := range []struct {
		cmd  *cli.Command
		err  string
		want string
	}{
		{cmds[0], "flag provided but not defined: -bogus", "check: unknown flag --bogus (see daqiq check --help)"},
		{cmds[0], "flag provided but not defined: -x", "check: unknown flag -x (see daqiq check --help)"},
		{cmds[0], "flag needs an argument: -format", "check: --format needs a value (see daqiq check --help)"},
		{install, "flag needs an argument: -j", "hook install: -j needs a value (see daqiq hook install --help)"},
		{cmds[0], "invalid value", "check: invalid value (see daqiq check --help)"},
	} {
		if got := tc.cmd.OnUsageError(nil, errors.New(tc.err), false); got.Error() != tc.want {
			t.Errorf("%s: %q, want %q", tc.err, got, tc.want)
		}
	}
	if f := install.Flags[0].(*cli.BoolFlag); !f.DisableDefaultText {
		t.Error("hook install --force shows its default")
	}
}
