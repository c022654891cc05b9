package spelling

import (
	_ "embed"

	"github.com/daqiq/daqiq/lint"
)

//go:embed data/hamzat_wasl.toml
var hamzatWaslData []byte

// HamzatWasl makes the rule spelling/hamzat-wasl.
func HamzatWasl() (*lint.Rule, error) {
	return substitution(lint.Rule{
		ID:       "spelling/hamzat-wasl",
		Category: "spelling",
		Level:    lint.Error,
		Summary:  "hamzat al-wasl written as إ (إجتماع، إنتخابات، إستثمار، إسم)",
		Doc: lint.Doc{
			What:  "Flags a hamza written under the alef of a connecting hamza (همزة الوصل): the masdars and past verbs of forms VII, VIII and X (انفعال، افتعال، استفعال) and the nouns اسم، ابن، ابنة، امرأة، اثنان.",
			Why:   "The alef of these forms is never written with a hamza; إجتماع for اجتماع is one of the most frequent errors in Arabic copy. Form IV masdars (إنتاج، إعلان، إنشاء) do take the hamza and are not in the list.",
			Wrong: "عقد الوزراء إجتماعا طارئا لبحث نتائج الإنتخابات.",
			Right: "عقد الوزراء اجتماعا طارئا لبحث نتائج الانتخابات.",
			Fix:   "Safe: the hamza is dropped, the rest of the word and its proclitics are kept.",
		},
	}, "data/hamzat_wasl.toml", hamzatWaslData, generatedHamzatWasl)
}
