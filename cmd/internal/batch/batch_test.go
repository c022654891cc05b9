package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/daqiq/daqiq/engine"
)

func newEngine(t *testing.T) *engine.Engine {
	t.Helper()
	eng, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

var fields = Fields{Text: "text", ID: "id", Date: "date", Format: "format"}

// TestRun: the same output with one worker and with four; a blank line is
// skipped, CRLF line ends are taken off, a line over the limit and a bad
// line give error lines in their place and the stream goes on.
func TestRun(t *testing.T) {
	defer func(n int) { maxLine = n }(maxLine)
	maxLine = 1000
	var in strings.Builder
	for i := range 60 {
		switch i % 6 {
		case 1:
			in.WriteString("\r\n")
		case 2:
			fmt.Fprintf(&in, `{"id": %d, "text": "%s"}`+"\n", i, strings.Repeat("ب", 600))
		case 3:
			fmt.Fprintf(&in, `{"id": %d, "text": 42}`+"\r\n", i)
		default:
			fmt.Fprintf(&in, `{"id": %d, "text": "قال هاذا"}`+"\r\n", i)
		}
	}
	var outs []string
	for _, jobs := range []int{1, 4} {
		var out bytes.Buffer
		failed, err := Run(strings.NewReader(in.String()), &out, Options{Engine: newEngine(t), SettingsPath: ".", Fields: fields, Jobs: jobs})
		if err != nil || failed != 20 {
			t.Fatalf("-j %d: %d failed, %v; want 20, nil", jobs, failed, err)
		}
		outs = append(outs, out.String())
	}
	if outs[0] != outs[1] {
		t.Fatal("the output with four workers differs from one worker's")
	}
	lines := strings.Split(strings.TrimSuffix(outs[0], "\n"), "\n")
	if len(lines) != 50 {
		t.Fatalf("%d output lines, want 50", len(lines))
	}
	n := 0
	for i := range 60 {
		var want string
		switch i % 6 {
		case 1:
			continue
		case 2:
			want = fmt.Sprintf(`{"id":null,"line":%d,"error":"line longer than 1000 bytes"}`, i+1)
		case 3:
			want = fmt.Sprintf(`{"id":%d,"line":%d,"error":"field \"text\" is not a string"}`, i, i+1)
		default:
			want = fmt.Sprintf(`{"id":%d,"diagnostics":[{"path":"%d","rule":"spelling/misspelling"`, i, i)
		}
		if !strings.HasPrefix(lines[n], want) {
			t.Errorf("output %d:\n got %s\nwant %s…", n+1, lines[n], want)
		}
		n++
	}
}

// readLine keeps a line of exactly max bytes (and its CR LF) and skips a
// longer one without holding it; the next line is read as usual.
func TestReadLine(t *testing.T) {
	const max = 100
	long := strings.Repeat("x", 3*max)
	in := strings.Repeat("a", max) + "\r\n" + strings.Repeat("b", max+1) + "\n" + long + "\n" + "last"
	br := bufio.NewReaderSize(strings.NewReader(in), 16)
	for _, want := range []struct {
		data    string
		tooLong bool
		err     error
	}{
		{strings.Repeat("a", max), false, nil},
		{strings.Repeat("b", max+1), false, nil}, // max+2 allows for CR LF
		{"", true, nil},
		{"last", false, io.EOF},
	} {
		data, tooLong, err := readLine(br, max)
		if string(data) != want.data || tooLong != want.tooLong || err != want.err {
			t.Errorf("readLine = %.20q (%d bytes), %v, %v; want %.20q, %v, %v", data, len(data), tooLong, err, want.data, want.tooLong, want.err)
		}
		if tooLong && data != nil {
			t.Error("a line too long was kept")
		}
	}
}

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

type failingReader struct {
	r io.Reader
}

func (r failingReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err == io.EOF {
		err = errors.New("connection reset")
	}
	return n, err
}

// A write error stops Run (an endless input is not read to its end); a
// read error is returned after the lines read before it are written.
func TestRunIOErrors(t *testing.T) {
	eng := newEngine(t)
	line := `{"id": 1, "text": "قال هاذا"}` + "\n"
	endless := io.MultiReader(strings.NewReader(strings.Repeat(line, 50000)), neverEnding{})
	done := make(chan error)
	go func() {
		_, err := Run(endless, &failingWriter{n: 100 << 10}, Options{Engine: eng, Fields: fields, Jobs: 2})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "writing the output: disk full") {
			t.Errorf("write error: %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("Run did not stop after a write error")
	}

	var out bytes.Buffer
	failed, err := Run(failingReader{strings.NewReader(line + line)}, &out, Options{Engine: eng, Fields: fields, Jobs: 2})
	if failed != 0 || err == nil || err.Error() != "reading the input: connection reset" {
		t.Errorf("read error: %d failed, %v", failed, err)
	}
	if n := strings.Count(out.String(), `"diagnostics":[{`); n != 2 {
		t.Errorf("%d lines written before the read error, want 2:\n%s", n, out.String())
	}
}

// neverEnding is an input that never ends: the same line again and again.
type neverEnding struct{}

func (neverEnding) Read(p []byte) (int, error) {
	line := `{"id": 2, "text": "قال هاذا"}` + "\n"
	n := 0
	for n+len(line) <= len(p) {
		n += copy(p[n:], line)
	}
	if n == 0 {
		return copy(p, "\n"), nil
	}
	return n, nil
}

// unquote gives what encoding/json gives for any string literal: plain
// Arabic, every escape, \u escapes with surrogate pairs, invalid UTF-8.
func TestUnquote(t *testing.T) {
	cases := []string{
		`""`, `"قال الوزير"`, `"سطر\nسطر\r\n\tجدول"`, `"قال: \"نعم\" \\ / \/ \b\f"`,
		`"\u0642\u0627\u0644 \ud83d\ude00 \u00a0"`, `"نص \u0645 مختلط\n"`, "\"\xff\xfe نص\"", `"\\"`, `"\\\\n"`,
	}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"قال", " ", "\n", "\"", "\\", "/", "\t", "\u00a0", "😀", "\x01", "«", "a"}
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for n := r.IntN(12); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		lit, _ := json.Marshal(b.String())
		cases = append(cases, string(lit))
	}
	for _, c := range cases {
		var want string
		if err := json.Unmarshal([]byte(c), &want); err != nil {
			t.Fatalf("%q: %v", c, err)
		}
		got, err := unquote([]byte(c))
		if err != nil || got != want {
			t.Errorf("unquote(%q) = %q, %v; want %q", c, got, err, want)
		}
	}
}

// A line whose article (or id, date, format) is not UTF-8 or holds a lone
// UTF-16 surrogate gets an error line: encoding/json would have checked an
// article with U+FFFD in their place, and reported offsets into it.
func TestRunInvalidUTF8(t *testing.T) {
	in := strings.Join([]string{
		`{"id": 1, "text": "هاذا \ud800 خبر"}`,
		`{"id": 2, "text": "هاذا \udc00\ud83d خبر"}`,
		"{\"id\": 3, \"text\": \"هاذا \xff خبر\"}",
		"{\"id\": 4, \"text\": \"هاذا \xed\xa0\x80 خبر\"}",
		`{"id": "\ud800", "text": "هاذا خبر"}`,
		`{"id": 6, "text": "هاذا خبر", "date": "2024-01-01\udfff"}`,
		// fine: a pair, an asked-for U+FFFD, an escaped backslash, a field not read
		`{"id": 7, "text": "هاذا \ud83d\ude00 \ufffd \\ud800 خبر", "note": "\ud800"}`,
	}, "\n")
	var out bytes.Buffer
	failed, err := Run(strings.NewReader(in), &out, Options{Engine: newEngine(t), SettingsPath: ".", Fields: fields, Jobs: 2})
	if err != nil || failed != 6 {
		t.Fatalf("%d failed, %v; want 6: %s", failed, err, out.String())
	}
	if !utf8.Valid(out.Bytes()) {
		t.Errorf("the output is not UTF-8: %q", out.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	for i, l := range lines {
		var got struct {
			ID          json.RawMessage
			Error       string
			Diagnostics []struct{ Message string }
		}
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, l)
		}
		if i < 6 {
			want := fmt.Sprint(i + 1)
			if i == 4 {
				want = "null" // not echoed: it is not the id that was sent
			}
			if got.Error == "" || !strings.Contains(got.Error, "UTF") || string(got.ID) != want {
				t.Errorf("line %d: %s; want an error about UTF-8 or UTF-16, id %s", i+1, l, want)
			}
		} else if got.Error != "" || len(got.Diagnostics) == 0 {
			t.Errorf("line %d: %s; want its findings", i+1, l)
		}
	}
}

// Each diagnostic says whether its first fix is safe, and each fix its
// own safety, as --format json and the API do.
func TestRunSafe(t *testing.T) {
	var out bytes.Buffer
	in := `{"id": 1, "text": "قال قال هاذا"}` + "\n"
	if _, err := Run(strings.NewReader(in), &out, Options{Engine: newEngine(t), SettingsPath: ".", Fields: fields, Jobs: 1}); err != nil {
		t.Fatal(err)
	}
	var line struct {
		Diagnostics []struct {
			Rule  string
			Safe  *bool
			Fixes []struct {
				Text          string
				Safe          *bool
				Applicability string
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &line); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range line.Diagnostics {
		if d.Safe == nil || len(d.Fixes) == 0 || d.Fixes[0].Safe == nil || *d.Safe != *d.Fixes[0].Safe {
			t.Fatalf("%s: no safe flag: %s", d.Rule, out.Bytes())
		}
		got[d.Rule] = fmt.Sprint(*d.Safe, " ", d.Fixes[0].Applicability)
	}
	if got["spelling/misspelling"] != "true safe" || got["repetition/repeated-word"] != "false unsafe" {
		t.Errorf("safety %v: %s", got, out.Bytes())
	}
}

// TestRunSource: Fields.Source names a field holding the wire copy's text;
// the source rules compare each line's article with its own wire and name
// it by the field, with the wire's line. A line without the field, or with
// null, has no source; one that is not a string is an error line.
func TestRunSource(t *testing.T) {
	wire := "الرباط - الثلاثاء 14 مايو 2024\nافتتح وزير الفلاحة المغربي، اليوم الثلاثاء، المعرض الدولي للتمور في مدينة أرفود بمشاركة 180 عارضا من 12 دولة.\n"
	article := "الخميس 16 مايو 2024\nافتتح وزير الفلاحة المغربي، اليوم الثلاثاء، المعرض الدولي للتمور في مدينة أرفود بمشاركة 210 عارضين من 12 دولة.\n"
	line := func(id int, wire any) string {
		m := map[string]any{"id": id, "text": article}
		if wire != nil {
			m["wire"] = wire
		}
		b, _ := json.Marshal(m)
		return string(b) + "\n"
	}
	in := line(1, wire) + line(2, nil) + `{"id": 3, "wire": null, "text": "قال الوزير إن المعرض ناجح."}` + "\n" + line(4, 7) + line(5, wire)
	f := fields
	f.Source = "wire"
	var out bytes.Buffer
	failed, err := Run(strings.NewReader(in), &out, Options{Engine: newEngine(t), SettingsPath: ".", Fields: f, Jobs: 2})
	if err != nil || failed != 1 {
		t.Fatalf("%d failed, %v; want 1, nil", failed, err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines:\n%s", len(lines), out.String())
	}
	type diag struct{ Rule, Message, Text string }
	rules := func(l string) (got []diag) {
		var o struct{ Diagnostics []diag }
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatal(err)
		}
		for _, d := range o.Diagnostics {
			if strings.HasPrefix(d.Rule, "source/") {
				got = append(got, d)
			}
		}
		return got
	}
	for _, n := range []int{0, 4} {
		got := rules(lines[n])
		if len(got) != 2 || got[0].Rule != "source/date" || got[1].Rule != "source/number" || got[1].Text != "210" ||
			!strings.Contains(got[1].Message, "(wire:2)") || !strings.Contains(got[1].Message, "180") {
			t.Errorf("line %d: source findings %+v", n+1, got)
		}
	}
	for _, n := range []int{1, 2} {
		if got := rules(lines[n]); len(got) != 0 {
			t.Errorf("line %d, no wire: %+v", n+1, got)
		}
	}
	if want := `{"id":4,"line":4,"error":"field \"wire\" is not a string"}`; lines[3] != want {
		t.Errorf("line 4: %s, want %s", lines[3], want)
	}
	// without Fields.Source the field is just another field
	out.Reset()
	if _, err := Run(strings.NewReader(line(1, wire)), &out, Options{Engine: newEngine(t), SettingsPath: ".", Fields: fields}); err != nil {
		t.Fatal(err)
	}
	if got := rules(strings.TrimSpace(out.String())); len(got) != 0 {
		t.Errorf("no source field named, yet %+v", got)
	}
}
