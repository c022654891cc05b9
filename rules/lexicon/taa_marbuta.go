package lexicon

import "github.com/daqiq/daqiq/lint"

// TaaMarbuta makes the rule lexicon/taa-marbuta.
func TaaMarbuta() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "lexicon/taa-marbuta",
		Level:   lint.Warning,
		Summary: "a final ه written for ة or ة for ه, in a word the dictionary rejects (الخليجيه، مياة)",
		Doc: lint.Doc{
			What:  "Flags a word that the Hunspell dictionary rejects while the same word ending in the other letter is a word: ه for ة (الخليجيه → الخليجية) and ة for ه (مياة → مياه).",
			Why:   "The two letters look alike at the end of a word and share a key on some layouts. A ه that is a pronoun (كتابه، مدرسته) makes a word the dictionary accepts, so it is never flagged.",
			Wrong: "أعلنت الوزارة خطة لتوفير مياة الشرب في المدن الخليجيه.",
			Right: "أعلنت الوزارة خطة لتوفير مياه الشرب في المدن الخليجية.",
			Fix:   docFix,
		},
	})
}
