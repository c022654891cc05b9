package spelling

import (
	"hash/crc32"

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
// not used: the file is parsed, only slower.
//
//go:generate go test -tags daqiq_nogen -run ^TestGenerated$ . -args -update

// parsedList is a word list as kinds.ParseWordList reads it, with the
// CRC-32 of its file.
type parsedList struct {
	name    string
	sum     uint32
	entries []kinds.WordEntry
}

// generated holds the lists of data_generated.go.
var generated []parsedList

// parseWordList reads the word list data/name.
func parseWordList(name string, data []byte) ([]kinds.WordEntry, error) {
	for _, g := range generated {
		if g.name == name && g.sum == crc32.ChecksumIEEE(data) {
			return g.entries, nil
		}
	}
	return kinds.ParseWordList("rules/spelling/"+name, data)
}
