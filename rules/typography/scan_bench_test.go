package typography

import (
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/corpus"
	"github.com/daqiq/daqiq/lint/source"
)

func benchPipeline(b *testing.B, run func(*lint.Pass)) {
	text := corpus.Generate(1, 20<<20)
	arts := corpus.Articles(text, 4<<10)
	docs := make([]*source.Document, len(arts))
	for i, a := range arts {
		docs[i], _ = source.New("bench.txt", a)
	}
	if _, err := builtinLexicon(); err != nil {
		b.Fatal(err)
	}
	rule := &lint.Rule{}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, doc := range docs {
			toks := arabic.Tokenize(doc.Text)
			sp := arabic.Analyze(toks)
			if run != nil {
				run(lint.NewPass(rule, doc, toks, sp, nil, nil, map[string]any{}, func(lint.Diagnostic) {}))
			}
		}
	}
}

// The typography rules over the benchmark corpus of rules/bench_test.go,
// against the tokenizing they start from: compare
//
//	go test ./rules/typography -run '^$' -bench . -cpu 1 -count 6
//
// BenchmarkTypography with BenchmarkTokenize; the difference is what the
// rules cost.
func BenchmarkTokenize(b *testing.B) { benchPipeline(b, nil) }
func BenchmarkTypography(b *testing.B) {
	benchPipeline(b, func(p *lint.Pass) {
		lx, _ := builtinLexicon()
		whitespace(p)
		hiddenCharacters(p)
		tatweel(p)
		mixedDigits(p)
		digitConsistency(p)
		runTogether(p, lx)
	})
}
