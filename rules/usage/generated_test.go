package usage

import (
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"
)

// TestGenerated: data_generated.go holds data/*.toml decoded, and that is
// the data used.
func TestGenerated(t *testing.T) {
	generate.GoData(t, "data_generated.go", "usage", nil,
		generate.Decoded("generatedCollocation", generatedCollocation, collocationData, parsePhrases("collocation.toml")),
		generate.Decoded("generatedWordForm", generatedWordForm, wordFormData, parsePhrases("word_form.toml")),
		generate.Decoded("generatedMasdar", generatedMasdar, masdarData, parseMasdar),
		generate.Decoded("generatedNumbers", generatedNumbers, numbersData, parseNumbers),
		generate.Decoded("generatedAnnaBa", generatedAnnaBa, annaBaData, parseAnnaBa))
}
