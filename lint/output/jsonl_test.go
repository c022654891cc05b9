package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
)

func TestWriteJSONL(t *testing.T) {
	fs := fixture(t)
	var b bytes.Buffer
	if err := WriteJSONL(&b, fs); err != nil {
		t.Fatal(err)
	}
	want := `{"path":"أخبار/خبر 1.txt","rule":"spelling/misspelling","severity":"error","message":"“المسؤل” is misspelled: write “المسؤول”","line":1,"column":7,"end_line":1,"end_column":13,"offset":12,"end_offset":24,"text":"المسؤل","suggestions":["المسؤول"],"safe":true,"fixes":[{"text":"المسؤول","safe":true,"applicability":"safe"}]}
{"path":"أخبار/خبر 1.txt","rule":"repetition/repeated-word","severity":"warning","message":"“قال” is repeated","line":2,"column":11,"end_line":2,"end_column":14,"offset":67,"end_offset":73,"text":"قال","suggestions":[""],"safe":false,"fixes":[{"text":"","safe":false,"applicability":"unsafe"}]}
{"path":"أخبار/خبر 1.txt","rule":"repetition/repeated-line","severity":"info","message":"line 4 repeats line 3 (100%)","line":3,"column":1,"end_line":4,"end_column":11,"offset":74,"end_offset":115,"text":"سطر 🙂 مكرر\nسطر 🙂 مكرر","suggestions":["سطر 🙂 مكرر\nسطر 🙂 مكرر"],"safe":true,"fixes":[{"text":"سطر 🙂 مكرر\nسطر 🙂 مكرر","safe":true,"applicability":"safe"}]}
`
	if got := b.String(); got != want {
		t.Errorf("WriteJSONL =\n%s\nwant\n%s", got, want)
	}

	// Each line is one object with exactly the JSON format's fields.
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	all := ToJSON(fs[0])
	if len(lines) != len(all) {
		t.Fatalf("%d lines for %d diagnostics", len(lines), len(all))
	}
	for i, l := range lines {
		var j JSONDiagnostic
		dec := json.NewDecoder(strings.NewReader(l))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&j); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if g, w := fmt.Sprintf("%+v", j), fmt.Sprintf("%+v", all[i]); g != w {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, g, w)
		}
	}

	b.Reset()
	if err := WriteJSONL(&b, []lint.File{fs[1]}); err != nil || b.Len() != 0 {
		t.Errorf("no diagnostics: %q, %v; want no output", b.String(), err)
	}
}
