package grammar

import (
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"
)

// TestGenerated: data_generated.go holds data/*.toml decoded, and that is
// the data used.
func TestGenerated(t *testing.T) {
	generate.GoData(t, "data_generated.go", "grammar", nil,
		generate.Decoded("generatedParticles", generatedParticles, particlesData, parseParticles),
		generate.Decoded("generatedCounted", generatedCounted, countedBytes, parseCounted))
}
