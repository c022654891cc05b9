package consistency

import (
	"github.com/daqiq/daqiq/rules/internal/gendata"
	"github.com/daqiq/daqiq/rules/kinds"
)

// data/variants.toml is also written, parsed, into data_generated.go by
// go generate, so that a process checking one short file does not parse it
// again; the TOML file stays the source, and
//
//	go generate ./rules/...
//
// rewrites data_generated.go after an edit (TestGenerated fails until
// then). Sets generated from another version of the file, or none, are not
// used: the file is parsed, only slower (gendata.Load).
//
//go:generate go test -tags daqiq_nogen -run ^TestGenerated$ . -args -update

// generated holds the sets of data_generated.go, nil without it.
var generated *gendata.Data[[]kinds.VariantSet]

// parseVariantSets parses data/variants.toml.
func parseVariantSets(data []byte) ([]kinds.VariantSet, error) {
	return kinds.ParseVariantSets("rules/consistency/data/variants.toml", data)
}
