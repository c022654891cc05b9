package punctuation

import (
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"
)

// TestGenerated: data_generated.go holds the data file decoded, and that
// is the data used.
func TestGenerated(t *testing.T) {
	generate.GoData(t, "data_generated.go", "punctuation", nil,
		generate.Decoded("generated", generated, quoteColonData, parseColon))
}
