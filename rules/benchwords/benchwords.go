// Package benchwords picks the word list of the one-rule benchmark (daqiq
// gen-corpus --words-from, BenchmarkOneRule, testdata/bench/bench.sh): the
// first single-word entries of built-in word lists, written as a daqiq
// word list and as plain words for grep -F -w -f.
package benchwords

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/kinds"
)

// Pick returns the first n single-word entries of the word lists in dir
// (*.toml, files by name, entries in list order), each key once: the words
// of the one-rule benchmark (daqiq gen-corpus --words-from, BenchmarkOneRule).
func Pick(dir string, n int) ([]kinds.WordEntry, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no word lists (*.toml) in %s", dir)
	}
	sort.Strings(files)
	seen := map[string]bool{}
	var out []kinds.WordEntry
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		entries, err := kinds.ParseWordList(f, data)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if len(out) == n {
				return out, nil
			}
			k := arabic.Key(e.Key)
			if strings.ContainsAny(e.Key, " \u00a0") || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, e)
		}
	}
	return out, nil
}

// TOML writes entries as a daqiq word list: TOML tables by proclitic
// class, wrong form = right form.
func TOML(entries []kinds.WordEntry) ([]byte, error) {
	tables := map[string]map[string]string{}
	for _, e := range entries {
		t := e.Class.String()
		if tables[t] == nil {
			tables[t] = map[string]string{}
		}
		tables[t][e.Key] = e.Value
	}
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(tables); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
