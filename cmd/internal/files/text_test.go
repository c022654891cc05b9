package files

import "testing"

func TestNotText(t *testing.T) {
	for in, want := range map[string]string{
		"قال الوزير\n":                  "",
		"\uFEFFقال الوزير\n":            "",
		"\xff\xfeA\x00":                 "UTF-16: convert to UTF-8 (the file starts with a little-endian byte-order mark)",
		"\xfe\xff\x00A":                 "UTF-16: convert to UTF-8 (the file starts with a big-endian byte-order mark)",
		"\xff\xfe\x00\x00A\x00\x00\x00": "UTF-32: convert to UTF-8 (the file starts with a little-endian byte-order mark)",
		"\x00\x00\xfe\xff":              "UTF-32: convert to UTF-8 (the file starts with a big-endian byte-order mark)",
		"قال\x00":                       "binary file (NUL byte at offset 6)",
	} {
		if got := NotText([]byte(in)); got != want {
			t.Errorf("NotText(%q) = %q, want %q", in, got, want)
		}
	}
}
