package markup

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
)

func read(t testing.TB, name string) (string, []byte) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "markup", name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, src
}

func parse(t *testing.T, path string, src []byte) (*source.Document, *Extras) {
	t.Helper()
	doc, x, err := Parse(path, src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc, x
}

// mapped is a piece of the text that is not a copy of the source bytes it
// maps to: a block break (src "", checked by checkMap), a placeholder, a
// decoded reference or a <br>.
type mapped struct{ text, src string }

// checkMap checks every rune of the text: a rune copied from the source
// maps back onto the same bytes (src[ToSrcStart(i)+k] == text[i+k], and
// ToSrc of its end is its source end) and is Editable; a block break maps
// onto the markup between its blocks (in HTML whitespace inside a block is
// editable); the others are returned.
func checkMap(t *testing.T, doc *source.Document, x *Extras) []mapped {
	t.Helper()
	var out []mapped
	text, src := doc.Text, doc.Src
	for i := 0; i < len(text); {
		_, n := utf8.DecodeRuneInString(text[i:])
		brk := blockBreak
		if strings.HasPrefix(text[i:], isolatingBreak) {
			brk = isolatingBreak
		}
		// a block break (not two <br>): mapped onto the markup between the
		// blocks, none of which is prose
		if s, e := doc.ToSrcStart(i), doc.ToSrc(i+len(brk)); strings.HasPrefix(text[i:], brk) &&
			(len(brk) > 2 || doc.ToSrcStart(i+2) == e) {
			if s >= e || doc.ToSrc(i) != s || doc.ToSrcStart(i+len(brk)) != e || x.Editable(s, e) {
				t.Errorf("block break at %d maps to %d..%d (%q)", i, s, e, src[s:max(s, e)])
			}
			for k := s; k < e; k++ {
				if x.Editable(k, k+1) && !(x.Format == HTML && isSpace(src[k])) {
					t.Errorf("block break at %d maps onto prose at %d", i, k)
				}
			}
			out = append(out, mapped{brk, ""})
			i += len(brk)
			continue
		}
		s, e := doc.ToSrcStart(i), doc.ToSrc(i+n)
		if e-s == n && string(src[s:e]) == text[i:i+n] && x.Editable(s, e) {
			for k := 0; k < n; k++ {
				if src[doc.ToSrcStart(i+k)] != text[i+k] {
					t.Errorf("text byte %d (%q) maps to source byte %d (%q)", i+k, text[i+k], doc.ToSrcStart(i+k), src[doc.ToSrcStart(i+k)])
				}
			}
			i += n
			continue
		}
		m := mapped{text[i : i+n], ""}
		if e > s {
			m.src = string(src[s:e])
		}
		out = append(out, m)
		i += n
	}
	return out
}

func sep(n int) []mapped {
	out := make([]mapped, n)
	for i := range out {
		out[i] = mapped{"\n\n", ""}
	}
	return out
}

func isolating(n int) []mapped {
	out := make([]mapped, n)
	for i := range out {
		out[i] = mapped{isolatingBreak, ""}
	}
	return out
}

func cat(parts ...[]mapped) []mapped {
	var out []mapped
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestMarkdownText(t *testing.T) {
	path, src := read(t, "article.md")
	doc, x := parse(t, path, src)
	const I = isolatingBreak
	want := "الوزير يتحمل المسؤلية كاملة" +
		I + "وصف 'قصير' للخبر" +
		I + "إجتماع الحكومة الأسبوعي" +
		"\n\nقال الوزير إن \uFFFC اللجنة سيعقد غدا، وأضاف أن\u00a0القرار نهائي «تماما».\nوتابع في السطر الثاني المهم هنا." +
		"\n\nانظر الرابط \uFFFC، أو التقرير الكامل والصورة صورة الوزير في الإجتماع." +
		"\n\nاقتباس من البيان\nفي سطرين" +
		"\n\nعنصر أول" +
		"\n\nعنصر ثان مع" +
		I + "البلد" + I + "العاصمة" + I + "مصر" + I + "القاهرة" + I + "ألبانيا" + I + "تيرانا" +
		I + "هاذا السطر مستثنى." +
		"\n\nفقرة معطلة إجتماع."
	if doc.Text != want {
		t.Errorf("Text =\n%q\nwant\n%q", doc.Text, want)
	}
	got := checkMap(t, doc, x)
	wantMap := cat(isolating(2), sep(1),
		[]mapped{{"\uFFFC", "`إجتماع`"}, {"\u00a0", "&nbsp;"}, {"«", "&laquo;"}, {"»", "&raquo;"}},
		sep(1),
		[]mapped{{"\uFFFC", "https://ar.wikipedia.org/wiki/مصر"}},
		sep(3), isolating(7), sep(1))
	if !reflect.DeepEqual(got, wantMap) {
		t.Errorf("non-verbatim pieces:\n%q\nwant\n%q", got, wantMap)
	}
	if x.Date != "2024-11-22" || x.FrontMatter["title"] != "الوزير يتحمل المسؤلية كاملة" || x.FrontMatterEnd != strings.Index(string(src), "\n\n# ")+1 {
		t.Errorf("front matter: date %q, values %q, end %d", x.Date, x.FrontMatter, x.FrontMatterEnd)
	}
	if _, ok := x.FrontMatter["tags"]; ok {
		t.Errorf("a flow sequence read as a scalar: %q", x.FrontMatter["tags"])
	}
}

func TestHTMLText(t *testing.T) {
	path, src := read(t, "article.html")
	doc, x := parse(t, path, src)
	const I = isolatingBreak
	want := "إجتماع الحكومة & البرلمان" +
		I + "عنوان المسؤلية" +
		I + "خبر اليوم" +
		"\n\nقال الوزير إن الإجتماع انتهى\u00a0اليوم «بنجاح» والحمد لله.\nوأضاف أن \uFFFC الغد & ما بعده مهم." +
		"\n\nهاذا سطر مستثنى" +
		"\n\nصورة" + I + "الوزير في الإجتماع" + I + "ثم الرابط \uFFFC." +
		"\n\nنص\nبعد السطر"
	if doc.Text != want {
		t.Errorf("Text =\n%q\nwant\n%q", doc.Text, want)
	}
	got := checkMap(t, doc, x)
	wantMap := cat(
		// &amp; decodes to one byte: it starts at & and ends one byte in
		[]mapped{{"&", "&"}},
		isolating(2), sep(1),
		[]mapped{{"\u00a0", "&nbsp;"}, {"«", "&laquo;"}, {"»", "&raquo;"}, {"و", "&#1608;"}, {"ا", "&#x0627;"},
			{"\uFFFC", "<code>إجتماع</code>"}, {"&", "&"}},
		sep(2), isolating(2),
		[]mapped{{"\uFFFC", "https://ar.wikipedia.org/wiki/مصر"}},
		sep(1),
		[]mapped{{"\n", "<"}}, // <br>, one byte mapped onto its first
	)
	if !reflect.DeepEqual(got, wantMap) {
		t.Errorf("non-verbatim pieces:\n%q\nwant\n%q", got, wantMap)
	}
}

// words is a rule that flags the listed words and replaces them (safe).
func words(id string, fixes map[string]string) lint.Active {
	return lint.Active{Level: lint.Error, Rule: &lint.Rule{ID: id, Kind: lint.Code, Level: lint.Error, Run: func(p *lint.Pass) {
		for _, tk := range p.Tokens {
			w := p.Text[tk.Start:tk.End]
			if fix, ok := fixes[w]; ok {
				p.Report(lint.Diagnostic{Start: tk.Start, End: tk.End, Message: w,
					Fixes: []lint.SuggestedFix{lint.Replace(tk.Start, tk.End, fix, lint.Safe)}})
			}
		}
	}}}
}

// spans is a rule that flags each occurrence of the listed text and
// replaces it; a key ending in "|" is an insertion at the end of the text
// before the bar.
func spans(id string, fixes map[string]string) lint.Active {
	return lint.Active{Level: lint.Warning, Rule: &lint.Rule{ID: id, Kind: lint.Code, Level: lint.Warning, Run: func(p *lint.Pass) {
		for k, fix := range fixes {
			sub, insert := strings.CutSuffix(k, "|")
			for off := 0; ; {
				i := strings.Index(p.Text[off:], sub)
				if i < 0 {
					break
				}
				s, e := off+i, off+i+len(sub)
				es := s
				if insert {
					es = e
				}
				p.Report(lint.Diagnostic{Start: s, End: e, Message: sub,
					Fixes: []lint.SuggestedFix{lint.Replace(es, e, fix, lint.Safe)}})
				off = e
			}
		}
	}}}
}

// finding is a diagnostic as the user sees it.
type finding struct {
	Rule    string
	Text    string // the source bytes it covers
	Line    int
	Col     int
	Fixable bool
}

func findings(doc *source.Document, ds []lint.Diagnostic) []finding {
	var out []finding
	for _, d := range ds {
		p := doc.Pos(d.Start)
		out = append(out, finding{d.Rule, string(doc.Src[d.Start:d.End]), p.Line, p.Column,
			len(d.Fixes) > 0 && d.Fixes[0].Applicability == lint.Safe})
	}
	return out
}

// at is a finding on the n-th (0-based) occurrence of text in the 1-based
// line of src; its column is counted here, not by the code under test.
func at(t *testing.T, src []byte, rule, text string, line, n int, fixable bool) finding {
	t.Helper()
	l := strings.Split(string(src), "\n")[line-1]
	off := 0
	for ; ; n-- {
		i := strings.Index(l[off:], text)
		if i < 0 {
			t.Fatalf("%q not on line %d: %q", text, line, l)
		}
		if n == 0 {
			off += i
			break
		}
		off += i + len(text)
	}
	return finding{rule, text, line, utf8.RuneCountInString(l[:off]) + 1, fixable}
}

var misspellings = map[string]string{"المسؤلية": "المسؤولية", "إجتماع": "اجتماع", "الإجتماع": "الاجتماع", "هاذا": "هذا"}

// Line breaks inside a paragraph: a soft or hard break is one line break
// in the text, and a line holding only a hard break (a lone backslash)
// adds none, so that two never read as a paragraph break.
func TestMarkdownLineBreaks(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"قال الوزير\nإن القرار نهائي", "قال الوزير\nإن القرار نهائي"},
		{"قال الوزير\\\nإن القرار نهائي", "قال الوزير\nإن القرار نهائي"},
		{"قال الوزير  \nإن القرار نهائي", "قال الوزير\nإن القرار نهائي"},
		{"قال الوزير\n\\\nإن القرار نهائي", "قال الوزير\nإن القرار نهائي"},
		{"قال الوزير\n\nإن القرار نهائي", "قال الوزير\n\nإن القرار نهائي"},
	} {
		doc, x := parse(t, "a.md", []byte(c.src))
		if doc.Text != c.want {
			t.Errorf("%q: Text = %q, want %q", c.src, doc.Text, c.want)
		}
		checkMap(t, doc, x)
	}
}

func TestMarkdownDiagnostics(t *testing.T) {
	path, src := read(t, "article.md")
	doc, x := parse(t, path, src)
	rules := []lint.Active{
		words("spelling/misspelling", misspellings),
		spans("test/spans", map[string]string{
			"\u00a0":           " ",            // a whole entity: fixable
			"الحكومة الأسبوعي": "x",            // across ** : not
			"الأسبوعي\n\nقال":  "الأسبوعي قال", // across a block break: not
			"الوزير|":          "!",            // an insertion before a space
			"الحكومة|":         "!",            // an insertion before **: not
			"إن \uFFFC":        "إن",           // a placeholder: not
		}),
	}
	ds := x.Filter(runner.Run(doc, rules))
	spell := "spelling/misspelling"
	// the span across the block break covers the source between the blocks
	across := at(t, src, "test/spans", "الأسبوعي", 8, 0, false)
	across.Text = "الأسبوعي\n\nقال"
	want := []finding{
		at(t, src, "test/spans", "الوزير", 2, 0, true),
		at(t, src, spell, "المسؤلية", 2, 0, true),
		at(t, src, spell, "إجتماع", 8, 0, true),
		at(t, src, "test/spans", "الحكومة", 8, 0, false),
		{"test/spans", "الحكومة** الأسبوعي", 8, 12, false},
		across,
		at(t, src, "test/spans", "الوزير", 10, 0, true),
		at(t, src, "test/spans", "إن `إجتماع`", 10, 0, false),
		at(t, src, "test/spans", "&nbsp;", 10, 0, true),
		at(t, src, "test/spans", "الوزير", 13, 0, true),
		at(t, src, spell, "الإجتماع", 13, 0, true),
		at(t, src, spell, "إجتماع", 40, 0, true),
	}
	if got := findings(doc, ds); !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%v\nwant\n%v", got, want)
	}
	unused := x.Unused()
	if len(unused) != 1 || unused[0].Kind != Disable || unused[0].Line != 39 || !reflect.DeepEqual(unused[0].Rules, []string{"dates"}) {
		t.Errorf("unused directives: %+v", unused)
	}

	// the fixes change the prose and nothing else
	fixed, n := runner.Apply(src, ds, false)
	wantSrc := string(src)
	for _, r := range [][2]string{
		{`"الوزير يتحمل المسؤلية`, `"الوزير! يتحمل المسؤولية`},
		{"# إجتماع", "# اجتماع"},
		{"قال الوزير إن", "قال الوزير! إن"},
		{"أن&nbsp;القرار", "أن القرار"},
		{"صورة الوزير في الإجتماع]", "صورة الوزير! في الاجتماع]"},
		{"معطلة إجتماع", "معطلة اجتماع"},
	} {
		if !strings.Contains(wantSrc, r[0]) {
			t.Fatalf("%q not in the fixture", r[0])
		}
		wantSrc = strings.Replace(wantSrc, r[0], r[1], 1)
	}
	if string(fixed) != wantSrc || n != 8 {
		t.Errorf("fixed (%d fixes):\n%s", n, fixed)
	}
	// linting the fixed file again finds nothing to fix in the prose
	doc2, x2 := parse(t, path, fixed)
	for _, d := range x2.Filter(runner.Run(doc2, rules[:1])) {
		t.Errorf("after the fixes: %+v", findings(doc2, []lint.Diagnostic{d}))
	}
}

func TestHTMLDiagnostics(t *testing.T) {
	path, src := read(t, "article.html")
	doc, x := parse(t, path, src)
	rules := []lint.Active{
		words("spelling/misspelling", misspellings),
		spans("test/spans", map[string]string{
			"\u00a0":  " ", // &nbsp; whole: fixable
			"&":       "و", // &amp; decodes to one byte: its span cannot be exact, so not
			"الوزير|": "!", // in <b>'s neighbour and in alt
		}),
	}
	ds := x.Filter(runner.Run(doc, rules))
	spell := "spelling/misspelling"
	amp := func(line int) finding {
		f := at(t, src, "test/spans", "&amp;", line, 0, false)
		f.Text = "&" // the end falls inside the reference
		return f
	}
	want := []finding{
		at(t, src, spell, "إجتماع", 5, 0, true),
		amp(5),
		at(t, src, spell, "المسؤلية", 14, 0, true),
		at(t, src, "test/spans", "الوزير", 16, 0, true),
		at(t, src, spell, "الإجتماع", 16, 0, true),
		at(t, src, "test/spans", "&nbsp;", 16, 0, true),
		amp(17),
		at(t, src, "test/spans", "الوزير", 21, 0, true),
		at(t, src, spell, "الإجتماع", 21, 0, true),
	}
	if got := findings(doc, ds); !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%v\nwant\n%v", got, want)
	}
	if u := x.Unused(); len(u) != 0 {
		t.Errorf("unused directives: %+v", u)
	}
	fixed, n := runner.Apply(src, ds, false)
	wantSrc := string(src)
	for _, r := range [][2]string{
		{"<title>إجتماع", "<title>اجتماع"},
		{"المسؤلية", "المسؤولية"},
		{"الوزير إن <b>الإجتماع</b> انتهى&nbsp;", "الوزير! إن <b>الاجتماع</b> انتهى "},
		{`alt="الوزير في الإجتماع"`, `alt="الوزير! في الاجتماع"`},
	} {
		if !strings.Contains(wantSrc, r[0]) {
			t.Fatalf("%q not in the fixture", r[0])
		}
		wantSrc = strings.Replace(wantSrc, r[0], r[1], 1)
	}
	if string(fixed) != wantSrc || n != 7 {
		t.Errorf("fixed (%d fixes):\n%s", n, fixed)
	}
}
