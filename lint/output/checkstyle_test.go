package output

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/daqiq/daqiq/lint"
)

func TestWriteCheckstyle(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCheckstyle(&b, fixture(t)); err != nil {
		t.Fatal(err)
	}
	// Columns count code points, as in the text format: المسؤل is at 7.
	want := `<?xml version="1.0" encoding="UTF-8"?>
<checkstyle version="4.3">
  <file name="أخبار/خبر 1.txt">
    <error line="1" column="7" severity="error" message="“المسؤل” is misspelled: write “المسؤول”" source="spelling/misspelling"></error>
    <error line="2" column="11" severity="warning" message="“قال” is repeated" source="repetition/repeated-word"></error>
    <error line="3" column="1" severity="info" message="line 4 repeats line 3 (100%)" source="repetition/repeated-line"></error>
  </file>
  <file name="نظيف.txt"></file>
</checkstyle>
`
	if got := b.String(); got != want {
		t.Errorf("WriteCheckstyle =\n%s\nwant\n%s", got, want)
	}

	b.Reset()
	if err := WriteCheckstyle(&b, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), xml.Header+"<checkstyle version=\"4.3\"></checkstyle>\n"; got != want {
		t.Errorf("WriteCheckstyle(nil) = %q, want %q", got, want)
	}
}

func TestWriteCheckstyleEscaping(t *testing.T) {
	src := "قال <إن> & \"هو\"\n"
	d := doc(t, `a&b/"<ملف>".txt`, src)
	s, e := span(t, src, "<إن>")
	msg := "use “أنّ” not <إن> & 'x' \"y\"\nline two\ttab\x01"
	var b bytes.Buffer
	if err := WriteCheckstyle(&b, []lint.File{{Doc: d, Diagnostics: []lint.Diagnostic{
		{Start: s, End: e, Rule: `r/<x>&"y"`, Level: lint.Warning, Message: msg},
	}}}); err != nil {
		t.Fatal(err)
	}
	want := `<?xml version="1.0" encoding="UTF-8"?>
<checkstyle version="4.3">
  <file name="a&amp;b/&#34;&lt;ملف&gt;&#34;.txt">
    <error line="1" column="5" severity="warning" message="use “أنّ” not &lt;إن&gt; &amp; &#39;x&#39; &#34;y&#34;&#xA;line two&#x9;tab` + "\uFFFD" + `" source="r/&lt;x&gt;&amp;&#34;y&#34;"></error>
  </file>
</checkstyle>
`
	if got := b.String(); got != want {
		t.Errorf("WriteCheckstyle =\n%s\nwant\n%s", got, want)
	}

	// It parses back to the same values (the control character, which XML
	// 1.0 cannot carry, as U+FFFD).
	var rep csReport
	if err := xml.Unmarshal(b.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || len(rep.Files[0].Errors) != 1 {
		t.Fatalf("parsed %+v", rep)
	}
	f, er := rep.Files[0], rep.Files[0].Errors[0]
	if f.Name != d.Path || er.Source != `r/<x>&"y"` || er.Message != msg[:len(msg)-1]+"\uFFFD" {
		t.Errorf("round trip: name %q source %q message %q", f.Name, er.Source, er.Message)
	}
}
