package spelling

import (
	"fmt"
	"hash/crc32"
	"reflect"
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"

	"github.com/daqiq/daqiq/rules/kinds"
)

var dataFiles = []struct {
	name string
	data []byte
}{
	{"data/hamzat_wasl.toml", hamzatWaslData},
	{"data/missing_hamza.toml", missingHamzaData},
	{"data/misspelling.toml", misspellingData},
}

func parsed(t *testing.T) []parsedList {
	var lists []parsedList
	for _, f := range dataFiles {
		entries, err := kinds.ParseWordList("rules/spelling/"+f.name, f.data)
		if err != nil {
			t.Fatal(err)
		}
		lists = append(lists, parsedList{f.name, crc32.ChecksumIEEE(f.data), entries})
	}
	return lists
}

// TestGenerated: data_generated.go holds the lists of data/*.toml.
func TestGenerated(t *testing.T) {
	generate.GoFile(t, "data_generated.go", "spelling", []string{"github.com/daqiq/daqiq/rules/kinds"},
		fmt.Sprintf("func init() { generated = generatedLists }\n\nvar generatedLists = %#v\n", parsed(t)))
}

// TestGeneratedUsed: the lists read are the generated ones, equal to the
// parsed ones; a list of another version of its file is not used.
func TestGeneratedUsed(t *testing.T) {
	for _, l := range parsed(t) {
		data := dataFiles[0].data
		for _, f := range dataFiles {
			if f.name == l.name {
				data = f.data
			}
		}
		got, err := parseWordList(l.name, data)
		if err != nil || !reflect.DeepEqual(got, l.entries) {
			t.Errorf("%s: the generated list differs from the file", l.name)
		}
		if len(generated) > 0 && len(got) > 0 && &got[0] != &generatedEntries(l.name)[0] {
			t.Errorf("%s: the generated list was not used", l.name)
		}
		if got, err := parseWordList(l.name, append([]byte("# edited\n"), data...)); err != nil || !reflect.DeepEqual(got, l.entries) {
			t.Errorf("%s: an edited file: %v", l.name, err)
		}
	}
}

func generatedEntries(name string) []kinds.WordEntry {
	for _, g := range generated {
		if g.name == name {
			return g.entries
		}
	}
	return nil
}
