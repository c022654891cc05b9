package consistency

import (
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"
)

// TestGenerated: data_generated.go holds the sets of data/variants.toml,
// and they are the ones used.
func TestGenerated(t *testing.T) {
	generate.GoData(t, "data_generated.go", "consistency", []string{"github.com/daqiq/daqiq/rules/kinds"},
		generate.Decoded("generated", generated, variantsData, parseVariantSets))
}
