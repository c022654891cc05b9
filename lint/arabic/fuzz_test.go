package arabic

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint/internal/fuzzseed"
)

// fuzzLexicon holds words and phrases with every class, for MatchAt.
var fuzzLexicon = func() *Lexicon {
	l := NewLexicon()
	for i, w := range []struct {
		key   string
		class Class
	}{
		{"مسؤل", ClassAll}, {"الوزير", ClassAll}, {"إجتماع", ClassAll}, {"هاذا", ClassNoArt},
		{"أدي", ClassVerb}, {"حتي", ClassConj}, {"فى", ClassExact}, {"إنشاء الله", ClassExact},
		{"رئيس الوزراء", ClassAll}, {"رئيس الوزراء الألباني", ClassAll}, {"ب", ClassAll}, {"ال", ClassAll},
	} {
		l.Add(w.key, w.class, i)
	}
	return l
}()

// FuzzTokenize: on any string (valid UTF-8 or not) Tokenize does not panic
// and its tokens cover every byte once, in order, a leading BOM excepted;
// keys are normalised; Analyze's candidate splits stay inside each key and
// MatchAt's matches inside the token stream.
func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzseed.Load(f, "FuzzTokenize") {
		f.Add(string(s))
	}
	f.Fuzz(func(t *testing.T, text string) {
		defer fuzzseed.Deadline(2 * time.Second)()
		sameAsRef(t, text)
		toks := Tokenize(text)
		pos := 0
		if strings.HasPrefix(text, "\uFEFF") {
			pos = len("\uFEFF")
		}
		for i, tk := range toks {
			if tk.Start != pos || tk.End <= tk.Start || tk.End > len(text) {
				t.Fatalf("token %d %+v: want it to start at %d and end after it, inside %d bytes", i, tk, pos, len(text))
			}
			pos = tk.End
			checkToken(t, text, tk)
		}
		if pos != len(text) {
			t.Fatalf("tokens end at %d, text has %d bytes", pos, len(text))
		}

		sp := Analyze(toks)
		if len(sp.start) != len(toks)+1 || int(sp.start[len(toks)]) != len(sp.cands) {
			t.Fatalf("Analyze: %d starts, %d candidates for %d tokens", len(sp.start), len(sp.cands), len(toks))
		}
		// NextMayMatch finds the words MayMatch accepts, in order
		next := -1
		for i := len(toks) - 1; i >= 0; i-- {
			if toks[i].Kind == Word && fuzzLexicon.MayMatch(sp, i) {
				next = i
			}
			if got := fuzzLexicon.NextMayMatch(sp, i); got != next {
				t.Fatalf("NextMayMatch(%d) = %d, want %d", i, got, next)
			}
		}
		if got := fuzzLexicon.NextMayMatch(sp, len(toks)); got != -1 {
			t.Fatalf("NextMayMatch past the end = %d", got)
		}
		for i, tk := range toks {
			checkSplits(t, tk, sp.Of(i))
			m, ok := fuzzLexicon.MatchAt(toks, sp, i)
			if !ok {
				continue
			}
			if m.First != i || m.Last < i || m.Last >= len(toks) || toks[m.Last].Kind != Word ||
				!strings.HasPrefix(tk.Key, m.Prefix) || len(m.Prefix) >= len(tk.Key) {
				t.Fatalf("MatchAt(%d) on %q = %+v", i, tk.Key, m)
			}
			word := text[tk.Start:tk.End]
			if n := SplitPrefix(word, m.Prefix); n < 0 || n > len(word) || !utf8.ValidString(word[:n]) && utf8.ValidString(word) {
				t.Fatalf("SplitPrefix(%q, %q) = %d", word, m.Prefix, n)
			}
		}
	})
}

func checkToken(t *testing.T, text string, tk Token) {
	t.Helper()
	s := text[tk.Start:tk.End]
	if tk.Arabic && tk.Kind != Word {
		t.Fatalf("%v token %q marked Arabic", tk.Kind, s)
	}
	switch tk.Kind {
	case Word:
		if !tk.Arabic {
			if tk.Key != Key(s) && tk.Key != s {
				t.Fatalf("word %q has key %q", s, tk.Key)
			}
			return
		}
		if tk.Key != Key(s) {
			t.Fatalf("Arabic word %q has key %q, want %q", s, tk.Key, Key(s))
		}
		letter := false
		for _, r := range tk.Key {
			if IsHaraka(r) || r == Tatweel || IsIgnorable(r) {
				t.Fatalf("key %q of %q keeps %U", tk.Key, s, r)
			}
			letter = letter || IsLetter(r)
		}
		if !letter {
			t.Fatalf("Arabic word %q has no letter in its key %q", s, tk.Key)
		}
	case Space:
		breaks := 0
		for i, r := range s {
			if !IsSpace(r) {
				t.Fatalf("space token %q holds %U", s, r)
			}
			// a lone \r ends a line; a \n after it would be in this token
			if r == '\n' || r == '\r' && !strings.HasPrefix(s[i+1:], "\n") || r == 0x2028 || r == 0x2029 || r == 0x85 {
				breaks++
			}
		}
		if tk.Key != s || int(tk.Breaks) != breaks && breaks < 1<<16 {
			t.Fatalf("space token %q: key %q, %d breaks, want %d", s, tk.Key, tk.Breaks, breaks)
		}
	case Number:
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if DigitValue(first) < 0 || DigitValue(last) < 0 {
			t.Fatalf("number %q does not start and end with a digit", s)
		}
		if utf8.RuneCountInString(tk.Key) != utf8.RuneCountInString(s) || strings.Trim(tk.Key, "0123456789.,") != "" {
			t.Fatalf("number %q has key %q", s, tk.Key)
		}
	case Punct:
		if tk.Key != s {
			t.Fatalf("punctuation %q has key %q", s, tk.Key)
		}
	default:
		t.Fatalf("token %q of kind %d", s, tk.Kind)
	}
}

// checkSplits: a word's readings start with the whole key; a proclitic is
// a proper prefix of the key, on a rune boundary, and the hash is that of
// the rest (with ا before it for ل + the article written لل).
func checkSplits(t *testing.T, tk Token, cands []Cand) {
	t.Helper()
	if tk.Kind != Word || tk.Key == "" {
		if len(cands) != 0 {
			t.Fatalf("%v token %q has splits %+v", tk.Kind, tk.Key, cands)
		}
		return
	}
	k := tk.Key
	if len(cands) == 0 || cands[0].Len != 0 || cands[0].Article || cands[0].Hash != hashKey(k) {
		t.Fatalf("word %q: first split %+v, want the whole key", k, cands)
	}
	for _, c := range cands[1:] {
		n := int(c.Len)
		if n == 0 || n >= len(k) || !utf8.RuneStart(k[n]) {
			t.Fatalf("word %q: split %+v outside the key or inside a letter", k, c)
		}
		stem := k[n:]
		if c.Article {
			stem = "ا" + stem
			if !strings.HasPrefix(k[n:], "ل") {
				t.Fatalf("word %q: article split %+v not before لل", k, c)
			}
		} else if int(c.Proclitic) >= len(proclitics) || proclitics[c.Proclitic].text != k[:n] {
			t.Fatalf("word %q: split %+v is not a proclitic", k, c)
		}
		if c.Hash != hashKey(stem) {
			t.Fatalf("word %q: split %+v hash is not that of %q", k, c, stem)
		}
	}
}
