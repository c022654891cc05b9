package lexicon

import "github.com/daqiq/daqiq/lint"

// VerbTaa makes the rule lexicon/verb-taa.
func VerbTaa() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "lexicon/verb-taa",
		Level:   lint.Warning,
		Summary: "a verb's final ت written ة, in a word the dictionary rejects (واستمرة)",
		Doc: lint.Doc{
			What:  "Flags a word that the Hunspell dictionary rejects while the same word ending in ت is a word: the feminine past verb written with ة (واستمرة → واستمرت، شاركة → شاركت).",
			Why:   "ة never ends a verb; the slip comes from typing the verb like the nouns around it.",
			Wrong: "واستمرة المفاوضات حتى ساعة متأخرة.",
			Right: "واستمرت المفاوضات حتى ساعة متأخرة.",
			Fix:   docFix,
		},
	})
}
