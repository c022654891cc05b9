package typography

import (
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/corpus"
)

// known reports whether the fast test takes word w (a single token) for
// a known form.
func known(t *testing.T, lx *lexicon, w string) bool {
	t.Helper()
	toks := arabic.Tokenize(w)
	if len(toks) != 1 || toks[0].Kind != arabic.Word {
		t.Fatalf("%q is not one word", w)
	}
	return lx.knownFast(arabic.Analyze(toks), 0)
}

// TestHashMatchesSplits: the filters are probed with the hashes
// arabic.Analyze computes, so hashOf must be the same function.
func TestHashMatchesSplits(t *testing.T) {
	for _, w := range []string{"الحكومة", "وبالقرار", "للوزير", "قرار"} {
		toks := arabic.Tokenize(w)
		sp := arabic.Analyze(toks)
		for _, c := range sp.Of(0) {
			if c.Article {
				continue
			}
			if got := arabic.StemHash(w[c.Len:]); got != c.Hash {
				t.Errorf("%s[%d:]: hashOf %x, Analyze %x", w, c.Len, got, c.Hash)
			}
		}
	}
}

// TestCorpusWordsKnown: the words of the benchmark corpus are ordinary
// news words; each one the lexicon missed would cost a slow look on every
// occurrence. Its misspellings are not words.
func TestCorpusWordsKnown(t *testing.T) {
	lx, err := builtinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	misspelled := map[string]bool{"المسؤلية": true, "مواليين": true, "الإنتخابات": true}
	for _, w := range strings.Fields(string(corpus.Generate(1, 256<<10))) {
		w = strings.Trim(w, "«»،.؟:")
		toks := arabic.Tokenize(w)
		if seen[w] || misspelled[w] || len(toks) != 1 || toks[0].Kind != arabic.Word || len(toks[0].Key) < 10 {
			continue
		}
		seen[w] = true
		if mayBeTwo(toks[0].Key) != one && !known(t, lx, w) {
			t.Errorf("corpus word %s is not known", w)
		}
	}
}

// TestLoadErrors: the word list is checked when the rule is built.
func TestLoadErrors(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"[all]\na = \"قرار\"\n[verb]\nb = \"قرار\"\n", "listed twice"},
		{"[all]\na = \"قرارات qarar\"\n", "not a core Arabic letter"},
		{"[all]\na = \"قَرار\"\n", "not a core Arabic letter"},
		{"[nouns]\na = \"قرار\"\n", "unknown key"},
		{"[all]\na = \"ق\"\n", "too short"},
	} {
		_, err := loadLexicon([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.data, err, c.want)
		}
	}
	lx, err := builtinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if lx.size < 3000 || lx.size > 6500 {
		t.Errorf("%d forms: the list should stay between 3,000 and 6,500 frequent forms", lx.size)
	}
}

// TestSplits: the halves found for some words, and words left whole.
func TestSplits(t *testing.T) {
	lx, err := builtinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]string{
		"قرارتأجيل":     "قرار تأجيل",
		"الأحدالمقبل":   "الأحد المقبل",
		"برنامجابقيمة":  "برنامجا بقيمة", // an accusative first half
		"إنهاأجرت":      "إنها أجرت",     // a particle with a pronoun
		"أثرصوته":       "أثر صوته",      // a pronoun on the second half
		"ألقاهاأمام":    "ألقاها أمام",   // ألقى + ها
		"مقربين":        "",              // مقر|بين: a letter and an ending
		"تجاربهم":       "",              // تجار|بهم: a pronoun second
		"مناصفة":        "",              // منا|صفة: a preposition first
		"والينابيع":     "",              // والي|نابيع is و + الينابيع
		"المشروعالجديد": "",              // ع joins the next letter
		"عبدالرحمن":     "",              // a compound name
		"نورالدين":      "",
	} {
		got := ""
		if cuts := lx.cuts(w); len(cuts) > 0 && !lx.knownDeep(w) {
			got = w[:cuts[0]] + " " + w[cuts[0]:]
		}
		if got != want {
			t.Errorf("%s: split %q, want %q", w, got, want)
		}
	}
}
