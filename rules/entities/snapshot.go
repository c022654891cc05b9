package entities

import (
	"fmt"
	"slices"

	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/gendata"
)

// The knowledge of the embedded data is written by go generate as Go
// literals, built (lexicon keys, spelling variants, confusable pairs) the
// way LoadKnowledge builds it, so that a process checking one short file
// does not parse and index the data again. data/*.toml stay the source:
//
//	go generate ./rules/...
//
// rewrites knowledge_generated.go after an edit (TestGenerated fails until
// then). A snapshot of other data, or none, is not used: the knowledge is
// built from the data, only slower (gendata.Build).
//
//go:generate go test -tags daqiq_nogen -run ^TestGenerated$ . -args -update

// snapshot is the built-in knowledge as go generate writes it.
type snapshot struct {
	countries []Country
	persons   []Person
	cities    []City
	maksura   []string
	entries   []entry
	// keys are the lexicon keys, sorted, with the entry and the class of
	// each
	keys    []string
	entry   []int32
	classes []arabic.Class
	filter  [filterWords]uint64
}

// generated is the snapshot of knowledge_generated.go, made from
// builtinData(); nil without it.
var generated *gendata.Data[*snapshot]

// knowledge makes the knowledge of a snapshot; it shares its slices. The
// maps only LoadKnowledge needs to build an index (keys, classes, maksura,
// byCode) are left out: the rules need the lexicon and the entries. It
// never fails: the error result is the one gendata.Build asks for.
func (s *snapshot) knowledge() (*Knowledge, error) {
	k := &Knowledge{Countries: s.countries, Persons: s.persons, Cities: s.cities, entries: s.entries, filter: s.filter, snap: s}
	k.lex = arabic.NewLexiconSize(len(s.keys))
	for i, key := range s.keys {
		k.lex.AddKey(key, s.classes[i], int(s.entry[i]))
	}
	k.memoKey = fmt.Sprintf("entities/mentions/%p", k)
	return k, nil
}

// entryOf returns the entry of a lexicon key.
func (k *Knowledge) entryOf(key string) (int, bool) {
	if k.snap == nil {
		i, ok := k.keys[key]
		return i, ok
	}
	i, ok := slices.BinarySearch(k.snap.keys, key)
	if !ok {
		return 0, false
	}
	return int(k.snap.entry[i]), true
}
