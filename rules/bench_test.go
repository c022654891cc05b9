package rules_test

import (
	"testing"

	"github.com/daqiq/daqiq/lint/corpus"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
)

// BenchmarkBuiltin lints a generated 20 MB corpus (fixed seed, articles of
// about 4 KB) with the built-in rule set. Measure on one core:
//
//	go test ./rules -run '^$' -bench Builtin -cpu 1 -benchtime 3x
//
// MB/s is then megabytes per CPU-second.
func BenchmarkBuiltin(b *testing.B) {
	text := corpus.Generate(1, 20<<20)
	arts := corpus.Articles(text, 4<<10)
	set, err := rules.Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	active := set.For("bench.txt")
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
