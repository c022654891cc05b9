package grammar

import (
	"fmt"
	"hash/crc32"
	"reflect"
	"testing"

	"github.com/daqiq/daqiq/rules/internal/generate"
)

func decoded(t *testing.T) decodedData {
	saved := generated
	generated = nil
	defer func() { generated = saved }()
	p, err := decodeParticles(particlesData)
	if err != nil {
		t.Fatal(err)
	}
	c, err := decodeCounted(countedBytes)
	if err != nil {
		t.Fatal(err)
	}
	return decodedData{crc32.ChecksumIEEE(particlesData), p, crc32.ChecksumIEEE(countedBytes), c}
}

// TestGenerated: data_generated.go holds data/*.toml decoded.
func TestGenerated(t *testing.T) {
	generate.GoFile(t, "data_generated.go", "grammar", nil, fmt.Sprintf("func init() { generated = &generatedData }\n\nvar generatedData = %#v\n", decoded(t)))
}

// TestGeneratedUsed: the data read is the generated data, equal to the
// decoded files; data of another version of a file is not used.
func TestGeneratedUsed(t *testing.T) {
	want := decoded(t)
	p, err1 := decodeParticles(particlesData)
	c, err2 := decodeCounted(countedBytes)
	if err1 != nil || err2 != nil || !reflect.DeepEqual(p, want.particles) || !reflect.DeepEqual(c, want.counted) {
		t.Error("the generated data differs from the files")
	}
	if generated != nil && (&p.Qala[0] != &generated.particles.Qala[0] || &c.Noun[0] != &generated.counted.Noun[0]) {
		t.Error("the generated data was not used")
	}
	p, err1 = decodeParticles(append([]byte("# edited\n"), particlesData...))
	c, err2 = decodeCounted(append([]byte("# edited\n"), countedBytes...))
	if err1 != nil || err2 != nil || !reflect.DeepEqual(p, want.particles) || !reflect.DeepEqual(c, want.counted) {
		t.Errorf("edited files: %v %v", err1, err2)
	}
}
