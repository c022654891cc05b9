package punctuation

import (
	"fmt"
	"hash/crc32"
	"reflect"
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"
)

func decoded(t *testing.T) colonFile {
	saved := generated
	generated = nil
	defer func() { generated = saved }()
	d, err := decodeColon(quoteColonData)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestGenerated: data_generated.go holds data/quote_colon.toml decoded.
func TestGenerated(t *testing.T) {
	generate.GoFile(t, "data_generated.go", "punctuation", nil, fmt.Sprintf("func init() { generated = &generatedColon }\n\nvar generatedColon = %#v\n",
		decodedColon{crc32.ChecksumIEEE(quoteColonData), decoded(t)}))
}

// TestGeneratedUsed: the data read is the generated data, equal to the
// decoded file; data of another version of the file is not used.
func TestGeneratedUsed(t *testing.T) {
	want := decoded(t)
	got, err := decodeColon(quoteColonData)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Error("the generated data differs from the file")
	}
	if generated != nil && &got.Speech[0] != &generated.data.Speech[0] {
		t.Error("the generated data was not used")
	}
	if got, err := decodeColon(append([]byte("# edited\n"), quoteColonData...)); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("an edited file: %v", err)
	}
}
