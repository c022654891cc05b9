package config_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daqiq/daqiq/lint/internal/fuzzseed"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
)

// FuzzConfig: on any bytes Parse returns a configuration or an error, never
// both, never a panic. The error is a *config.Error naming the file, at a
// line and column of at least 1, inside the file; for a TOML syntax error
// on a line that the bytes the decoder blames (Position.Start and Len)
// touch; unless it is a limit (ErrTooLarge, ErrTooDeep), which Parse
// checks before decoding. No input takes two seconds.
// A configuration resolves and matches paths without panicking.
func FuzzConfig(f *testing.F) {
	for _, s := range fuzzseed.Load(f, "FuzzConfig") {
		f.Add(s)
	}
	const path = "dir/.daqiq.toml"
	f.Fuzz(func(t *testing.T, src []byte) {
		defer fuzzseed.Deadline(2 * time.Second)()
		cfg, err := config.Parse(path, src)
		if (cfg == nil) == (err == nil) {
			t.Fatalf("Parse = %v, %v: want a configuration or an error", cfg, err)
		}
		lines := strings.Count(string(src), "\n") + 1
		if err != nil {
			var e *config.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is a %T, want *config.Error", err, err)
			}
			if e.Path != path || e.Msg == "" {
				t.Fatalf("error %q: path %q, message %q", e.Error(), e.Path, e.Msg)
			}
			if errors.Is(err, config.ErrTooLarge) {
				return
			}
			var raw map[string]any
			var derr error
			if !errors.Is(err, config.ErrTooDeep) { // too costly to decode
				_, derr = toml.Decode(string(src), &raw)
			}
			var pe toml.ParseError
			switch {
			case errors.As(derr, &pe):
				// a line the bytes the decoder blames touch: from the
				// line of the first to the line after the last (the
				// decoder counts a line break it has read); its offsets
				// are into the text after a byte-order mark, which it drops
				want, next := pe.Position.Line, pe.Position.Line
				text := bytes.TrimPrefix(src, []byte("\uFEFF"))
				if bytes.HasPrefix(src, []byte("\xff\xfe")) || bytes.HasPrefix(src, []byte("\xfe\xff")) {
					text = src[2:]
				}
				if at := pe.Position.Start; at >= 0 && at < len(text) {
					want = 1 + bytes.Count(text[:at], []byte("\n"))
					next = 1 + bytes.Count(text[:min(len(text), at+max(1, pe.Position.Len))], []byte("\n"))
				}
				if e.Line < 1 || e.Line > lines || e.Col < 1 || e.Line < want || e.Line > next {
					t.Fatalf("syntax error placed at %d:%d (%d lines), want line %d..%d (decoder: %+v): %s",
						e.Line, e.Col, lines, want, next, pe.Position, e.Msg)
				}
			case derr == nil:
				if e.Line < 1 || e.Line > lines || e.Col < 1 {
					t.Fatalf("error placed at %d:%d (%d lines): %s", e.Line, e.Col, lines, e.Msg)
				}
			}
			return
		}
		for _, p := range []string{"a.txt", "dir/a/b.md", "../x/y.html", "/abs/z.txt"} {
			cfg.Resolve(p)
			cfg.Excluded(p, false)
			cfg.Excluded(filepath.Dir(p), true)
		}
	})
}

// FuzzConfigLoad goes one step further than FuzzConfig: a configuration
// that parses is built into rule sets by rules.Load (custom rules of every
// kind, entities, options checked), which must not panic, and the rules it
// gives run over a short article without panicking and report spans
// inside it. Configurations naming word lists are skipped: Load would read
// the files they name. Seeds: those of FuzzConfig.
func FuzzConfigLoad(f *testing.F) {
	for _, s := range fuzzseed.Load(f, "FuzzConfig") {
		f.Add(s)
	}
	const article = "القاهرة، الجمعة 22 نوفمبر 2024 — قال المسؤل إن الإجتماع فى الوزارة الوزارة كان مثمرا, وأضاف:«نعم» ١2٣ مرة.\n"
	doc, err := source.New("a.txt", []byte(article))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, err := config.Parse("dir/.daqiq.toml", src)
		if err != nil || namesWordLists(cfg) {
			return
		}
		set, err := rules.Load(cfg)
		if err != nil {
			var e *config.Error
			if !errors.As(err, &e) {
				t.Fatalf("Load error %v is a %T, want *config.Error", err, err)
			}
			return
		}
		for _, d := range runner.Run(doc, set.For("a.txt")) {
			if d.Start < 0 || d.Start > d.End || d.End > len(article) {
				t.Fatalf("%s: span %d..%d outside the article", d.Rule, d.Start, d.End)
			}
		}
	})
}

func namesWordLists(cfg *config.Config) bool {
	for _, rs := range cfg.Rules {
		if len(rs.WordLists) > 0 {
			return true
		}
	}
	for _, o := range cfg.Overrides {
		for _, rs := range o.Rules {
			if len(rs.WordLists) > 0 {
				return true
			}
		}
	}
	for _, cr := range cfg.Custom {
		if len(cr.WordLists) > 0 {
			return true
		}
	}
	return false
}
