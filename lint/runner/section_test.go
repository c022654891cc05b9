package runner

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func withSections(t *testing.T, threshold, size int) {
	t.Helper()
	oldT, oldS := SectionThreshold, SectionSize
	SectionThreshold, SectionSize = threshold, size
	t.Cleanup(func() { SectionThreshold, SectionSize = oldT, oldS })
}

// paragraphs returns n short Arabic paragraphs, each different.
func paragraphs(n int) string {
	var b strings.Builder
	words := []string{"قال", "الوزير", "إن", "الحكومة", "أقرت", "الخطة", "الجديدة", "للمدارس", "في", "العاصمة", "والأقاليم"}
	for i := 0; i < n; i++ {
		for j := 0; j < 12; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[(i*7+j*j+i/3)%len(words)])
		}
		b.WriteString(".\n\n")
	}
	return b.String()
}

func TestSections(t *testing.T) {
	withSections(t, 1<<10, 1<<10)
	check := func(name, text string, at func(text string, p int) bool) []int {
		t.Helper()
		b := Sections(text)
		if b[0] != 0 || b[len(b)-1] != len(text) {
			t.Fatalf("%s: bounds %v", name, b)
		}
		for k := 1; k < len(b); k++ {
			if n := b[k] - b[k-1]; n <= 0 || n > SectionSize {
				t.Fatalf("%s: section %d is %d bytes", name, k-1, n)
			}
			if k < len(b)-1 && (!utf8.RuneStart(text[b[k]]) || !at(text, b[k])) {
				t.Errorf("%s: cut %d at %q|%q", name, b[k], text[max(0, b[k]-10):b[k]], text[b[k]:b[k]+10])
			}
		}
		if len(b) < 3 {
			t.Fatalf("%s: %d sections", name, len(b)-1)
		}
		return b
	}
	paras := paragraphs(100)
	bounds := check("paragraphs", paras, func(s string, p int) bool { return strings.HasSuffix(s[:p], "\n\n") })
	check("lines", strings.ReplaceAll(paras, "\n\n", "\n"), func(s string, p int) bool { return s[p-1] == '\n' })
	check("one line", strings.ReplaceAll(paras, "\n\n", " "), func(s string, p int) bool { return s[p] == ' ' && s[p-1] != ' ' })
	check("no space", strings.Repeat("كلمة", 1000), func(string, int) bool { return true })
	if got := Sections("قصير"); len(got) != 2 {
		t.Errorf("a short text: %v", got)
	}

	// fixes in the first section that change its length but not its
	// letters as Sections reads them (tatweel, hamza, spaces) leave the
	// cuts where they were, moved by the change
	withSections(t, 1<<12, 1<<12)
	paras = paragraphs(400)
	bounds = Sections(paras)
	first := paras[:bounds[1]]
	first = strings.Replace(first, "أقرت", "اقرت", 2)
	first = strings.Replace(first, "الخطة", "الخطـة", 3)
	first = strings.Replace(first, " في ", "  في ", 2)
	fixed := first + paras[bounds[1]:]
	delta := len(fixed) - len(paras)
	if delta == 0 || len(bounds) < 4 {
		t.Fatalf("delta %d, %d sections", delta, len(bounds)-1)
	}
	got := Sections(fixed)
	if len(got) != len(bounds) {
		t.Fatalf("after fixes: %d sections, want %d", len(got)-1, len(bounds)-1)
	}
	for k := 1; k < len(bounds); k++ {
		if got[k] != bounds[k]+delta {
			t.Errorf("cut %d: %d after fixes, want %d%+d", k, got[k], bounds[k], delta)
		}
	}
}
