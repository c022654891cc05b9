package source_test

import (
	"testing"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint/corpus"
	"github.com/daqiq/daqiq/lint/source"
)

// BenchmarkNew: the first stage on the benchmark corpus of rules (20 MB,
// seed 1) as one document: UTF-8 check and line index.
func BenchmarkNew(b *testing.B) {
	text := corpus.Generate(1, 20<<20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := source.New("bench.txt", text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUTF8Valid is the standard library's check on the same bytes,
// for comparison.
func BenchmarkUTF8Valid(b *testing.B) {
	text := corpus.Generate(1, 20<<20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		utf8.Valid(text)
	}
}
