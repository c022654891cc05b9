package main

import (
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/urfave/cli/v2"
)

// langFlag chooses the language of the messages, the summary and the
// rules' documents. Flags and rule ids stay ASCII in both.
var langFlag = &cli.StringFlag{
	Name:    "lang",
	Usage:   "language of the messages: ar (Arabic, the default) or en (also lang in " + config.FileName + ")",
	EnvVars: []string{"DAQIQ_LANG"},
}

// langOf is the language a command speaks: --lang or DAQIQ_LANG (when not
// empty), else
// the lang of the first configuration given that sets one, else Arabic.
func langOf(c *cli.Context, cfgs ...*config.Config) (i18n.Lang, error) {
	if s := c.String("lang"); s != "" {
		l, err := i18n.Parse(s)
		if err != nil {
			return i18n.Ar, usageErr("--lang: %v", err)
		}
		return l, nil
	}
	for _, cfg := range cfgs {
		if cfg != nil && cfg.Lang != "" {
			return i18n.Parse(cfg.Lang) // checked when the file was read
		}
	}
	return i18n.Ar, nil
}
