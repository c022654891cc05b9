package orthography

import (
	"fmt"
	"hash/crc32"
	"reflect"
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"
)

func decoded(t *testing.T) yehData {
	saved := generated
	generated = nil
	defer func() { generated = saved }()
	d, err := decodeYeh(finalYehData)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestGenerated: data_generated.go holds data/final_yeh.toml decoded.
func TestGenerated(t *testing.T) {
	generate.GoFile(t, "data_generated.go", "orthography", nil, fmt.Sprintf("func init() { generated = &generatedYeh }\n\nvar generatedYeh = %#v\n",
		decodedYeh{crc32.ChecksumIEEE(finalYehData), decoded(t)}))
}

// TestGeneratedUsed: the data read is the generated data, equal to the
// decoded file; data of another version of the file is not used.
func TestGeneratedUsed(t *testing.T) {
	want := decoded(t)
	got, err := decodeYeh(finalYehData)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Error("the generated data differs from the file")
	}
	if generated != nil && &got.Maksura.Words[0] != &generated.data.Maksura.Words[0] {
		t.Error("the generated data was not used")
	}
	if got, err := decodeYeh(append([]byte("# edited\n"), finalYehData...)); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("an edited file: %v", err)
	}
}
