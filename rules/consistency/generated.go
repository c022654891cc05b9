package consistency

import (
	"hash/crc32"

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
// used: the file is parsed, only slower.
//
//go:generate go test -tags daqiq_nogen -run ^TestGenerated$ . -args -update

// parsedSets are the sets as kinds.ParseVariantSets reads them, with the
// CRC-32 of the file.
type parsedSets struct {
	sum  uint32
	sets []kinds.VariantSet
}

// generated holds the sets of data_generated.go.
var generated *parsedSets

func parseVariantSets(data []byte) ([]kinds.VariantSet, error) {
	if g := generated; g != nil && g.sum == crc32.ChecksumIEEE(data) {
		return g.sets, nil
	}
	return kinds.ParseVariantSets("rules/consistency/data/variants.toml", data)
}
