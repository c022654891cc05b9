package lexicon

import "github.com/daqiq/daqiq/lint"

// AlefMaqsura makes the rule lexicon/alef-maqsura.
func AlefMaqsura() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "lexicon/alef-maqsura",
		Level:   lint.Warning,
		Summary: "a final ي written for ى or ى for ي, in a word the dictionary rejects (الاعلي، مستشفي)",
		Doc: lint.Doc{
			What:  "Flags a word that the Hunspell dictionary rejects while the same word ending in the other letter, its hamza written if it lacks one, is a word: ي for ى (الاعلي → الأعلى) and ى for ي.",
			Why:   "Egyptian and some Gulf copy writes final ي without its dots and keyboards do the reverse; in edited copy each word has one spelling. The common ى for ي words (فى، التى) are orthography/final-yeh's.",
			Wrong: "سجلت الحرارة المعدل الاعلي هذا العام.",
			Right: "سجلت الحرارة المعدل الأعلى هذا العام.",
			Fix:   docFix,
		},
	})
}
