package consistency

import (
	"fmt"
	"hash/crc32"
	"reflect"
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"

	"github.com/daqiq/daqiq/rules/kinds"
)

func parsed(t *testing.T) []kinds.VariantSet {
	sets, err := kinds.ParseVariantSets("rules/consistency/data/variants.toml", variantsData)
	if err != nil {
		t.Fatal(err)
	}
	return sets
}

// TestGenerated: data_generated.go holds the sets of data/variants.toml.
func TestGenerated(t *testing.T) {
	generate.GoFile(t, "data_generated.go", "consistency", []string{"github.com/daqiq/daqiq/rules/kinds"},
		fmt.Sprintf("func init() { generated = &generatedSets }\n\nvar generatedSets = %#v\n",
			parsedSets{crc32.ChecksumIEEE(variantsData), parsed(t)}))
}

// TestGeneratedUsed: the sets read are the generated ones, equal to the
// parsed ones; sets of another version of the file are not used.
func TestGeneratedUsed(t *testing.T) {
	want := parsed(t)
	got, err := parseVariantSets(variantsData)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Error("the generated sets differ from the file")
	}
	if generated != nil && &got[0] != &generated.sets[0] {
		t.Error("the generated sets were not used")
	}
	if got, err := parseVariantSets(append([]byte("# edited\n"), variantsData...)); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("an edited file: %v", err)
	}
}
