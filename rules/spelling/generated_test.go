package spelling

import (
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"
)

// TestGenerated: data_generated.go holds the lists of data/*.toml, and
// they are the ones used.
func TestGenerated(t *testing.T) {
	generate.GoData(t, "data_generated.go", "spelling", []string{"github.com/daqiq/daqiq/rules/kinds"},
		generate.Decoded("generatedHamzatWasl", generatedHamzatWasl, hamzatWaslData, wordListParser("data/hamzat_wasl.toml")),
		generate.Decoded("generatedMissingHamza", generatedMissingHamza, missingHamzaData, wordListParser("data/missing_hamza.toml")),
		generate.Decoded("generatedMisspelling", generatedMisspelling, misspellingData, wordListParser("data/misspelling.toml")))
}
