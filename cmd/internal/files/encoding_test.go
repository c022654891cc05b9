package files

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"
)

// Every byte is a character of Windows-1256: decoding gives valid UTF-8,
// and encoding it gives the same bytes back.
func TestWindows1256RoundTrip(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	text := DecodeWindows1256(all)
	if !utf8.Valid(text) || utf8.RuneCount(text) != 256 {
		t.Fatalf("decoded: %q", text)
	}
	back, err := EncodeWindows1256("all", text)
	if err != nil || !bytes.Equal(back, all) {
		t.Fatalf("encoded back: %v, %q", err, back)
	}
}

func TestDecodeWindows1256(t *testing.T) {
	// «قال هذا»، in Windows-1256
	src := []byte{0xAB, 0xDE, 0xC7, 0xE1, ' ', 0xE5, 0xD0, 0xC7, 0xBB, 0xA1, '\n'}
	if got, want := string(DecodeWindows1256(src)), "«قال هذا»،\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A character Windows-1256 has no byte for is an error naming it, its
// line and its column (in characters), and nothing is returned.
func TestEncodeWindows1256Unencodable(t *testing.T) {
	text := []byte("سطر أول\r\nثم \r٣ أيام")
	out, err := EncodeWindows1256("old.txt", text)
	var ue *UnencodableError
	if !errors.As(err, &ue) || out != nil {
		t.Fatalf("got %q, %v", out, err)
	}
	if ue.Rune != '٣' || ue.Line != 3 || ue.Col != 1 {
		t.Errorf("got %+v", ue)
	}
	want := `old.txt: a fix writes '٣' (U+0663) at line 3, column 1 of the fixed text, which Windows-1256 cannot encode; not written`
	if msg := err.Error(); len(msg) < len(want) || msg[:len(want)] != want {
		t.Errorf("message %q", msg)
	}
}

func TestLooksWindows1256(t *testing.T) {
	arabic, _ := EncodeWindows1256("", []byte("قال الوزير «إن القرار نهائي»، وأضاف: لا تراجع.\n"))
	for _, c := range []struct {
		name string
		data []byte
		want bool
	}{
		{"Arabic in Windows-1256", arabic, true},
		{"Latin-1 French", []byte("L'\xe9t\xe9 \xe0 Montr\xe9al, c'est tr\xe8s beau.\n"), false},
		// UTF-8 Arabic with one bad byte: its continuation bytes are
		// symbols in Windows-1256
		{"UTF-8 with a bad byte", append([]byte("قال هاذا المسؤول عن القرار"), 0xff), false},
		{"ASCII only", []byte("plain\n"), false},
	} {
		if got := LooksWindows1256(c.data); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
