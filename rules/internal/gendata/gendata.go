// Package gendata chooses, when a rule family makes its rules, between
// what go generate wrote as Go source from the family's embedded data files
// and the files themselves. The generated value is used only when it was
// made from the files as they are embedded now (their CRC-32 matches);
// otherwise, and in a build with the tag daqiq_nogen, which leaves the
// generated files out, the family parses the files: the same result, only
// slower.
package gendata

import "hash/crc32"

// Data is a value go generate wrote, with the checksum (Sum) of the files
// it was made from. A family declares a variable of type *Data that its
// generated file sets in an init function, so that the variable is nil
// when the generated file is left out of the build.
type Data[T any] struct {
	Sum   uint32
	Value T
}

// Sum is the CRC-32 (IEEE) of files read one after another.
func Sum(files ...[]byte) uint32 {
	var s uint32
	for _, f := range files {
		s = crc32.Update(s, crc32.IEEETable, f)
	}
	return s
}

// Of returns the value of d and true when d was made from files, and false
// when d is nil or was made from other versions of them.
func (d *Data[T]) Of(files ...[]byte) (T, bool) {
	if d == nil || d.Sum != Sum(files...) {
		var zero T
		return zero, false
	}
	return d.Value, true
}

// Load returns the value of gen when it was made from data, else
// parse(data). It is for a generated value that is the parsed one (the
// decoded TOML).
func Load[T any](data []byte, gen *Data[T], parse func([]byte) (T, error)) (T, error) {
	if v, ok := gen.Of(data); ok {
		return v, nil
	}
	return parse(data)
}

// Build is Load for a generated value of another type than the result, one
// the result is read from quickly (an index, a snapshot of built tables):
// when gen was made from files, use makes the result of its value; when
// gen is nil or stale, or use fails, build makes the result from the files.
func Build[G, T any](gen *Data[G], use func(G) (T, error), build func() (T, error), files ...[]byte) (T, error) {
	if g, ok := gen.Of(files...); ok {
		if v, err := use(g); err == nil {
			return v, nil
		}
	}
	return build()
}
