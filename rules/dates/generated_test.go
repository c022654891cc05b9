package dates

import (
	"fmt"
	"hash/crc32"
	"reflect"
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"
)

func decoded(t *testing.T) vocabFile {
	saved := generated
	generated = nil
	defer func() { generated = saved }()
	d, err := decodeVocab(datesData)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestGenerated: data_generated.go holds data/dates.toml decoded.
func TestGenerated(t *testing.T) {
	generate.GoFile(t, "data_generated.go", "dates", nil, fmt.Sprintf("func init() { generated = &generatedVocab }\n\nvar generatedVocab = %#v\n",
		decodedVocab{crc32.ChecksumIEEE(datesData), decoded(t)}))
}

// TestGeneratedUsed: the data read is the generated data, equal to the
// decoded file; data of another version of the file is not used.
func TestGeneratedUsed(t *testing.T) {
	want := decoded(t)
	got, err := decodeVocab(datesData)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Error("the generated data differs from the file")
	}
	if generated != nil && &got.Month[0] != &generated.data.Month[0] {
		t.Error("the generated data was not used")
	}
	if got, err := decodeVocab(append([]byte("# edited\n"), datesData...)); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("an edited file: %v", err)
	}
}
