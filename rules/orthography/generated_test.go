package orthography

import (
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"
)

// TestGenerated: data_generated.go holds data/final_yeh.toml decoded, and
// that is the data used.
func TestGenerated(t *testing.T) {
	generate.GoData(t, "data_generated.go", "orthography", nil,
		generate.Decoded("generated", generated, finalYehData, parseYeh))
}
