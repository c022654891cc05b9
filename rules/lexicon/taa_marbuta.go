package lexicon

import (
	"strings"

	"github.com/daqiq/daqiq/lint"
)

// TaaMarbuta makes the rule lexicon/taa-marbuta.
func TaaMarbuta() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "lexicon/taa-marbuta",
		Level:   lint.Warning,
		Summary: "a final ه written for ة or ة for ه, in a word the dictionary rejects, or ه after the article (الخليجيه، مياة، العامه)",
		Doc: lint.Doc{
			What:  "Flags a word that the Hunspell dictionary rejects while the same word ending in the other letter is a word: ه for ة (الخليجيه → الخليجية) and ة for ه (مياة → مياه). Also a word with the article ending in ه that the dictionary accepts only by reading the ه as a pronoun (العامه → العامة): the article and an attached pronoun never go together. It is flagged when the ة form is a frequent news form and the ه form is not, its ه is not a letter of the word (الترفيه، الموجه، الجنيه), it does not end in ـيه (loans: الكباريه، الباليه) and after لل it cannot be ل + a word starting with ل + the pronoun (للقبه).",
			Why:   "The two letters look alike at the end of a word and share a key on some layouts. A ه that is a pronoun (كتابه، مدرسته) makes a word the dictionary accepts, so it is flagged only where no pronoun can stand: after the article.",
			Wrong: "أعلنت الوزارة خطة لتوفير مياة الشرب في المدن الخليجيه والحدائق العامه.",
			Right: "أعلنت الوزارة خطة لتوفير مياه الشرب في المدن الخليجية والحدائق العامة.",
			Fix:   strings.Replace(docFix, "A word the dictionary accepts is never flagged", "A word the dictionary accepts is flagged only after the article, as above", 1),
		},
	})
}
