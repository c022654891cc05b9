package prose

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// versePieces are the parts the verse test builds its lines from: Arabic
// words, the hemistich marks, what ends a sentence or starts a list item,
// digits and Latin letters, and every line end.
var versePieces = []string{
	"قال", "الوزير", "في", "بيت", "مَنْ", "كَتَبَ", "الشِّعْرَ", "قَلْبِي", "يا", "ليل", "دار", "عبلة",
	"ـــ", "ـ", "\u200c", "é", "hello", "3", "٣",
	" ", " ", " ", " ", " ", "   ", "\t", "\u00a0", "\u00a0\u00a0", " * ", "*", " ـ ", " ـــ ",
	".", "..", "…", ":", "!", "؟", "?", "،", "-", "•", "—", "»", "\"",
	"\n", "\n", "\n", "\r\n", "\r", "\n\n",
}

// checkVerse compares FindVerse with the reference at every offset of the
// text, asked in an order r picks: lines are read as they are asked about.
func checkVerse(t *testing.T, r *rand.Rand, name, text string) {
	t.Helper()
	spans := refFindVerse(text)
	want := func(pos int) bool {
		for _, s := range spans {
			if s.start <= pos && pos < s.end {
				return true
			}
		}
		return false
	}
	v := FindVerse(text)
	order := make([]int, len(text)+2)
	for i := range order {
		order[i] = i - 1
	}
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	for _, pos := range order {
		if got := v.Contains(pos); got != want(pos) {
			t.Fatalf("%s: Contains(%d) = %v, the reference finds %v\ntext: %q", name, pos, got, want(pos), text)
		}
	}
	if got := FindVerse(text).Len(); got != len(spans) {
		t.Fatalf("%s: Len() = %d, the reference finds %d lines\ntext: %q", name, got, len(spans), text)
	}
}

// TestVerseRef: FindVerse, which stops reading a line once it is too long
// for verse, finds the verse lines the first version finds.
func TestVerseRef(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 30000 {
		var b strings.Builder
		words := 1 + r.IntN(80)
		if i%2 == 0 {
			words = 1 + r.IntN(25) // short lines, verse-like ones among them
		}
		for range words {
			if i%3 == 0 {
				// mostly words and spaces
				b.WriteString(versePieces[r.IntN(12)])
				b.WriteString(versePieces[19+r.IntN(13)])
				switch r.IntN(8) {
				case 0:
					b.WriteString(versePieces[r.IntN(len(versePieces))])
				case 1:
					b.WriteString("\n")
				}
			} else {
				b.WriteString(versePieces[r.IntN(len(versePieces))])
			}
		}
		checkVerse(t, r, "random", b.String())
	}
	files, _ := filepath.Glob("../../../testdata/rules/*/*.txt")
	more, _ := filepath.Glob("../../../testdata/articles/*/*.txt")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkVerse(t, r, f, string(data))
	}
}

func FuzzVerse(f *testing.F) {
	f.Add("يا ليل الصب متى غده\nأقيام الساعة موعده\nرقد السمار فأرقه\nأسف للبين يردده")
	f.Add("قال الشاعر   في دار عبلة\r\nكتب * قلبي الوزير ليل\rـــ دار ـــ")
	f.Fuzz(func(t *testing.T, text string) {
		checkVerse(t, rand.New(rand.NewPCG(uint64(len(text)), 5)), "fuzz", text)
	})
}
