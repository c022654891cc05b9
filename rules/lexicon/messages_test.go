package lexicon

import (
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// TestMessages: a finding's replacements are each quoted in both
// languages, and the English unavailable text of the catalogue is the
// rules' own (Install).
func TestMessages(t *testing.T) {
	f := finding{word: "اما", fixes: []string{"أما", "إما"}}
	for lang, want := range map[i18n.Lang]string{
		i18n.En: "“اما” is misspelled (its hamza): write “أما” or “إما”",
		i18n.Ar: "«اما» خطأ في رسم الهمزة، والصواب «أما» أو «إما»",
	} {
		p := &lint.Pass{Rule: &lint.Rule{ID: "lexicon/hamza"}, Facts: &lint.Facts{Lang: lang}}
		if got := message(p, f); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	for id := range classOf {
		if got := i18n.T(i18n.En, id, "unavailable"); got != Install {
			t.Errorf("%s: English unavailable %q, want Install", id, got)
		}
		if got := i18n.T(i18n.Ar, id, "unavailable"); !strings.Contains(got, "hunspell-ar") {
			t.Errorf("%s: Arabic unavailable %q", id, got)
		}
	}
}
