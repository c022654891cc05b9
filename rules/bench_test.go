package rules_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/corpus"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
	"github.com/daqiq/daqiq/rules/benchwords"
)

// BenchmarkBuiltin lints a generated 20 MB corpus (fixed seed, articles of
// about 4 KB) with the built-in rule set. Measure on one core:
//
//	go test ./rules -run '^$' -bench Builtin -cpu 1 -benchtime 3x
//
// MB/s is then megabytes per CPU-second.
func BenchmarkBuiltin(b *testing.B) {
	set, err := rules.Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	benchCorpus(b, set.For("bench.txt"))
}

// benchCorpus lints the 20 MB corpus (seed 1, 4 KB articles) with active,
// each article a document as the CLI makes it.
func benchCorpus(b *testing.B, active []lint.Active) {
	text := corpus.Generate(1, 20<<20)
	arts := corpus.Articles(text, 4<<10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		for _, a := range arts {
			doc, err := source.New("bench.txt", a)
			if err != nil {
				b.Fatal(err)
			}
			n += len(runner.Run(doc, active))
		}
		if n == 0 {
			b.Fatal("no diagnostics: the corpus should contain slips")
		}
	}
}

// BenchmarkOneRule is the one-rule configuration of testdata/bench/bench.sh
// on the corpus of BenchmarkBuiltin: every built-in rule off and one custom
// substitution rule whose word list is the first 300 single-word entries of
// rules/spelling/data (what `daqiq gen-corpus --words 300 --wordlist` writes).
// Measure on one core:
//
//	go test ./rules -run '^$' -bench OneRule -cpu 1 -benchtime 3x
func BenchmarkOneRule(b *testing.B) {
	set := oneRuleSet(b, 300)
	active := set.For("bench.txt")
	if len(active) != 1 {
		b.Fatalf("%d rules on, want 1", len(active))
	}
	benchCorpus(b, active)
}

// oneRuleSet writes the word list and the configuration of bench.sh into a
// temporary directory and loads them.
func oneRuleSet(b *testing.B, n int) *rules.Set {
	b.Helper()
	entries, err := benchwords.Pick(filepath.Join("spelling", "data"), n)
	if err != nil {
		b.Fatal(err)
	}
	list, err := benchwords.TOML(entries)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "words.toml"), list, 0o644); err != nil {
		b.Fatal(err)
	}
	defaults, err := rules.Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	var cfg bytes.Buffer
	for _, r := range defaults.Rules() {
		fmt.Fprintf(&cfg, "[rules.%q]\nenabled = false\n", r.ID)
	}
	cfg.WriteString("[[rule]]\nid = \"bench/words\"\nkind = \"substitution\"\nlevel = \"error\"\nwordlists = [\"words.toml\"]\n")
	path := filepath.Join(dir, "one-rule.toml")
	if err := os.WriteFile(path, cfg.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	c, err := config.Load(path)
	if err != nil {
		b.Fatal(err)
	}
	set, err := rules.Load(c)
	if err != nil {
		b.Fatal(err)
	}
	return set
}
