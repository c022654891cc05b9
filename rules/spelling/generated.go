package spelling

import (
	"github.com/daqiq/daqiq/rules/internal/gendata"
	"github.com/daqiq/daqiq/rules/kinds"
)

// The word lists of data/ are also written, parsed, into data_generated.go
// by go generate, so that a process checking one short file does not parse
// them again; the TOML files stay the source, and
//
//	go generate ./rules/...
//
// rewrites data_generated.go after an edit (TestGenerated fails until
// then). A list generated from another version of its file, or none, is
// not used: the file is parsed, only slower (gendata.Load).
//
//go:generate go test -tags daqiq_nogen -run ^TestGenerated$ . -args -update

// The lists of data_generated.go, nil without it.
var generatedHamzatWasl, generatedMissingHamza, generatedMisspelling *gendata.Data[[]kinds.WordEntry]

// wordListParser returns the parser of the word list data/name.
func wordListParser(name string) func([]byte) ([]kinds.WordEntry, error) {
	return func(data []byte) ([]kinds.WordEntry, error) {
		return kinds.ParseWordList("rules/spelling/"+name, data)
	}
}
