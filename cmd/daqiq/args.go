package main

import (
	"strings"
	"time"

	"github.com/urfave/cli/v2"
)

// jobsFlag is -j, --jobs of check, baseline and batch: 0 (the default)
// means every CPU, a negative number is a usage error.
func jobsFlag(what string) *cli.IntFlag {
	return &cli.IntFlag{
		Name: "jobs", Aliases: []string{"j"}, DefaultText: "every CPU",
		Usage: what + " checked in parallel, on at most `N` CPUs; output order stays the same",
		Action: func(_ *cli.Context, n int) error {
			if n < 0 {
				return usageErr("--jobs %d: want a number of CPUs, 1 or more (0 or no -j: every CPU)", n)
			}
			return nil
		},
	}
}

// dateFlag is --date of check and baseline, checked as it is read.
func dateFlag(usage string) *cli.StringFlag {
	return &cli.StringFlag{
		Name: "date", Usage: usage,
		Action: func(_ *cli.Context, s string) error {
			_, err := parseDate(s)
			return err
		},
	}
}

// parseDate reads --date: YYYY-MM-DD, a day that exists.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse("2006-01-02", s)
	if err == nil {
		return d, nil
	}
	if _, ok := err.(*time.ParseError); ok && len(s) == 10 && s[4] == '-' && s[7] == '-' && strings.Trim(s[:4]+s[5:7]+s[8:], "0123456789") == "" {
		return time.Time{}, usageErr("--date %s: there is no such date (%s)", s, strings.TrimPrefix(err.Error(), "parsing time \""+s+"\": "))
	}
	return time.Time{}, usageErr("--date %q: want YYYY-MM-DD", s)
}
