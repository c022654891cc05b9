package usage

import (
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/gendata"
)

// TestMayStart: every entry of every phrase list, with every proclitic
// and as ل + the article writes it (لل), passes mayStart, the test run
// makes before MatchAt.
func TestMayStart(t *testing.T) {
	collocation, err := gendata.Load(collocationData, generatedCollocation, parsePhrases("collocation.toml"))
	if err != nil {
		t.Fatal(err)
	}
	wordForm, err := gendata.Load(wordFormData, generatedWordForm, parsePhrases("word_form.toml"))
	if err != nil {
		t.Fatal(err)
	}
	masdar, err := gendata.Load(masdarData, generatedMasdar, parseMasdar)
	if err != nil {
		t.Fatal(err)
	}
	lists := []struct {
		load func() (*phrases, error)
		file phraseFile
	}{
		{loadCollocation, collocation},
		{loadWordForm, wordForm},
		{loadMasdar, masdarPhrases(masdar)},
		{loadDecades, func() phraseFile {
			d, err := loadNumbers()
			if err != nil {
				t.Fatal(err)
			}
			var f phraseFile
			for _, t := range d.file.Decades {
				f.Entry = append(f.Entry, phraseEntry{Wrong: t + "ات"})
			}
			return f
		}()},
	}
	for _, l := range lists {
		ps, err := l.load()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range l.file.Entry {
			wrongs := []string{e.Wrong}
			if e.Pronouns {
				for _, s := range pronounSuffixes {
					wrongs = append(wrongs, e.Wrong+s)
				}
			}
			for _, w := range wrongs {
				first := arabic.Key(strings.Fields(w)[0])
				keys := []string{first}
				for _, p := range arabic.Prefixes(arabic.ClassAll) {
					keys = append(keys, p+first)
				}
				if rest, ok := strings.CutPrefix(first, "ا"); ok {
					keys = append(keys, "لل"+rest, "ولل"+rest, "فلل"+rest)
				}
				for _, k := range keys {
					n++
					if !ps.mayStart(k) {
						t.Errorf("%q (prefix %q, suffix %q): mayStart(%q) is false", w, ps.prefix, ps.suffix, k)
					}
				}
			}
		}
		if n == 0 {
			t.Error("no entries")
		}
	}
}
