package arabic

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/corpus"
)

func TestMaxProclitic(t *testing.T) {
	for _, p := range proclitics {
		if len(p.text) > maxProclitic {
			t.Errorf("proclitic %q is longer than maxProclitic (%d bytes)", p.text, maxProclitic)
		}
	}
}

// sameAsRef checks that Tokenize and Analyze give what the plain versions
// in ref_test.go give.
func sameAsRef(t *testing.T, text string) {
	t.Helper()
	want := tokenizeRef(text)
	got := Tokenize(text)
	if !slices.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("Tokenize(%q): token %d = %+v, want %+v", text, i, got[i], want[i])
			}
		}
		t.Fatalf("Tokenize(%q): %d tokens, want %d", text, len(got), len(want))
	}
	ws, gs := analyzeRef(want), Analyze(got)
	if !slices.Equal(ws.start, gs.start) || !slices.Equal(ws.cands, gs.cands) {
		t.Fatalf("Analyze(%q) = %v %v, want %v %v", text, gs.start, gs.cands, ws.start, ws.cands)
	}
	// MatchAt finds what the map lookups find
	for _, lex := range []*Lexicon{fuzzLexicon, refLexicon} {
		for i := range got {
			m, ok := lex.MatchAt(got, gs, i)
			wm, wok := lex.matchAtRef(got, gs, i)
			if ok != wok || !slices.Equal(m.Rest, wm.Rest) || m.Class != wm.Class || m.Value != wm.Value ||
				m.First != wm.First || m.Last != wm.Last || m.Prefix != wm.Prefix || m.Article != wm.Article {
				t.Fatalf("MatchAt(%q, %d) = %+v %v, want %+v %v", text, i, m, ok, wm, wok)
			}
		}
	}
	// reused buffers give the same
	var sp Splits
	sp.Analyze(Tokenize("سطر آخر، والكلمات للوزير"))
	toks := AppendTokens(Tokenize("كلام سابق")[:0], text)
	sp.Analyze(toks)
	if !slices.Equal(toks, want) || !slices.Equal(sp.start, ws.start) || !slices.Equal(sp.cands, ws.cands) {
		t.Fatalf("AppendTokens and Splits.Analyze with reused memory differ on %q", text)
	}
}

// refLexicon has entries of every class, with and without the article,
// words that are also the first word of phrases, and one-letter keys.
var refLexicon = func() *Lexicon {
	l := NewLexicon()
	for i, w := range []struct {
		key   string
		class Class
	}{
		{"الوزير", ClassAll}, {"الوزير الأول", ClassAll}, {"الوزير الأول السابق", ClassNoArt}, {"وزير", ClassAll},
		{"اللجنة", ClassVerb}, {"السلام", ClassConj}, {"البيت", ClassExact}, {"ال", ClassAll}, {"ل", ClassAll},
		{"كتاب", ClassNoArt}, {"الكتاب", ClassAll}, {"الكتاب المقدس", ClassVerb}, {"فى", ClassConj}, {"في", ClassExact}, {"لاكن", ClassAll}, {"ب", ClassExact},
		{"وزير الخارجية", ClassAll}, {"إن شاء الله", ClassExact}, {"ا", ClassAll}, {"اا", ClassAll},
	} {
		l.Add(w.key, w.class, i)
	}
	for i := range 300 {
		l.Add("كلمة"+strings.Repeat("ب", i%7)+string(rune('ا'+i%20)), Class(i%5), 100+i)
	}
	return l
}()

func TestTokenizeSameAsRef(t *testing.T) {
	for _, a := range corpus.Articles(corpus.Generate(3, 256<<10), 4<<10) {
		sameAsRef(t, string(a))
	}
	// random strings over characters at the edges of every class
	alphabet := []string{
		" ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\u0085", "\u3000", "a", "Z", "é", "'", ".", ",", "-", "0", "9",
		"٠", "٩", "۰", "۹", "٫", "٬", "ا", "ب", "ل", "و", "ف", "ك", "ال", "لل", "ى", "ي", "ة", "ء", "أ", "إ", "آ", "ٱ",
		"\u064b", "\u0650", "\u0670", "\u0640", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff",
		"\u061c", "\u0610", "\u06d6", "\u08ca", "\u0301", "،", "؟", "«", "»", "\u0750", "\u08a0", "ک", "ی", "\u06d5",
		"\xff", "\xd8", "\xd9\x20", "😀", "中", "Ω", "“", "”", "…", "–", "—", "\u2009", "\u202f", "\u0620", "\u06e5",
		"\u06dd", "\u060c", "\u061b", "\u066a", "\u06d4", "\u00ad", "\u00b7", "\u0374", "\u0300", " ",
		"الوزير", "للوزير", "والوزير", "وللوزير", "الأول", "السابق", "وزير", "الخارجية", "للجنة", "فللجنة",
		"اللجنة", "والسلام", "السلام", "بالبيت", "كتاب", "بكتاب", "الكتاب", "ففى", "كفى", "لاكن", "إن", "شاء", "الله",
		"كلمةبا", "كلمةبببج", "وكلمةد", "للكلمةبه", "للكتاب", "وللكتاب", "فللكتاب", "المقدس",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		if r.IntN(10) == 0 {
			b.WriteString("\ufeff")
		}
		for k := r.IntN(12); k >= 0; k-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		sameAsRef(t, b.String())
	}
}

// Every character of the first three planes' busy blocks, alone and
// between words, spaces and marks, tokenizes as the plain version does.
func TestTokenizeEveryCharSameAsRef(t *testing.T) {
	contexts := [][2]string{{"", ""}, {"قال", "قال"}, {" ", " "}, {"ب", ""}, {"", "ب"}, {"a", "b"}, {"1", "2"}, {"\u0640", "\u064e"}, {"\u200c", "\u200c"}}
	for r := rune(0); r < 0x3100; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		for _, c := range contexts {
			sameAsRef(t, c[0]+string(r)+c[1])
		}
	}
	for _, r := range []rune{0xFEFF, 0xFFFD, 0xFE70, 0xFB50, 0x1F600, 0x10FFFF} {
		for _, c := range contexts {
			sameAsRef(t, c[0]+string(r)+c[1])
		}
	}
}
