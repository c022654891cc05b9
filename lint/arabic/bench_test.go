package arabic

import (
	"sync"
	"testing"

	"github.com/daqiq/daqiq/lint/corpus"
)

// The first two stages of every run over the benchmark corpus of
// rules/bench_test.go (20 MB, seed 1, articles of about 4 KB):
//
//	go test ./lint/arabic -run '^$' -bench . -cpu 1
//
// MB/s is then megabytes per CPU-second.

var benchArticles = sync.OnceValue(func() []string {
	var out []string
	for _, a := range corpus.Articles(corpus.Generate(1, 20<<20), 4<<10) {
		out = append(out, string(a))
	}
	return out
})

// benchEach runs f on every article of the corpus, bytes counted.
func benchEach(b *testing.B, f func(a string)) {
	arts := benchArticles()
	n := 0
	for _, a := range arts {
		n += len(a)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			f(a)
		}
	}
}

// BenchmarkTokenize: text → tokens with their normalised keys.
func BenchmarkTokenize(b *testing.B) {
	benchEach(b, func(a string) { Tokenize(a) })
}

// BenchmarkTokenizeAnalyze: tokens, then the proclitic splits of every
// word; Analyze's cost is the difference with BenchmarkTokenize. (Tokens
// made beforehand for the whole corpus would be 200 MB of live heap, and
// the garbage collector scanning them would dominate the measure.)
func BenchmarkTokenizeAnalyze(b *testing.B) {
	benchEach(b, func(a string) { Analyze(Tokenize(a)) })
}

// BenchmarkKey: the normalised key of every word token, as a word list
// lookup from raw text would compute it.
func BenchmarkKey(b *testing.B) {
	arts := benchArticles()
	var words []string
	for _, a := range arts[:len(arts)/10] {
		for _, t := range Tokenize(a) {
			if t.Kind == Word {
				words = append(words, a[t.Start:t.End])
			}
		}
	}
	n := 0
	for _, w := range words {
		n += len(w)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			Key(w)
		}
	}
}

// BenchmarkAppendTokens: Tokenize into one slice reused for every article,
// as the runner does.
func BenchmarkAppendTokens(b *testing.B) {
	var toks []Token
	benchEach(b, func(a string) { toks = AppendTokens(toks[:0], a) })
}

// BenchmarkAppendTokensAnalyze: BenchmarkAppendTokens, then the splits of
// every word into reused memory; Analyze's cost is the difference.
func BenchmarkAppendTokensAnalyze(b *testing.B) {
	var toks []Token
	var sp Splits
	benchEach(b, func(a string) {
		toks = AppendTokens(toks[:0], a)
		sp.Analyze(toks)
	})
}
