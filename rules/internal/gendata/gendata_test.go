package gendata

import (
	"errors"
	"hash/crc32"
	"testing"
)

func TestSum(t *testing.T) {
	a, b := []byte("first file\n"), []byte("second file\n")
	if got, want := Sum(a, b), crc32.ChecksumIEEE(append(append([]byte{}, a...), b...)); got != want {
		t.Errorf("Sum(a, b) = %#x, want the checksum of a then b, %#x", got, want)
	}
	if got, want := Sum(a), crc32.ChecksumIEEE(a); got != want {
		t.Errorf("Sum(a) = %#x, want %#x", got, want)
	}
}

func TestLoad(t *testing.T) {
	data := []byte("n = 1\n")
	parses := 0
	parse := func(b []byte) (string, error) {
		parses++
		return "parsed " + string(b), nil
	}
	for _, c := range []struct {
		name   string
		gen    *Data[string]
		data   []byte
		want   string
		parsed bool
	}{
		{"none", nil, data, "parsed n = 1\n", true},
		{"fresh", &Data[string]{Sum(data), "generated"}, data, "generated", false},
		{"stale", &Data[string]{Sum(data), "generated"}, []byte("n = 2\n"), "parsed n = 2\n", true},
	} {
		parses = 0
		got, err := Load(c.data, c.gen, parse)
		if err != nil || got != c.want || (parses == 1) != c.parsed {
			t.Errorf("%s: %q, %v, parsed %d times; want %q, parsed %v", c.name, got, err, parses, c.want, c.parsed)
		}
	}
}

func TestBuild(t *testing.T) {
	a, b := []byte("a"), []byte("b")
	builds := 0
	build := func() (int, error) {
		builds++
		return -1, nil
	}
	use := func(g string) (int, error) {
		if g == "damaged" {
			return 0, errors.New("damaged")
		}
		return len(g), nil
	}
	for _, c := range []struct {
		name  string
		gen   *Data[string]
		files [][]byte
		want  int
	}{
		{"none", nil, [][]byte{a, b}, -1},
		{"fresh", &Data[string]{Sum(a, b), "index"}, [][]byte{a, b}, 5},
		{"stale", &Data[string]{Sum(a, b), "index"}, [][]byte{b, a}, -1},
		{"unusable", &Data[string]{Sum(a, b), "damaged"}, [][]byte{a, b}, -1},
	} {
		builds = 0
		got, err := Build(c.gen, use, build, c.files...)
		if err != nil || got != c.want || (builds == 1) != (c.want == -1) {
			t.Errorf("%s: %d, %v, built %d times; want %d", c.name, got, err, builds, c.want)
		}
	}
}
