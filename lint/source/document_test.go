package source

import (
	"errors"
	"strings"
	"testing"
)

func TestNewInvalidUTF8(t *testing.T) {
	for _, c := range []struct {
		name string
		src  string
		off  int
	}{
		{"after Arabic word", "قال\xff", 6},
		{"first byte", "\xffقال", 0},
		{"lone continuation byte", "ab\x80cd", 2},
		{"truncated 2-byte sequence at end", "قال \xd9", 7},
		{"truncated 3-byte sequence at end", "x\xe2\x80", 1},
		{"encoded surrogate", "ab\xed\xa0\x80", 2},
		{"after a valid U+FFFD", "\uFFFDx\xff", 4},
		{"after a BOM", BOM + "\xc0\xaf", 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := New("f.txt", []byte(c.src))
			if d != nil {
				t.Errorf("New returned a document for invalid UTF-8")
			}
			var ee *EncodingError
			if !errors.As(err, &ee) {
				t.Fatalf("err = %v (%T), want *EncodingError", err, err)
			}
			if ee.Offset != c.off || ee.Path != "f.txt" {
				t.Errorf("EncodingError = %+v, want Path f.txt, Offset %d", *ee, c.off)
			}
		})
	}
}

func TestNewValid(t *testing.T) {
	src := []byte(BOM + "قال \uFFFD 😀\r\n")
	d, err := New("f.txt", src)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if d.Text != string(src) || string(d.Src) != string(src) || d.Mapped() {
		t.Errorf("plain document: Text %q, Src %q, Mapped %v", d.Text, d.Src, d.Mapped())
	}
	if _, err := NewMapped("f.html", []byte("<p>\xff"), "", nil); err == nil {
		t.Errorf("NewMapped accepted invalid UTF-8")
	}
}

func TestPos(t *testing.T) {
	for _, c := range []struct {
		name string
		src  string
		off  int
		want Position
	}{
		// قال = 6 bytes, space, إن
		{"start", "قال إن", 0, Position{0, 1, 1, 1}},
		{"second Arabic word", "قال إن", 7, Position{7, 1, 5, 5}},
		{"end of file", "قال إن", 11, Position{11, 1, 7, 7}},
		{"past end of file is clamped", "قال إن", 99, Position{11, 1, 7, 7}},
		{"after emoji", "😀قال", 4, Position{4, 1, 2, 3}},
		{"after emoji and Arabic", "😀قال", 10, Position{10, 1, 5, 6}},
		{"second line", "قال\nإن", 7, Position{7, 2, 1, 1}},
		{"CR is the end of line 1", "قال\r\nإن", 6, Position{6, 1, 4, 4}},
		{"CRLF: next line starts after LF", "قال\r\nإن", 8, Position{8, 2, 1, 1}},
		{"CRLF: inside line 2", "قال\r\nإن", 10, Position{10, 2, 2, 2}},
		{"BOM is not a column", BOM + "قال", 3, Position{3, 1, 1, 1}},
		{"after BOM and a letter", BOM + "قال", 5, Position{5, 1, 2, 2}},
		{"BOM only skipped on line 1", BOM + "ق\nل", 6, Position{6, 2, 1, 1}},
		{"end of file after final newline", "قال\n", 7, Position{7, 2, 1, 1}},
		{"lone CR ends line 1", "قال\rإن", 7, Position{7, 2, 1, 1}},
		{"lone CR: inside line 2", "قال\rإن", 9, Position{9, 2, 2, 2}},
		{"lone CR is the end of line 1", "قال\rإن", 6, Position{6, 1, 4, 4}},
		{"CR then CRLF: two line ends", "قال\r\r\nإن", 9, Position{9, 3, 1, 1}},
		{"end of file after final CR", "قال\r", 7, Position{7, 2, 1, 1}},
		{"empty file", "", 0, Position{0, 1, 1, 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := New("f", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Pos(c.off); got != c.want {
				t.Errorf("Pos(%d) in %q = %+v, want %+v", c.off, c.src, got, c.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	src := BOM + "الأول\r\nالثاني\n\r\nالأخير"
	d, err := New("f", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if n := d.LineCount(); n != 4 {
		t.Fatalf("LineCount = %d, want 4", n)
	}
	for n, want := range map[int]string{
		0: "",
		1: "الأول",
		2: "الثاني",
		3: "",
		4: "الأخير",
		5: "",
	} {
		if got := d.Line(n); got != want {
			t.Errorf("Line(%d) = %q, want %q", n, got, want)
		}
	}
	// LineStart is a Src offset: the BOM is part of line 1.
	if got, want := d.LineStart(2), len(BOM+"الأول\r\n"); got != want {
		t.Errorf("LineStart(2) = %d, want %d", got, want)
	}
	for _, c := range []struct{ src, want string }{
		{BOM, ""},
		{BOM + "\r\n", ""},
		{"قال\r", "قال"},
	} {
		d, _ := New("f", []byte(c.src))
		if got := d.Line(1); got != c.want {
			t.Errorf("Line(1) of %q = %q, want %q", c.src, got, c.want)
		}
	}
}

// TestLinesLoneCR: old Mac files end their lines with a lone CR; a CRLF
// stays one line end, and a CR before a CRLF is a line end of its own.
func TestLinesLoneCR(t *testing.T) {
	for _, c := range []struct {
		src   string
		lines []string
	}{
		{"أ فى ب\rج\r", []string{"أ فى ب", "ج", ""}},
		{"أ\r\nب\rج\nد", []string{"أ", "ب", "ج", "د"}},
		{"أ\r\r\nب", []string{"أ", "", "ب"}},
		{"\r\r", []string{"", "", ""}},
		{"\n\r", []string{"", "", ""}},
		{BOM + "\rأ", []string{"", "أ"}},
	} {
		d, err := New("f", []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for n := 1; n <= d.LineCount(); n++ {
			got = append(got, d.Line(n))
			if s, e := d.LineStart(n), d.LineEnd(n); n > 1 && s > e || d.Pos(e).Line != n {
				t.Errorf("%q: line %d runs from %d to %d", c.src, n, s, e)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.lines, "|") || len(got) != len(c.lines) {
			t.Errorf("lines of %q = %q, want %q", c.src, got, c.lines)
		}
	}
}

func TestToSrc(t *testing.T) {
	// Text "قال" + "\n\n" + "إن": the first piece sits inside <p>…</p> at
	// Src 3, the two newlines are synthetic (Text 6 and 7), the second piece
	// starts at Src 20.
	src := []byte("<p>قال</p>\n<p><b>إن</b></p>")
	text := "قال\n\nإن"
	segs := []Segment{{Text: 0, Src: 3, Len: 6}, {Text: 8, Src: 20, Len: 4}}
	d, err := NewMapped("f.html", src, text, segs)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Mapped() {
		t.Fatal("Mapped() = false")
	}
	if string(src[20:24]) != "إن" || string(src[3:9]) != "قال" {
		t.Fatal("bad fixture offsets")
	}
	for _, c := range []struct {
		name string
		t    int
		want int
	}{
		{"start of first segment", 0, 3},
		{"inside first segment", 2, 5},
		{"end of first segment", 6, 9},
		{"between segments", 7, 20},
		{"start of second segment", 8, 20},
		{"inside second segment", 10, 22},
		{"end of last segment", 12, 24},
		{"after last segment", 15, 24},
	} {
		if got := d.ToSrc(c.t); got != c.want {
			t.Errorf("%s: ToSrc(%d) = %d, want %d", c.name, c.t, got, c.want)
		}
	}

	// A gap in the text between segments maps to the start of the next one.
	d2, _ := NewMapped("f", []byte("0123456789"), "abcdefgh", []Segment{{0, 1, 2}, {5, 7, 3}})
	for tt, want := range map[int]int{0: 1, 1: 2, 2: 3, 3: 7, 4: 7, 5: 7, 6: 8, 8: 10, 9: 10} {
		if got := d2.ToSrc(tt); got != want {
			t.Errorf("gap map: ToSrc(%d) = %d, want %d", tt, got, want)
		}
	}

	// Plain documents map to themselves.
	p, _ := New("f", []byte("قال"))
	for _, off := range []int{0, 2, 6} {
		if got := p.ToSrc(off); got != off {
			t.Errorf("identity: ToSrc(%d) = %d", off, got)
		}
	}
}
