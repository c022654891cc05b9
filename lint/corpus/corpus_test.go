package corpus

import (
	"bytes"
	"strings"
	"testing"
)

// The generator's text is what its comment says: the same for a seed,
// paragraphs without trailing spaces, and slips and doubled words at their
// planted rates.
func TestGenerate(t *testing.T) {
	a, b := Generate(7, 1<<20), Generate(7, 1<<20)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with one seed differ")
	}
	if bytes.Equal(a, Generate(8, 1<<20)) {
		t.Fatal("two seeds give the same text")
	}
	slip := map[string]bool{}
	for _, w := range slips {
		slip[w] = true
	}
	var words, slipped, doubled int
	for _, line := range strings.Split(string(a), "\n") {
		if strings.TrimRight(line, " ") != line {
			t.Fatalf("a line ends with a space: %q", line[max(0, len(line)-40):])
		}
		prev := ""
		for _, w := range strings.Fields(line) {
			w = strings.Trim(w, "«»،.؟:")
			words++
			if slip[w] {
				slipped++
			}
			if w == prev {
				doubled++
			}
			prev = w
		}
	}
	rate := func(n int) float64 { return float64(n) * 1000 / float64(words) }
	if r := rate(slipped); r < 5 || r > 7 {
		t.Errorf("%.2f slips per 1,000 words, want about 6", r)
	}
	// planted, plus the few a random draw doubles by chance
	if r := rate(doubled); r < 1.6 || r > 3 {
		t.Errorf("%.2f doubled words per 1,000 words, want about 2", r)
	}
}
