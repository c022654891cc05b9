package hunspell

import (
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkLoad loads Debian's Arabic dictionary.
func BenchmarkLoad(b *testing.B) {
	_, aff, dic := systemArabic(b)
	affData, err := os.ReadFile(aff)
	if err != nil {
		b.Fatal(err)
	}
	dicData, err := os.ReadFile(dic)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(affData) + len(dicData)))
	for b.Loop() {
		if _, err := Load(strings.NewReader(string(affData)), strings.NewReader(string(dicData))); err != nil {
			b.Fatal(err)
		}
	}
}

// newsTokens makes a reproducible stand-in for Arabic news: words drawn
// with a Zipf law from a vocabulary generated from the dictionary (see
// diffWords; about a third misspelled), so that frequent words come back
// the way they do in real text.
func newsTokens(tb testing.TB, vocabulary, n int) (tokens []string, size int64) {
	_, _, dic := systemArabic(tb)
	vocab := diffWords(stems(tb, dic), vocabulary)
	rng := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1))
	tokens = make([]string, n)
	for i := range tokens {
		tokens[i] = vocab[zipf.Uint64()]
		size += int64(len(tokens[i]) + 1) // and a space
	}
	return tokens, size
}

// BenchmarkSpellNews checks a text of 200,000 words with 20,000 distinct
// ones; the throughput is in bytes of text. Run with -cpu 1 for the
// figure per CPU.
func BenchmarkSpellNews(b *testing.B) {
	d, _, _ := systemArabic(b)
	tokens, size := newsTokens(b, 20000, 200000)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, w := range tokens {
			d.Spell(w)
		}
	}
}

// BenchmarkSpellParallel is BenchmarkSpellNews on all CPUs at once.
func BenchmarkSpellParallel(b *testing.B) {
	d, _, _ := systemArabic(b)
	tokens, size := newsTokens(b, 20000, 200000)
	b.SetBytes(size / int64(len(tokens)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			d.Spell(tokens[i%len(tokens)])
			i++
		}
	})
}

// BenchmarkSpellUncached is the cost of a word seen for the first time.
func BenchmarkSpellUncached(b *testing.B) {
	d, _, dic := systemArabic(b)
	words := diffWords(stems(b, dic), 20000)
	size := int64(0)
	for _, w := range words {
		size += int64(len(w) + 1)
	}
	b.SetBytes(size / int64(len(words)))
	i := 0
	for b.Loop() {
		d.spell(words[i%len(words)], 0)
		i++
	}
}

// TestMemory reports the heap a loaded Arabic dictionary holds.
func TestMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	_, aff, dic := systemArabic(t)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d, err := Open(aff, dic)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("a loaded Arabic dictionary holds %.1f MiB of heap (%d stems); loading allocated %.1f MiB in all",
		float64(held)/(1<<20), d.Words(), float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))
	if held > 150<<20 {
		t.Errorf("the dictionary holds %d MiB, more than 150", held>>20)
	}
	runtime.KeepAlive(d)
}
