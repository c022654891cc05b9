// Package cliargs holds the generic command-line helpers of cmd/daqiq
// over urfave/cli: flags may follow the paths (Reorder), a usage error is
// one line naming the command's help (Tidy), and an unknown command gets
// the nearest command's name (UnknownCommand).
package cliargs

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// Reorder lets flags follow the paths, as every other linter does
// (daqiq check late.txt --fix): urfave/cli, like Go's flag package, stops
// reading flags at the first argument that is not one. The arguments after
// the command (and subcommand) names are put in the order flags first, then
// "--", then the other arguments; a flag that takes a value keeps the
// argument after it (-j 2, --format json, --date -x alike). A literal "--"
// still ends the flags: what follows it is kept as arguments, in order
// (daqiq check -- --fix checks a file named --fix). Arguments before the
// command name, or with no known command, are left alone.
func Reorder(commands []*cli.Command, args []string) []string {
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") {
		i++ // the application's own flags (--help, --version) take no value
	}
	if i >= len(args) {
		return args
	}
	cmd := findCommand(commands, args[i])
	if cmd == nil {
		return args
	}
	for i++; i < len(args) && len(cmd.Subcommands) > 0; i++ {
		sub := findCommand(cmd.Subcommands, args[i])
		if sub == nil {
			break
		}
		cmd = sub
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		tv := true
		if d, ok := f.(cli.DocGenerationFlag); ok {
			tv = d.TakesValue()
		}
		for _, n := range f.Names() {
			takesValue[n] = tv
		}
	}
	out := append([]string(nil), args[:i]...)
	var rest []string
	ended := false
	tail := args[i:]
	for j := 0; j < len(tail); j++ {
		a := tail[j]
		if a == "--" {
			rest, ended = append(rest, tail[j+1:]...), true
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a) // an argument, or - for standard input
			continue
		}
		out = append(out, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") || !takesValue[name] {
			continue // a flag unknown to the command is left for the parser to refuse
		}
		if j+1 == len(tail) {
			return out // the parser says the value is missing
		}
		j++
		out = append(out, tail[j])
	}
	if len(rest) == 0 && !ended {
		return out
	}
	return append(append(out, "--"), rest...)
}

func findCommand(commands []*cli.Command, name string) *cli.Command {
	for _, c := range commands {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// Tidy prepares every command of the application named app for the
// command line: a usage error (an unknown flag, a bad value) is one line
// naming the command's help instead of the whole help text, handed to
// usage for the error the command returns, and boolean flags do not show
// "(default: false)".
func Tidy(commands []*cli.Command, app string, usage func(msg string) error) {
	tidy(commands, app, app, usage)
}

func tidy(commands []*cli.Command, app, parent string, usage func(msg string) error) {
	for _, c := range commands {
		path := parent + " " + c.Name
		c.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
			return usage(fmt.Sprintf("%s: %s (see %s --help)", strings.TrimPrefix(path, app+" "), flagError(err), path))
		}
		for _, f := range c.Flags {
			if b, ok := f.(*cli.BoolFlag); ok {
				b.DisableDefaultText = true
			}
		}
		tidy(c.Subcommands, app, path, usage)
	}
}

// flagError words the flag parser's errors the way the flags are written.
func flagError(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		if len(name) > 1 {
			name = "-" + name
		}
		return "unknown flag -" + name
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		if len(name) > 1 {
			name = "-" + name
		}
		return "-" + name + " needs a value"
	}
	return msg
}

// UnknownCommand is the message for a command of the application named
// app that does not exist, with the nearest command's name when it is a
// slip of one or two letters.
func UnknownCommand(app string, commands []*cli.Command, name string) string {
	msg := fmt.Sprintf("unknown command %q", name)
	best, dist := "", 3
	for _, c := range commands {
		if c.Hidden {
			continue
		}
		for _, n := range c.Names() {
			if d := editDistance(name, n); d < dist && d < len(n)/2+1 {
				best, dist = n, d
			}
		}
	}
	if best != "" {
		return msg + fmt.Sprintf(": did you mean %s? (see %s --help)", best, app)
	}
	return msg + fmt.Sprintf(" (see %s --help)", app)
}

// editDistance is the number of letters inserted, deleted, replaced or
// two neighbours swapped that turn a into b.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range t {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}
