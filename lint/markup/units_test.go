package markup

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/source"
	"golang.org/x/net/html"
)

// decodeAll decodes every character reference of s as prose would.
func decodeAll(s string, mode textMode) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '&' {
			if dec, n := entityAt([]byte(s), i, mode); n > 0 {
				b.WriteString(dec)
				i += n
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func TestEntities(t *testing.T) {
	cases := []string{
		"&amp;", "&amp", "&ampx", "&amp;x", "&notit;", "&notin;", "&not", "&nbsp&nbsp;", "&#1575;&#x627;&#X627",
		"&#1575", "&copy2024", "&bogus;", "& &;", "&#;", "&#xZZ;", "&#0;", "&#x110000;", "&#128;", "&laquo;نص&raquo;",
		"&NotEqualTilde;", "&AMP", "&lt;&gt;&quot;&#39;",
	}
	for _, c := range cases {
		if got, want := decodeAll(c, modeHTML), html.UnescapeString(c); got != want {
			t.Errorf("HTML %q: %q, the tokenizer reads %q", c, got, want)
		}
	}
	// Markdown (CommonMark) needs the semicolon
	for c, want := range map[string]string{
		"&amp;": "&", "&amp": "&amp", "&copy2024": "&copy2024", "&#1575;": "ا", "&#1575": "&#1575", "&bogus;": "&bogus;",
		"&#12345678;": "&#12345678;", "&nbsp;": "\u00a0",
	} {
		if got := decodeAll(c, modeMarkdown); got != want {
			t.Errorf("Markdown %q: %q, want %q", c, got, want)
		}
	}
	// in attribute values, as the tokenizer reads them
	for _, v := range []string{"&amp;x", "&ampx", "&amp=x", "&notin;", "&not;", "&notx", "نص &laquo;مقتبس&raquo; &copy", "&#1575"} {
		z := html.NewTokenizer(strings.NewReader(`<p title="` + v + `">`))
		z.Next()
		_, val, _ := z.TagAttr()
		if got := decodeAttr([]byte(v), 0, len(v)); got != string(val) {
			t.Errorf("attribute %q: %q, the tokenizer reads %q", v, got, val)
		}
	}
}

func TestURLs(t *testing.T) {
	src := "انظر https://ar.wikipedia.org/wiki/مصر، و(www.example.com/a_(b)). وhttp://x.y/تقرير؟ ثم «https://a.b/ج» وxhttp://no"
	var got []string
	for _, u := range findURLs([]byte(src)) {
		got = append(got, src[u.s:u.e])
	}
	want := []string{"https://ar.wikipedia.org/wiki/مصر", "www.example.com/a_(b)", "http://x.y/تقرير", "https://a.b/ج"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("URLs %q, want %q", got, want)
	}
}

func TestFrontMatter(t *testing.T) {
	src := "\uFEFF+++\r\ntitle = \"عنوان \\u0627 \\\"مقتبس\\\"\" # تعليق\r\nsummary = 'حرفي \\n'\r\ndate = 2024-11-22T10:00:00+03:00\r\n" +
		"[params]\r\ndescription = \"لا\"\r\n+++\r\nنص المقال\r\n"
	doc, x, err := Parse("a.md", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "عنوان ا \"مقتبس\"" + isolatingBreak + "حرفي \\n" + isolatingBreak + "نص المقال"; doc.Text != want {
		t.Errorf("Text %q, want %q", doc.Text, want)
	}
	if x.Date != "2024-11-22" || x.FrontMatter["description"] != "" || x.FrontMatterEnd != strings.Index(src, "نص") {
		t.Errorf("date %q, values %q, end %d", x.Date, x.FrontMatter, x.FrontMatterEnd)
	}
	got := checkMap(t, doc, x)
	want := []mapped{{"ا", `\u0627`}, {isolatingBreak, ""}, {isolatingBreak, ""}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("non-verbatim %q, want %q", got, want)
	}
	// an escaped quote is the quote's byte: editable; the \u escape is not
	// editable in part
	q := strings.Index(src, `\"مقتبس`) + 1
	if !x.Editable(q, q+1) || x.Editable(q-1, q+1) {
		t.Error("the escaped quote is not editable, or its backslash is")
	}
	u := strings.Index(src, `\u0627`)
	if x.Editable(u, u+1) || !x.Editable(u, u+6) {
		t.Error("a \\u escape is editable in part, or not as a whole")
	}

	for _, c := range []struct{ fm, date string }{
		{"date: 2024-02-30", ""},
		{"date: '2024-11-22 10:30:00'", "2024-11-22"},
		{"date: 2024-11-22T10:30:00Z # نشر", "2024-11-22"},
		{"date: 22/11/2024", ""},
		{"title: |\n  عنوان", ""},
	} {
		_, x, err := Parse("a.md", []byte("---\n"+c.fm+"\n---\nنص\n"), Options{})
		if err != nil || x.Date != c.date {
			t.Errorf("%q: date %q, want %q (%v)", c.fm, x.Date, c.date, err)
		}
	}
	// extra keys, a nested key, an unclosed front matter
	doc, _, _ = Parse("a.md", []byte("---\nsubtitle: فرعي\nseo:\n  title: لا\ntitle: عنوان\n---\nنص\n"), Options{FrontMatterKeys: []string{"subtitle"}})
	if doc.Text != "فرعي"+isolatingBreak+"عنوان"+isolatingBreak+"نص" {
		t.Errorf("Text %q", doc.Text)
	}
	doc, _, _ = Parse("a.md", []byte("---\ntitle: عنوان\n\nنص\n"), Options{})
	if !strings.Contains(doc.Text, "title: عنوان") {
		t.Errorf("an unclosed front matter is not prose: %q", doc.Text)
	}
}

func TestMarkdownInline(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"سطر أول  \r\nسطر ثان\\\r\nثالث\r\n", "سطر أول\nسطر ثان\nثالث"},
		{"* نجمة *و* _شرطة_ \\* هروب a_b 2*3 \\&amp; &amp;\n", "نجمة و شرطة * هروب a_b 2*3 &amp; &"},
		{"قال <code>إجتماع</code> و<kbd>Ctrl</kbd>، <br> ثم <span>نص</span>\n", "قال \uFFFC و\uFFFC،\nثم نص"},
		{"`كود` في البداية و``مع ` داخلها`` وفي النهاية `كود`\n", "في البداية و\uFFFC وفي النهاية"},
		{"رابط <https://example.com/مصر> و<a@b.co> نص\n", "رابط \uFFFC و\uFFFC نص"},
		{"نص [https://example.com](https://example.com) نص\n", "نص \uFFFC نص"},
		{"\uFEFFعنوان\n=====\n\nنص\n", "عنوان\n\nنص"},
		{"```\nكود فقط\n```\n", ""},
		{"1. أول\n   - متداخل\n\n   فقرة ثانية في العنصر\n", "أول\n\nمتداخل\n\nفقرة ثانية في العنصر"},
		{"| أ \\| ب | ج |\n|---|---|\n| `د` | ~~هـ~~ |\n", "أ | ب" + isolatingBreak + "ج" + isolatingBreak + "هـ"},
		{"- [x] مهمة منجزة\n", "مهمة منجزة"},
	} {
		doc, x, err := Parse("a.md", []byte(c.src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Text != c.want {
			t.Errorf("%q:\nText %q\nwant %q", c.src, doc.Text, c.want)
		}
		for _, m := range checkMap(t, doc, x) {
			if m.text != blockBreak && m.text != isolatingBreak && m.text != Placeholder && m.text != "&" && m.text != "\n" {
				t.Errorf("%q: %q maps to %q", c.src, m.text, m.src)
			}
		}
	}
}

func TestHTMLInline(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"<p>قال <code>إجتماع\n<p>ثم", "قال\n\nثم"},
		{"<p>قال <code>x</code>، <kbd>y</kbd>.</p>", "قال \uFFFC، \uFFFC."},
		{"<ul>\n  <li>أول</li>\n  <li>ثان\n      مع سطر</li>\n</ul>", "أول\n\nثان\nمع سطر"},
		{"<p title='عنوان &amp; فرعي' class=x>نص <a title=قصير href=\"/\">رابط</a> تابع</p><p>بعدها</p>",
			"عنوان & فرعي" + isolatingBreak + "نص" + isolatingBreak + "قصير" + isolatingBreak + "رابط تابع\n\nبعدها"},
		{"<pre><code>كود <b>غامق</b></code></pre><p>نص</p>", "نص"},
		{"<svg><title>لا</title></svg> نص", "نص"},
		{"<textarea>&lt;p&gt;لا</textarea><p>نعم &copy 2024 &notit;</p>", "نعم © 2024 ¬it;"},
		{"<p>سطر\r\n   سطر</p>", "سطر\nسطر"},
		{"<p>قبل</p><table><tr><th>أ</th><th>ب</th></tr>\n<tr><td>نعم</td> <td>نعم</td></tr></table><p>بعد</p>",
			"قبل" + isolatingBreak + "أ" + isolatingBreak + "ب" + isolatingBreak + "نعم" + isolatingBreak + "نعم" + isolatingBreak + "بعد"},
		{"<p>قال  <b> الوزير</b>\n <i>أمس</i>  <br>  اليوم</p>", "قال الوزير\nأمس\nاليوم"},
	} {
		doc, x, err := Parse("a.html", []byte(c.src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Text != c.want {
			t.Errorf("%q:\nText %q\nwant %q", c.src, doc.Text, c.want)
		}
		checkMap(t, doc, x)
	}
}

func TestEditable(t *testing.T) {
	src := "قال،**الوزير** و**الخطة**ثم _نص_ عادي\n"
	_, x, _ := Parse("a.md", []byte(src), Options{})
	for _, c := range []struct {
		at   string
		n    int // bytes from the start of at
		want bool
	}{
		{"الوزير", 0, false}, // after "**": the space would break the emphasis
		{"الوزير**", len("الوزير"), false},
		{"لوزير", 0, true},      // inside a word
		{"ثم", 0, false},        // right after "**"
		{"ثم", len("ثم"), true}, // before a space
		{"عادي", 0, true},       // after a space
		{"عادي", len("عادي"), true},
	} {
		off := strings.Index(src, c.at) + c.n
		if got := x.Editable(off, off); got != c.want {
			t.Errorf("insertion at %q+%d: %v", c.at, c.n, got)
		}
	}
	w := strings.Index(src, "الوزير")
	if !x.Editable(w, w+len("الوزير")) || x.Editable(w-2, w+len("الوزير")) || x.Editable(0, len(src)) {
		t.Error("Editable spans")
	}
	// in HTML an insertion next to a tag is fine
	hsrc := "<p>قال،<b>الوزير</b></p>"
	_, hx, _ := Parse("a.html", []byte(hsrc), Options{})
	b := strings.Index(hsrc, "الوزير")
	if !hx.Editable(b, b) || hx.Editable(b-1, b) || hx.Editable(0, 0) {
		t.Error("HTML insertions")
	}
	// plain text is editable everywhere; Filter keeps its fixes
	_, px, _ := Parse("a.txt", []byte("نص"), Options{})
	if !px.Editable(0, 0) || !px.Editable(0, 4) {
		t.Error("plain text not editable")
	}
}

func TestDirectives(t *testing.T) {
	for _, c := range []struct {
		in    string
		kind  DirectiveKind
		rules []string
		ok    bool
	}{
		{" daqiq-disable-next-line ", DisableNextLine, nil, true},
		{"daqiq-disable spelling/misspelling, dates -- اقتباس حرفي", Disable, []string{"spelling/misspelling", "dates"}, true},
		{"daqiq-enable\n", Enable, nil, true},
		{"daqiq-disabled", 0, nil, false},
		{"تعليق عادي", 0, nil, false},
	} {
		k, r, ok := ParseDirective(c.in)
		if k != c.kind || !reflect.DeepEqual(r, c.rules) || ok != c.ok {
			t.Errorf("%q: %v %q %v", c.in, k, r, ok)
		}
	}
	src := "<!-- daqiq-disable spelling -->\nأ\n<!-- daqiq-disable dates -->\nب\n<!-- daqiq-enable spelling -->\nج\n" +
		"<!-- daqiq-enable -->\nد\n<!-- daqiq-enable -->\nهـ <!-- daqiq-disable-next-line -->\n"
	_, x, _ := Parse("a.md", []byte(src), Options{})
	off := func(s string) int { return strings.Index(src, s) }
	for _, c := range []struct {
		rule, at string
		want     bool
	}{
		{"spelling/misspelling", "أ", true},
		{"spellingx/y", "أ", false},
		{"dates/weekday-mismatch", "أ", false},
		{"dates/weekday-mismatch", "ب", true},
		{"spelling/misspelling", "ب", true},
		{"spelling/misspelling", "ج", false},
		{"dates/weekday-mismatch", "ج", true},
		{"dates/weekday-mismatch", "د", false},
	} {
		if got := x.Suppressed(c.rule, off(c.at)); got != c.want {
			t.Errorf("%s at %q: %v", c.rule, c.at, got)
		}
	}
	var unused []string
	for _, d := range x.Unused() {
		unused = append(unused, d.Kind.String()+":"+strconv.Itoa(d.Line))
	}
	// the second bare enable closed nothing; the next-line directive is on
	// the last line
	if want := []string{"daqiq-enable:9", "daqiq-disable-next-line:10"}; !reflect.DeepEqual(unused, want) {
		t.Errorf("unused %q, want %q", unused, want)
	}
	// HTML comments, and the line after a comment spanning two lines
	hsrc := "<p>أ</p><!-- daqiq-disable-next-line\n  spelling -->\n<p>ب</p>\n<p>ج</p>"
	_, hx, _ := Parse("a.html", []byte(hsrc), Options{})
	if !hx.Suppressed("spelling/x", strings.Index(hsrc, "ب")) || hx.Suppressed("spelling/x", strings.Index(hsrc, "ج")) {
		t.Errorf("HTML next-line: %+v", hx.Directives)
	}
}

func TestParseErrors(t *testing.T) {
	for _, name := range []string{"a.md", "a.html", "a.txt"} {
		_, _, err := Parse(name, []byte("نص \xff"), Options{})
		var e *source.EncodingError
		if !errors.As(err, &e) || e.Offset != len("نص ") {
			t.Errorf("%s: %v", name, err)
		}
	}
	doc, x, err := Parse("a.TXT", []byte("نص <b>"), Options{})
	if err != nil || doc.Text != "نص <b>" || doc.Mapped() || x.Format != Plain {
		t.Errorf("plain text: %q %v", doc.Text, err)
	}
	if FormatOf("x.Markdown") != Markdown || FormatOf("x.htm") != HTML || FormatOf("x.mdx") != Plain {
		t.Error("FormatOf")
	}
	doc, _, _ = Parse("-", []byte("# عنوان"), Options{Format: Markdown})
	if doc.Text != "عنوان" {
		t.Errorf("Options.Format: %q", doc.Text)
	}
}

// TestSeparators: a block break maps onto the markup between the blocks.
func TestSeparators(t *testing.T) {
	src := "# أ\n\n```\nكود\n```\n\nب\n"
	doc, x, _ := Parse("a.md", []byte(src), Options{})
	if doc.Text != "أ\n\nب" {
		t.Fatalf("Text %q", doc.Text)
	}
	a, b := strings.Index(src, "أ"), strings.Index(src, "ب")
	sepStart := len("أ")
	end := a + len("أ")
	for _, c := range []struct{ got, want int }{
		{doc.ToSrc(sepStart), end}, {doc.ToSrcStart(sepStart), end}, {doc.ToSrc(sepStart + 1), end + 1},
		{doc.ToSrc(sepStart + 2), b}, {doc.ToSrcStart(sepStart + 2), b},
	} {
		if c.got != c.want {
			t.Errorf("ToSrc/ToSrcStart around the block break: %d, want %d", c.got, c.want)
		}
	}
	if x.Editable(doc.ToSrcStart(0), doc.ToSrc(len(doc.Text))) {
		t.Error("a span across a code block is editable")
	}
}

// TestFrontMatterValue: one key of the front matter, as Parse reads it.
func TestFrontMatterValue(t *testing.T) {
	for _, c := range []struct {
		src, want string
		ok        bool
	}{
		{"---\ntitle: عنوان\nsource: wires/afp.txt\nsource: other.txt\n---\nنص\n", "wires/afp.txt", true},
		{"\uFEFF+++\r\nsource = \"برقية.txt\" # تعليق\r\n+++\r\nنص\r\n", "برقية.txt", true},
		{"---\nsource: 'a b.txt'\n---\n", "a b.txt", true},
		{"---\ntitle: عنوان\n---\nsource: a.txt\n", "", false},
		{"---\nsource: a.txt\n\nنص\n", "", false}, // not closed: no front matter
		{"source: a.txt\n", "", false},
		{"---\nseo:\n  source: a.txt\n---\n", "", false},
	} {
		v, ok := FrontMatterValue([]byte(c.src), "source")
		if v != c.want || ok != c.ok {
			t.Errorf("%q: %q %v, want %q %v", c.src, v, ok, c.want, c.ok)
		}
		if ok {
			_, x, err := Parse("a.md", []byte(c.src), Options{})
			if err != nil || x.FrontMatter["source"] != v {
				t.Errorf("%q: Parse reads %q (%v)", c.src, x.FrontMatter["source"], err)
			}
		}
	}
}
