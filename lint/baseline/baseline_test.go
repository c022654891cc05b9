package baseline_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/baseline"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
)

// check lints text with the built-in rules.
func check(t *testing.T, path, text string) lint.File {
	t.Helper()
	set, err := rules.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := source.New(path, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return lint.File{Doc: doc, Diagnostics: runner.Run(doc, set.For(path))}
}

// findings lists the diagnostics as "rule:text".
func findings(f lint.File) []string {
	var out []string
	for _, d := range f.Diagnostics {
		out = append(out, d.Rule+":"+string(f.Doc.Src[d.Start:d.End]))
	}
	return out
}

// span returns a diagnostic of rule on the n-th (0-based) occurrence of word.
func span(t *testing.T, doc *source.Document, rule, word string, n int) lint.Diagnostic {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(string(doc.Src[off:]), word)
		if j < 0 {
			t.Fatalf("occurrence %d of %q not found", n, word)
		}
		if i == n {
			return lint.Diagnostic{Rule: rule, Start: off + j, End: off + j + len(word), Level: lint.Warning}
		}
		off += j + len(word)
	}
}

func file(t *testing.T, path, text string, marks ...string) lint.File {
	t.Helper()
	doc, err := source.New(path, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	f := lint.File{Doc: doc}
	seen := map[string]int{}
	for _, m := range marks { // "rule word"
		rule, word, _ := strings.Cut(m, " ")
		f.Diagnostics = append(f.Diagnostics, span(t, doc, rule, word, seen[word]))
		seen[word]++
	}
	return f
}

func roundTrip(t *testing.T, b *baseline.Baseline) *baseline.Baseline {
	t.Helper()
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := baseline.Load(p)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.Bytes())
	}
	return got
}

const article = "القاهرة - قال وزير الصحة اليوم\n" +
	"إن الوزارة ستزيد ميزانية المستشفيات، بعد إجتماع عقده الوزير مع المديرين.\n" +
	"وأضاف أن الإنتخابات المقبلة ستجري في موعدها.\n"

func TestLinesAddedAboveStillFiltered(t *testing.T) {
	before := check(t, "a.txt", article)
	if len(before.Diagnostics) < 2 {
		t.Fatalf("want at least two findings in the sample, got %v", findings(before))
	}
	b := roundTrip(t, baseline.Build([]lint.File{before}, ""))

	edited := "عاجل\n\nسطر جديد أضافه المحرر في أعلى الخبر.\n" + article + "\nوفي سياق آخر، سطر في آخر الخبر.\n"
	after := check(t, "a.txt", edited)
	if got := b.Filter(after, ""); len(got.Diagnostics) != 0 {
		t.Errorf("after adding lines, still reported: %v", findings(got))
	}
	// The same file under another path is not known.
	other := check(t, "b.txt", article)
	if got := b.Filter(other, ""); len(got.Diagnostics) != len(other.Diagnostics) {
		t.Errorf("another file: got %v, want all of %v", findings(got), findings(other))
	}
}

func TestChangedFindingReported(t *testing.T) {
	b := baseline.Build([]lint.File{check(t, "a.txt", article)}, "")

	// Another misspelling in the same place: new.
	changed := strings.Replace(article, "إجتماع", "إتفاق", 1)
	got := findings(b.Filter(check(t, "a.txt", changed), ""))
	if len(got) != 1 || !strings.HasSuffix(got[0], ":إتفاق") {
		t.Errorf("changed flagged word: got %v, want the new word only", got)
	}

	// The same word with another neighbour: new too.
	moved := strings.Replace(article, "بعد إجتماع", "عقب إجتماع", 1)
	got = findings(b.Filter(check(t, "a.txt", moved), ""))
	if len(got) != 1 || !strings.HasSuffix(got[0], ":إجتماع") {
		t.Errorf("changed neighbour: got %v, want إجتماع reported", got)
	}

	// A word three words away is outside the neighbourhood.
	far := strings.Replace(article, "ستزيد ميزانية", "سترفع ميزانية", 1)
	if got := findings(b.Filter(check(t, "a.txt", far), "")); len(got) != 0 {
		t.Errorf("edit outside the neighbourhood: got %v, want nothing", got)
	}
}

func TestDuplicatesCounted(t *testing.T) {
	line := "قال المتحدث إن الوزارة هاذا العام ستبدأ.\n"
	two := file(t, "a.txt", line+"فاصل\n"+line, "spelling/misspelling هاذا", "spelling/misspelling هاذا")
	b := roundTrip(t, baseline.Build([]lint.File{two}, ""))
	if b.Len() != 2 || len(b.Entries()) != 1 || b.Entries()[0].Count != 2 {
		t.Fatalf("want one entry with count 2, got %+v", b.Entries())
	}
	if got := b.Filter(two, ""); len(got.Diagnostics) != 0 {
		t.Errorf("both known: got %v", findings(got))
	}
	three := file(t, "a.txt", line+line+"فاصل\n"+line, "spelling/misspelling هاذا", "spelling/misspelling هاذا", "spelling/misspelling هاذا")
	got := b.Filter(three, "")
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Start != three.Diagnostics[2].Start {
		t.Errorf("three where two are known: got %v, want the third", got.Diagnostics)
	}
	// Filter does not use up the baseline.
	if got := b.Filter(three, ""); len(got.Diagnostics) != 1 {
		t.Errorf("second Filter: got %d findings, want 1", len(got.Diagnostics))
	}
	// Another rule on the same span is another finding.
	other := file(t, "a.txt", line, "orthography/final-yeh هاذا")
	if got := b.Filter(other, ""); len(got.Diagnostics) != 1 {
		t.Errorf("other rule filtered")
	}
}

func TestHarakatTatweelAndLineEnds(t *testing.T) {
	plain := "وقال المتحدث الرسمي إن هاذا القرار نهائي.\n"
	b := baseline.Build([]lint.File{file(t, "a.txt", plain, "spelling/misspelling هاذا")}, "")
	for _, text := range []string{
		"وقالَ المُتحدِّث الرسمي إنّ هاذا القرارَ نهائيٌّ.\n",  // harakat
		"وقـــال المتحـدث الرسمي إن هاذا القـــرار نهائي.\n",   // tatweel
		"\uFEFFوقال المتحدث الرسمي  إن هاذا القرار نهائي.\r\n", // BOM, CRLF, two spaces
		"وقال المتحدث الرسمي إن هاذا القرار نهائي.",            // no line end
		"وقال المتحدث الرسمي إن هـاذا القرار نهائي.\n",         // tatweel in the flagged word
		"كلام آخر تماما في أول السطر وقال المتحدث الرسمي إن هاذا القرار نهائي. وكلام بعده\n",
	} {
		word := "هاذا"
		if strings.Contains(text, "هـاذا") {
			word = "هـاذا"
		}
		f := file(t, "a.txt", text, "spelling/misspelling "+word)
		if got := b.Filter(f, ""); len(got.Diagnostics) != 0 {
			t.Errorf("%q: still reported", text)
		}
	}
	for _, text := range []string{
		"وقال المتحدث الرسمي إن هاذا الخبر نهائي.\n",  // next word changed
		"وقال المتحدث الرسمي أن هاذا القرار نهائي.\n", // previous word changed
		"وقال المتحدث الرسمي إنهاذا القرار نهائي.\n",  // the space before it removed
	} {
		f := file(t, "a.txt", text, "spelling/misspelling هاذا")
		if got := b.Filter(f, ""); len(got.Diagnostics) != 1 {
			t.Errorf("%q: filtered, want it reported", text)
		}
	}
	// Real rules over diacritised text.
	voc := "قالَ الوزيرُ بعدَ إجتماعٍ عقدَهُ أمسِ إنَّ الخطةَ جاهزةٌ.\n"
	before := check(t, "v.txt", voc)
	if len(before.Diagnostics) == 0 {
		t.Fatal("no finding in the vocalised sample")
	}
	bv := baseline.Build([]lint.File{before}, "")
	after := check(t, "v.txt", "سطر أول.\n"+strings.ReplaceAll(voc, "َ", ""))
	if got := bv.Filter(after, ""); len(got.Diagnostics) != 0 {
		t.Errorf("vocalised sample without fatha: still reported %v", findings(got))
	}
}

func TestWriteFormat(t *testing.T) {
	f1 := file(t, "news/b.txt", "قال هاذا الخبر\u200d هنا\n", "spelling/misspelling هاذا", "typography/hidden-characters \u200d")
	f2 := file(t, "news/a.txt", "قال لاكن الخبر\n", "spelling/misspelling لاكن")
	b := baseline.Build([]lint.File{f1, f2}, "")
	var w1, w2 bytes.Buffer
	if err := b.Write(&w1); err != nil {
		t.Fatal(err)
	}
	if err := roundTrip(t, b).Write(&w2); err != nil {
		t.Fatal(err)
	}
	if w1.String() != w2.String() {
		t.Errorf("not stable:\n%s\n%s", w1.String(), w2.String())
	}
	lines := strings.Split(w1.String(), "\n")
	if len(lines) != 9 || lines[0] != "{" || lines[1] != `  "version": 1,` || lines[2] != `  "findings": [` ||
		!strings.HasPrefix(lines[3], `    {"path": "news/a.txt", "rule": "spelling/misspelling", "hash": "`) ||
		!strings.HasSuffix(lines[3], `", "count": 1, "text": "لاكن"},`) ||
		!strings.HasPrefix(lines[4], `    {"path": "news/b.txt", "rule": "spelling/misspelling"`) ||
		!strings.HasSuffix(lines[5], `"text": "<U+200D>"}`) || lines[6] != "  ]" || lines[7] != "}" {
		t.Errorf("unexpected format:\n%s", w1.String())
	}
	var empty bytes.Buffer
	baseline.Build(nil, "").Write(&empty)
	if empty.String() != "{\n  \"version\": 1,\n  \"findings\": []\n}\n" {
		t.Errorf("empty baseline: %q", empty.String())
	}
	if _, err := baseline.Parse("x", empty.Bytes()); err != nil {
		t.Error(err)
	}
}

func TestPathRelativeToRoot(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.MkdirAll("news/sub", 0o755)
	f := file(t, filepath.Join("news", "sub", "a.txt"), "قال هاذا\n", "spelling/misspelling هاذا")
	b := baseline.Build([]lint.File{f}, "news")
	if e := b.Entries(); len(e) != 1 || e[0].Path != "sub/a.txt" {
		t.Fatalf("entries %+v, want path sub/a.txt", e)
	}
	// From another directory, with the root given from there.
	t.Chdir("news/sub")
	g := file(t, "a.txt", "قال هاذا\n", "spelling/misspelling هاذا")
	if got := b.Filter(g, ".."); len(got.Diagnostics) != 0 {
		t.Errorf("from news/sub: still reported")
	}
	if got := b.Filter(g, ""); len(got.Diagnostics) != 1 {
		t.Errorf("root \"\": path a.txt is not sub/a.txt")
	}
	if p := baseline.Path("-", dir); p != "-" {
		t.Errorf("stdin path %q", p)
	}
	if p := baseline.Path("./x/../y.txt", ""); p != "y.txt" {
		t.Errorf("cleaned path %q", p)
	}
	var nilB *baseline.Baseline
	if got := nilB.Filter(g, ""); len(got.Diagnostics) != 1 {
		t.Errorf("nil baseline filtered")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ data, want string }{
		{"", "b.json: empty file"},
		{"{\n  \"version\": 1,\n  \"findings\": [\n    {\"path\": \"a\", \"rule\": \"r\", \"hash\": \"h\", \"count\": 1}\n    {\"path\": \"b\"}\n  ]\n}\n", "b.json:5:5: invalid JSON"},
		{"{\"version\": 2, \"findings\": []}", "b.json:1:13: unsupported baseline version 2"},
		{"{\"findings\": []}", "b.json:1:1: no \"version\""},
		{"{\"version\": 1}", "no \"findings\""},
		{"{\"version\": 1, \"findings\": [], \"extra\": 1}", "b.json:1:32: unknown key extra"},
		{"{\"version\": 1, \"findings\": [\n {\"path\": \"a\", \"rule\": \"r\", \"hash\": \"h\", \"count\": 0}]}", "b.json:2:2: finding has count 0"},
		{"{\"version\": 1, \"findings\": [\n {\"path\": \"a\", \"hash\": \"h\", \"count\": 1}]}", "b.json:2:2: finding has no \"rule\""},
		{"{\"version\": 1, \"findings\": [\n {\"path\": \"a\", \"rule\": \"r\", \"hash\": \"h\", \"cnt\": 1}]}", "b.json:2:2: unknown field \"cnt\""},
		{"{\"version\": 1, \"findings\": [\n {\"path\": \"a\", \"rule\": \"r\", \"hash\": \"h\", \"count\": \"1\"}]}", "b.json:2:2: count: want int, found string"},
		{"{\"version\": 1, \"findings\": {}}", "b.json:1:28: findings: want a list"},
		{"[]", "b.json:1:1: want a JSON object"},
		{"{\"version\": 1, \"findings\": []}\n<<<<<<< HEAD\n", "b.json:2:1: unresolved merge conflict"},
		{"{\"version\": 1, \"findings\": [", "unexpected end of file"},
	} {
		p := filepath.Join(dir, "b.json")
		os.WriteFile(p, []byte(c.data), 0o644)
		_, err := baseline.Load(p)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "b.json") {
			t.Errorf("%q: error %v, want %q", c.data, err, c.want)
		}
	}
	_, err := baseline.Load(filepath.Join(dir, "missing.json"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
	// The same finding listed twice: counts add up.
	b, err := baseline.Parse("b.json", []byte(`{"version": 1, "findings": [
		{"path": "a", "rule": "r", "hash": "h", "count": 1},
		{"path": "a", "rule": "r", "hash": "h", "count": 2, "text": "x"}]}`))
	if err != nil || b.Len() != 3 {
		t.Errorf("duplicate entries: %v, %d", err, b.Len())
	}
}

func TestWriteFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "baseline.json")
	b := baseline.Build([]lint.File{file(t, "a.txt", "قال هاذا\n", "spelling/misspelling هاذا")}, "")
	if err := b.WriteFile(p); err != nil {
		t.Fatal(err)
	}
	got, err := baseline.Load(p)
	if err != nil || got.Len() != 1 {
		t.Fatalf("%v %d", err, got.Len())
	}
}
