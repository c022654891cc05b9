package arabic

import (
	"strings"
	"testing"
	"unsafe"
)

func TestKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"المسـؤلية", "المسؤلية"},    // tatweel
		{"هَاذا", "هاذا"},            // fatha
		{"مُحَمَّدٌ", "محمد"},        // harakat, shadda, tanween
		{"الرحمٰن", "الرحمن"},        // dagger alef
		{"مى\u200cخواهم", "مىخواهم"}, // ZWNJ
		{"كتاب", "كتاب"},
	} {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// nothing to change: the same string back, not a copy
	s := "كتاب"
	if k := Key(s); unsafe.StringData(k) != unsafe.StringData(s) {
		t.Error("Key copied a clean word")
	}
	if n := testing.AllocsPerRun(100, func() { _ = Key(s) }); n != 0 {
		t.Errorf("Key allocates %v times on a clean word", n)
	}
}

func TestFolds(t *testing.T) {
	if got := FoldHamza("أإآٱا"); got != "ااااا" {
		t.Errorf("FoldHamza = %q", got)
	}
	if got := FoldYeh("فى"); got != "في" {
		t.Errorf("FoldYeh = %q", got)
	}
	if got := FoldYeh("على"); got != "علي" {
		t.Errorf("FoldYeh(على) = %q", got)
	}
	if got := FoldYeh("ىاء"); got != "ىاء" {
		t.Errorf("FoldYeh only folds a final ى, got %q", got)
	}
}

func kinds(toks []Token, text string) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Kind.String())
		b.WriteString(":")
		b.WriteString(text[t.Start:t.End])
		b.WriteString("|")
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"قال: «نعم»، ثم؟", "word:قال|punct::|space: |punct:«|word:نعم|punct:»|punct:،|space: |word:ثم|punct:؟|"},
		{"جمادى\u00a0الأولى", "word:جمادى|space:\u00a0|word:الأولى|"},
		{"المسـؤلية هَاذا", "word:المسـؤلية|space: |word:هَاذا|"},
		{"٢٢/١١/٢٠٢٤ و۱۴۴۶ 3.5", "number:٢٢|punct:/|number:١١|punct:/|number:٢٠٢٤|space: |word:و|number:۱۴۴۶|space: |number:3.5|"},
		{"“رويترز” Reuters's", "punct:“|word:رويترز|punct:”|space: |word:Reuters's|"},
		{"\uFEFFسطر\r\nثان", "word:سطر|space:\r\n|word:ثان|"},
		{"ـمثال ـ", "word:ـمثال|space: |word:ـ|"},
	} {
		toks := Tokenize(c.in)
		if got := kinds(toks, c.in); got != c.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
		// every byte but a leading BOM is covered exactly once
		pos := 0
		if strings.HasPrefix(c.in, "\uFEFF") {
			pos = 3
		}
		for _, tk := range toks {
			if tk.Start != pos {
				t.Errorf("%q: gap at %d", c.in, pos)
			}
			pos = tk.End
		}
		if pos != len(c.in) {
			t.Errorf("%q: tokens end at %d of %d", c.in, pos, len(c.in))
		}
	}
	toks := Tokenize("٢٠٢٤ ۱۴۴۶")
	if toks[0].Key != "2024" || toks[2].Key != "1446" {
		t.Errorf("number keys %q %q", toks[0].Key, toks[2].Key)
	}
	if toks := Tokenize("أ\n\nب"); toks[1].Breaks != 2 {
		t.Errorf("breaks = %d", toks[1].Breaks)
	}
}

func TestLexiconProclitics(t *testing.T) {
	l := NewLexicon()
	l.Add("مسؤلية", ClassAll, 1)
	l.Add("فى", ClassConj, 2)
	l.Add("هاذا", ClassNoArt, 3)
	l.Add("أدي", ClassVerb, 4)
	l.Add("إنشاء الله", ClassExact, 5)
	for _, c := range []struct {
		word   string
		ok     bool
		prefix string
	}{
		{"مسؤلية", true, ""},
		{"المسؤلية", true, "ال"},
		{"والمسؤلية", true, "وال"},
		{"للمسؤلية", true, "لل"},
		{"بالمسؤلية", true, "بال"},
		{"ففى", true, "ف"},
		{"وفى", true, "و"},
		{"كفى", false, ""}, // ك does not attach to a particle
		{"بفى", false, ""},
		{"وهاذا", true, "و"},
		{"بهاذا", true, "ب"},
		{"الهاذا", false, ""},
		{"فأدي", true, "ف"},
		{"بأدي", false, ""},
		{"مسؤليات", false, ""},
	} {
		_, prefix, ok := l.Lookup(c.word)
		if ok != c.ok || prefix != c.prefix {
			t.Errorf("Lookup(%q) = %q %v, want %q %v", c.word, prefix, ok, c.prefix, c.ok)
		}
	}
	toks := Tokenize("قال إنشاء الله غدا")
	m, ok := l.MatchAt(toks, Analyze(toks), 2)
	if !ok || m.Value != 5 || m.Last != 4 {
		t.Errorf("phrase match = %+v %v", m, ok)
	}
	// a phrase does not span a paragraph break
	toks = Tokenize("إنشاء\n\nالله")
	if m, ok := l.MatchAt(toks, Analyze(toks), 0); ok {
		t.Errorf("phrase matched across a blank line: %+v", m)
	}
}

func TestSplitPrefix(t *testing.T) {
	w := "وَالمسؤلية"
	n := SplitPrefix(w, "وال")
	if w[n:] != "مسؤلية" {
		t.Errorf("SplitPrefix kept %q", w[n:])
	}
}

// StemHash is the hash Analyze gives each candidate stem, and
// StemHashBefore extends a stem's hash to the left.
func TestStemHash(t *testing.T) {
	toks := Tokenize("وبالمسؤولية فالحكومة للوزير")
	sp := Analyze(toks)
	n := 0
	for i, tok := range toks {
		if tok.Kind != Word {
			continue
		}
		for _, c := range sp.Of(i) {
			if c.Article {
				continue
			}
			n++
			stem := tok.Key[c.Len:]
			if got := StemHash(stem); got != c.Hash {
				t.Errorf("StemHash(%q) = %x, Analyze gives %x", stem, got, c.Hash)
			}
			if len(stem) >= 4 {
				a, b := stem[:2], stem[2:]
				if got := StemHashBefore(StemHash(b), a); got != c.Hash {
					t.Errorf("StemHashBefore(StemHash(%q), %q) = %x, want %x", b, a, got, c.Hash)
				}
			}
		}
	}
	if n < 6 {
		t.Fatalf("only %d candidates", n)
	}
	if StemHashBefore(StemHashSeed, "قال") != StemHash("قال") {
		t.Error("StemHashSeed is not the hash of the empty stem")
	}
}

// A lone CR ends a line as \n and \r\n do; a CRLF is one line end.
func TestLoneCRBreaks(t *testing.T) {
	for text, want := range map[string]uint16{
		"قال\rالوزير":      1,
		"قال\r\nالوزير":    1,
		"قال\r\rالوزير":    2,
		"قال \r \n الوزير": 2,
		"قال\nالوزير":      1,
	} {
		toks := Tokenize(text)
		if len(toks) != 3 || toks[1].Kind != Space || toks[1].Breaks != want {
			t.Errorf("%q: %+v, want one space of %d breaks", text, toks, want)
		}
	}
}
