package usage

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/arabic"
)

// quietPieces are the parts the quiet test builds its lines from: words of
// every kind, the marks findQuiet looks for (hemistich marks, quotation
// marks, Persian letters, harakat), and what may sit on a token's edge
// (tatweel, joiners, a BOM, a stray combining mark, a no-break space).
var quietPieces = []string{
	"قال", "الوزير", "في", "بيت", "مَنْ", "كَتَبَ", "الشِّعْرَ", "قَلْبِي", "يا", "ليل", "دار", "عبلة",
	"hello", "World", "don't", "café", "123", "٣٤", "3.5",
	" ", " ", " ", "   ", "    ", "\t", "\u00a0", "\n", "\n", "\r\n", "\r",
	"*", "***", " * ", "…", "...", ".", "،", ":", "؛", "!", "؟",
	"«", "»", "“", "”", "\"", "„", "(", ")",
	"ـ", "ـــ", "\u200c", "\u200d", "\ufeff", "\u0301", "\u064e", "\u0651", "\u061c", "\u08d3",
}

// persianPieces hold letters of Persian and Urdu; the test uses them
// sparingly, for a line with two of them is quiet whatever else it holds.
var persianPieces = []string{"پدر", "چشم", "گفت", "کتاب", "یک", "ے", "ٹ", "ہے", "ژ"}

// randomText is a random text of n pieces.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		if r.IntN(40) == 0 {
			b.WriteString(persianPieces[r.IntN(len(persianPieces))])
		} else {
			b.WriteString(quietPieces[r.IntN(len(quietPieces))])
		}
		if r.IntN(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// checkQuiet compares the quiet parts of text with the reference's at
// every offset, asked in an order r picks: lines are read as they are
// asked about.
func checkQuiet(t *testing.T, r *rand.Rand, name, text string) {
	t.Helper()
	want := refFindQuiet(text)
	q := newQuietText(text, arabic.Tokenize(text))
	order := make([]int, len(text)+2)
	for i := range order {
		order[i] = i - 1
	}
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	for _, at := range order {
		if got := q.has(at); got != want.has(at) {
			t.Fatalf("%s: has(%d) = %v, the reference finds %v (%v)\ntext: %q", name, at, got, want.has(at), want, text)
		}
	}
}

// TestQuietRef: findQuiet, which counts words on the document's tokens,
// finds the quiet spans the reference finds tokenizing each line and each
// part of a line again.
func TestQuietRef(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		checkQuiet(t, r, "random", randomText(r, 1+r.IntN(60)))
		if i%4 == 0 {
			// short lines of verse, a poem of rhyming lines
			var b strings.Builder
			for range 2 + r.IntN(8) {
				b.WriteString(randomText(r, 3+r.IntN(10)))
				b.WriteString([]string{"\n", "ا\n", "ي\n", ".\n"}[r.IntN(4)])
			}
			checkQuiet(t, r, "lines", b.String())
		}
		if i%4 == 1 {
			// a poem: lines of Arabic words, most ending in one letter,
			// and a line quoting words of another script
			words := quietPieces[:12]
			var b strings.Builder
			for range 3 + r.IntN(6) {
				for range 2 + r.IntN(14) {
					b.WriteString(words[r.IntN(len(words))])
					b.WriteString([]string{" ", " ", " ", "   ", "\t", " * ", "ـ "}[r.IntN(7)])
				}
				b.WriteString([]string{"ا\n", "ا\n", "ا\n", "ي\n", "\n", "،\n"}[r.IntN(6)])
			}
			b.WriteString("قال " + []string{"«", "“", "\"", "„"}[r.IntN(4)])
			for range r.IntN(5) {
				b.WriteString([]string{"hello ", "world ", "في ", "بيت ", "ٹ", "123 "}[r.IntN(6)])
			}
			b.WriteString([]string{"»", "”", "\"", "“", ""}[r.IntN(5)] + " ثم")
			checkQuiet(t, r, "poem", b.String())
		}
	}
	files, _ := filepath.Glob("../../testdata/rules/*/*.txt")
	more, _ := filepath.Glob("../../testdata/articles/*/*.txt")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkQuiet(t, r, f, string(data))
	}
}

func FuzzQuiet(f *testing.F) {
	f.Add("قال الشاعر * يا ليل الصب متى غده\n«پدر و مادر» قالوا")
	f.Add("\ufeffمَنْ كَتَبَ الشِّعْرَ قَلْبِي\t\tفي دار عبلة\n\"hello world\" قال")
	f.Fuzz(func(t *testing.T, text string) {
		checkQuiet(t, rand.New(rand.NewPCG(uint64(len(text)), 7)), "fuzz", text)
	})
}
