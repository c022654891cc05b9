package runner_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/corpus"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules/kinds"
)

// The engine over the benchmark corpus of rules/bench_test.go (20 MB,
// seed 1, articles of about 4 KB), without the rules' own work:
//
//	go test ./lint/runner -run '^$' -bench . -cpu 1
//
// MB/s is then megabytes per CPU-second. BenchmarkRun/none is the floor
// every configuration pays (tokens, proclitic splits, sorting);
// BenchmarkRun/substitution adds one word-list rule, the one
// testdata/bench/bench.sh compares with grep -F -w -f.

var benchDocs = sync.OnceValue(func() []*source.Document { return corpus.Documents(1, 20<<20, 4<<10) })

func docsSize(docs []*source.Document) int64 {
	n := 0
	for _, d := range docs {
		n += len(d.Src)
	}
	return int64(n)
}

// BenchmarkDocument: bytes → document (UTF-8 check, line index).
func BenchmarkDocument(b *testing.B) {
	docs := benchDocs()
	b.SetBytes(docsSize(docs))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := source.New("bench.txt", d.Src); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkRun(b *testing.B) {
	sub := benchSubstitution(b)
	for _, c := range []struct {
		name  string
		rules []lint.Active
	}{
		{"none", nil},
		{"substitution", []lint.Active{{Rule: sub, Level: lint.Error}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			docs := benchDocs()
			b.SetBytes(docsSize(docs))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for _, d := range docs {
					n += len(runner.Run(d, c.rules))
				}
			}
			if c.rules != nil && n == 0 {
				b.Fatal("no diagnostics: the corpus has slips from the list")
			}
		})
	}
}

// benchSubstitution is the rule of testdata/bench/bench.sh: the first 300
// single-word entries of rules/spelling/data/*.toml, files by name,
// entries in list order (daqiq gen-corpus --words-file/--wordlist).
func benchSubstitution(b *testing.B) *lint.Rule {
	files, _ := filepath.Glob("../../rules/spelling/data/*.toml")
	if len(files) == 0 {
		b.Fatal("no word lists in rules/spelling/data")
	}
	seen := map[string]bool{}
	var entries []kinds.WordEntry
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		es, err := kinds.ParseWordList(f, data)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range es {
			k := arabic.Key(e.Key)
			if len(entries) < 300 && !strings.ContainsAny(e.Key, " \u00a0") && !seen[k] {
				seen[k] = true
				entries = append(entries, e)
			}
		}
	}
	r, err := kinds.NewSubstitution(kinds.Substitution{Rule: lint.Rule{ID: "bench/words", Category: "bench", Level: lint.Error}, Entries: entries})
	if err != nil {
		b.Fatal(err)
	}
	return r
}
