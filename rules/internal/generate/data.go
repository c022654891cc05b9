package generate

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/rules/internal/gendata"
)

// Value is one value of a family's generated Go file: a data file as the
// family reads it with gendata.Load. Decoded makes it.
type Value struct {
	target string
	decl   func(t *testing.T) string
	check  func(t *testing.T)
}

// Decoded is the data file data as the family reads it,
//
//	gendata.Load(data, gen, parse)
//
// where gen is the value of the family's variable named target, of type
// *gendata.Data[T]. The generated file declares the parsed file, with its
// checksum, as the variable target+"Data", and an init function that points
// target to it.
func Decoded[T any](target string, gen *gendata.Data[T], data []byte, parse func([]byte) (T, error)) Value {
	parsed := func(t *testing.T) T {
		t.Helper()
		v, err := parse(data)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	decl := func(t *testing.T) string {
		v := parsed(t)
		return fmt.Sprintf("func init() { %s = &%sData }\n\nvar %[2]sData = gendata.Data[%T]{Sum: %#x, Value: %#v}\n",
			target, target, v, gendata.Sum(data), v)
	}
	check := func(t *testing.T) {
		want := parsed(t)
		parses := 0
		counted := func(b []byte) (T, error) {
			parses++
			return parse(b)
		}
		if withGenerated {
			if gen == nil {
				t.Fatalf("%s is not set: the generated file does not set it", target)
			}
			if !reflect.DeepEqual(gen.Value, want) {
				t.Error("the generated value differs from the parsed file")
			}
			got, err := gendata.Load(data, gen, counted)
			if err != nil || parses > 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("the generated value was not used (%v)", err)
			}
		}
		parses = 0
		got, err := gendata.Load(append([]byte("# edited\n"), data...), gen, counted)
		if err != nil || parses != 1 || !reflect.DeepEqual(got, want) {
			t.Errorf("an edited file was not parsed (%v)", err)
		}
	}
	return Value{target, decl, check}
}

// GoData compares the Go file at path, of package pkg, with the values
// (their types may need imports besides gendata), or writes it with
// -update. Then it checks each value, in a subtest named by its target: a
// build with the generated file (without the tag daqiq_nogen) has the
// target set, the generated value is the parsed file and it is the value
// used; a file edited since it was generated is parsed instead.
func GoData(t *testing.T, path, pkg string, imports []string, values ...Value) {
	t.Helper()
	decls := make([]string, len(values))
	for i, v := range values {
		decls[i] = v.decl(t)
	}
	GoFile(t, path, pkg, append([]string{"github.com/daqiq/daqiq/rules/internal/gendata"}, imports...),
		strings.Join(decls, "\n"))
	if *update {
		return
	}
	for _, v := range values {
		t.Run(v.target, v.check)
	}
}
