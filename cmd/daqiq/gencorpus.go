package main

import (
	"bytes"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/daqiq/daqiq/lint/corpus"
	"github.com/daqiq/daqiq/rules/benchwords"
)

// genCorpusCommand is the hidden `daqiq gen-corpus`, used by
// testdata/bench/bench.sh: it writes the benchmark corpus of lint/corpus
// (the same bytes as the Go benchmarks' for the same seed and size) cut
// into files, and optionally a word list taken from the spelling data.
func genCorpusCommand() *cli.Command {
	return &cli.Command{
		Name:   "gen-corpus",
		Usage:  "write the reproducible benchmark corpus (for testdata/bench/bench.sh)",
		Hidden: true,
		Flags: []cli.Flag{
			&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "corpus seed (the Go benchmarks use 1)"},
			&cli.StringFlag{Name: "size", Value: "20MB", Usage: "corpus size: N, NKB or NMB (KB = 1024 bytes, MB = 1024 KB; the Go benchmarks use 20MB)"},
			&cli.IntFlag{Name: "files", Value: 200, Usage: "cut the corpus into this many files at paragraph ends"},
			&cli.StringFlag{Name: "out", Usage: "directory to write a000.txt, a001.txt, … into (created)"},
			&cli.StringFlag{Name: "jsonl", Usage: "also write the files as JSON Lines for daqiq batch: {\"id\": \"a000\", \"text\": …} per line"},
			&cli.StringFlag{Name: "words-from", Value: "rules/spelling/data", Usage: "directory of word lists (*.toml) the words are taken from"},
			&cli.StringFlag{Name: "words-file", Usage: "write the wrong forms of the first --words single-word entries, one per line"},
			&cli.StringFlag{Name: "wordlist", Usage: "write the same entries as a daqiq word list (TOML, in their proclitic classes)"},
			&cli.IntFlag{Name: "words", Value: 300, Usage: "how many entries --words-file and --wordlist take"},
		},
		Action: genCorpus,
	}
}

func genCorpus(c *cli.Context) error {
	size, err := corpus.ParseSize(c.String("size"))
	if err != nil {
		return usageErr("--size: %v", err)
	}
	if out, jl := c.String("out"), c.String("jsonl"); out != "" || jl != "" {
		n := c.Int("files")
		if n < 1 {
			return usageErr("--files must be at least 1")
		}
		parts := corpus.Split(corpus.Generate(c.Uint64("seed"), size), n)
		if err := corpus.WriteFiles(parts, out, jl); err != nil {
			return &exitError{2, err.Error()}
		}
	}
	if c.String("words-file") == "" && c.String("wordlist") == "" {
		return nil
	}
	entries, err := benchwords.Pick(c.String("words-from"), c.Int("words"))
	if err != nil {
		return &exitError{2, err.Error()}
	}
	if f := c.String("words-file"); f != "" {
		var b bytes.Buffer
		for _, e := range entries {
			b.WriteString(e.Key + "\n")
		}
		if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
			return &exitError{2, err.Error()}
		}
	}
	if f := c.String("wordlist"); f != "" {
		list, err := benchwords.TOML(entries)
		if err != nil {
			return &exitError{2, err.Error()}
		}
		if err := os.WriteFile(f, list, 0o644); err != nil {
			return &exitError{2, err.Error()}
		}
	}
	return nil
}
