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

func TestSplitAndSize(t *testing.T) {
	text := Generate(1, 64<<10)
	for _, n := range []int{1, 3, 10} {
		parts := Split(text, n)
		if len(parts) != n {
			t.Errorf("Split into %d: %d parts", n, len(parts))
		}
		if !bytes.Equal(bytes.Join(parts, nil), text) {
			t.Errorf("Split into %d: the parts do not join to the text", n)
		}
		for _, p := range parts[:len(parts)-1] {
			if !bytes.HasSuffix(p, []byte("\n\n")) {
				t.Errorf("Split into %d: a part does not end a paragraph", n)
			}
		}
	}
	for in, want := range map[string]int{"20MB": 20 << 20, "5kb": 5 << 10, "300": 300, " 2MiB": 2 << 20} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "MB", "-5KB", "2GB"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q): no error", in)
		}
	}
}
