package spelling

import (
	_ "embed"

	"github.com/daqiq/daqiq/lint"
)

//go:embed data/missing_hamza.toml
var missingHamzaData []byte

// MissingHamza makes the rule spelling/missing-hamza.
func MissingHamza() (*lint.Rule, error) {
	return substitution(lint.Rule{
		ID:       "spelling/missing-hamza",
		Category: "spelling",
		Level:    lint.Warning,
		Summary:  "hamzat al-qat' left out where the word has one reading (الى، اسرائيل، اعلان)",
		Doc: lint.Doc{
			What:  "Flags words written without the hamza of a hamzat al-qat' when the bare form can only be that word: the preposition إلى, country names, form IV masdars (إعلان، إنتاج، إصلاح).",
			Why:   "Edited copy writes the hamza. Words whose bare form has two readings (اعلام: إعلام or أعلام; امن: أمن or آمن) are not listed.",
			Wrong: "وصل الوفد الى العاصمة لبحث اعلان الهدنة.",
			Right: "وصل الوفد إلى العاصمة لبحث إعلان الهدنة.",
			Fix:   "Safe. Papers that drop hamzas on purpose turn the rule off in .daqiq.toml.",
		},
	}, "data/missing_hamza.toml", missingHamzaData, generatedMissingHamza)
}
