package usage

import (
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/rules/internal/gendata"
)

var loadMasdar = sync.OnceValues(func() (*phrases, error) {
	f, err := gendata.Load(masdarData, generatedMasdar, parseMasdar)
	if err != nil {
		return nil, err
	}
	return buildPhrases("rules/usage/data/hamzat_wasl_masdar.toml", masdarPhrases(f))
})

// masdarPhrases turns the masdar lists into a phrase list: the wrong form
// is the right one with إ for its first ا.
func masdarPhrases(f masdarFile) phraseFile {
	var out phraseFile
	seen := map[string]bool{}
	add := func(right, class string, next []string, article bool) {
		wrong := "إ" + strings.TrimPrefix(right, "ا")
		if seen[wrong] {
			return
		}
		seen[wrong] = true
		out.Entry = append(out.Entry, phraseEntry{Wrong: wrong, Right: []string{right}, Class: class, Next: next, Article: article})
	}
	for _, m := range f.Masdar {
		add(m, "all", nil, false)
		for _, w := range inflections(m) {
			add(w, "all", nil, false)
		}
	}
	for _, m := range f.Inflected {
		for _, w := range inflections(m) {
			add(w, "all", nil, false)
		}
	}
	for _, m := range f.BeforeAla {
		// with the article only: the bare word is often form IV
		add(m, "all", []string{"على"}, true)
	}
	return out
}

// inflections returns the inflected forms of a masdar written right: the
// accusative, the attached pronouns, the plural in ات and, for a masdar
// not in ة or ء, the nisba.
func inflections(m string) []string {
	pronouns := []string{"ه", "ها", "هم", "هما", "هن", "نا", "ي", "ك", "كم"}
	var out []string
	switch {
	case strings.HasSuffix(m, "ة"):
		stem := strings.TrimSuffix(m, "ة")
		out = append(out, stem+"ات")
		for _, p := range pronouns {
			out = append(out, stem+"ت"+p, stem+"ات"+p)
		}
	case strings.HasSuffix(m, "ء"):
		// the seat of the hamza changes with the case: left alone
	case strings.HasSuffix(m, "ي"):
		out = append(out, m+"ة", m+"ا", m+"ين", m+"ون")
	default:
		out = append(out, m+"ا", m+"ات")
		for _, p := range pronouns {
			out = append(out, m+p, m+"ات"+p)
		}
	}
	return out
}

// HamzatWaslMasdar makes the rule usage/hamzat-wasl-masdar.
func HamzatWaslMasdar() (*lint.Rule, error) {
	ps, err := loadMasdar()
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "usage/hamzat-wasl-masdar",
		Kind:     lint.Code,
		Category: "usage",
		Level:    lint.Error,
		Summary:  "hamzat al-wasl written إ on masdars the spelling list does not hold and on inflected ones (إهتمام، الإطلاع على، إجتماعه)",
		Doc: lint.Doc{
			What: "Flags masdars of forms VII, VIII and X written with إ that spelling/hamzat-wasl does not list (إهتمام، إستيعاب، إنخراط، إلتحاق), their inflected forms (إهتمامه، إهتماما، إستعداداته) and the inflected forms of the masdars that rule does list (إجتماعه، إرتفاعا), and الإطلاع followed by على (الاطلاع على).",
			Why: "The alef of these forms is a hamzat al-wasl and is never written with a hamza. إطلاع alone is a form IV masdar (informing someone: إطلاع الرأي العام على), so it is flagged only where that reading cannot fit: with the article and على right after it. " +
				"Source: عبد السلام هارون، «قواعد الإملاء» (همزة الوصل: مصادر الخماسي والسداسي); عباس حسن، «النحو الوافي» (همزة الوصل).",
			Wrong: "وأبدى الوزير إهتماما بالمشروع، ودعا المواطنين إلى الإطلاع على تفاصيله.",
			Right: "وأبدى الوزير اهتماما بالمشروع، ودعا المواطنين إلى الاطلاع على تفاصيله.",
			Fix:   "Safe: the hamza is dropped, the rest of the word and its proclitics are kept.",
		},
		Size: len(ps.list),
		Run: func(p *lint.Pass) {
			ps.run(p, func(word, fix, _ string) string { return p.T("message", word, fix) })
		},
	}, nil
}
