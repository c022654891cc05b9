// Package kinds holds the generic rule kinds that data drives: substitution,
// existence, consistency, repetition and pattern. Built-in rules and the
// custom rules of .daqiq.toml are both made from them.
package kinds

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint/arabic"
)

// WordEntry is one line of a word list: a word or phrase, its value (the
// correction, or a note) and the proclitics it accepts.
type WordEntry struct {
	Key   string
	Value string
	Class arabic.Class
}

// ParseWordList reads a word list. Its tables are proclitic classes:
//
//	[all]    # و ف ب ك ل ال لل and their combinations may attach
//	"إجتماع" = "اجتماع"
//	[noart]  # و ف ب ك ل, no article
//	[verb]   # و ف ل
//	[conj]   # و ف
//	[exact]  # nothing attaches
//
// Entries are sorted by class, then key, so that the result does not depend
// on map order.
func ParseWordList(name string, data []byte) ([]WordEntry, error) {
	var raw map[string]map[string]string
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d:%d: %s", name, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return nil, fmt.Errorf("%s: %v (a word list has tables [all], [noart], [verb], [conj], [exact] of \"word\" = \"value\")", name, err)
	}
	var out []WordEntry
	tables := make([]string, 0, len(raw))
	for t := range raw {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	for _, t := range tables {
		class, ok := arabic.ClassNames[t]
		if !ok {
			return nil, fmt.Errorf("%s: unknown table [%s] (want all, noart, verb, conj or exact)", name, t)
		}
		keys := make([]string, 0, len(raw[t]))
		for k := range raw[t] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if strings.TrimSpace(k) == "" {
				return nil, fmt.Errorf("%s: [%s] has an empty key", name, t)
			}
			out = append(out, WordEntry{Key: k, Value: raw[t][k], Class: class})
		}
	}
	return out, nil
}

// buildLexicon indexes entries; a key listed twice is an error.
func buildLexicon(name string, entries []WordEntry) (*arabic.Lexicon, error) {
	lex := arabic.NewLexicon()
	for i, e := range entries {
		if arabic.Key(strings.TrimSpace(e.Key)) == "" {
			return nil, fmt.Errorf("%s: an empty word or phrase in the list", name)
		}
		if !lex.Add(e.Key, e.Class, i) {
			return nil, fmt.Errorf("%s: %q is listed twice", name, e.Key)
		}
	}
	return lex, nil
}
