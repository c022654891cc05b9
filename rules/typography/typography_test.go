package typography_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules/typography"
)

// family returns the active typography rules, digit-consistency
// included.
func family(t *testing.T) []lint.Active {
	t.Helper()
	var out []lint.Active
	for _, mk := range []func() (*lint.Rule, error){
		typography.DigitConsistency, typography.HiddenCharacters, typography.MixedDigits,
		typography.RunTogether, typography.Tatweel, typography.Whitespace,
	} {
		r, err := mk()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, lint.Active{Rule: r, Level: r.Level})
	}
	if len(out) != 6 {
		t.Fatalf("%d typography rules, want 6", len(out))
	}
	return out
}

func check(t *testing.T, path, text string) []lint.Diagnostic {
	t.Helper()
	doc, err := source.New(path, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	// in English: the tests below read the messages
	return runner.RunFacts(doc, family(t), &lint.Facts{Lang: i18n.En})
}

// TestFixAll applies every safe fix to a text with one slip of each kind:
// the result is the clean text, and a second run finds nothing.
func TestFixAll(t *testing.T) {
	messy := "\uFEFFأعلنت الـحـكـومـة  خطة جديدة لدعم نحو150 أسرة، \r\n" +
		"   \r\n" +
		"وقال الوزير علىالرغم من الصعو\u200fبات إن \u202bالتنفيذ\u202c يبدأ في عام 20٢5 مع 30 بلدية و٤٠ قرية.\r\n"
	clean := "\uFEFFأعلنت الحكومة خطة جديدة لدعم نحو 150 أسرة،\r\n" +
		"\r\n" +
		"وقال الوزير على الرغم من الصعوبات إن التنفيذ يبدأ في عام 20٢5 مع 30 بلدية و40 قرية.\r\n"
	doc, err := source.New("a.txt", []byte(messy))
	if err != nil {
		t.Fatal(err)
	}
	newDoc := func(b []byte) (*source.Document, error) { return source.New("a.txt", b) }
	out, left, _, err := runner.FixAll(doc, family(t), false, newDoc)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != clean {
		t.Errorf("fixed text:\n%q\nwant\n%q", out, clean)
	}
	// what is left: the mixed number, whose fix is unsafe
	if len(left) != 1 || left[0].Rule != "typography/mixed-digits" {
		t.Errorf("left after the safe fixes: %v", left)
	}
	out, left, _, err = runner.FixAll(doc, family(t), true, newDoc)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(clean, "20٢5", "2025", 1); string(out) != want || len(left) != 0 {
		t.Errorf("with unsafe fixes:\n%q\nwant\n%q\nleft %v", out, want, left)
	}
}

// TestLoneCR: in an old Mac file a lone CR ends each line. The final CR
// is a line end, not trailing whitespace, and no fix deletes it; the
// whitespace before a CR is trailing whitespace, and a line of spaces
// between two CRs holds only whitespace and ends the paragraph (one
// whitespace finding per paragraph).
func TestLoneCR(t *testing.T) {
	if ds := check(t, "a.txt", "أ فى ب\rج\r"); len(ds) != 0 {
		t.Errorf("clean old Mac file: %v", ds)
	}
	messy := "قال الوزير إن الخطة جاهزة  \r   \rوأضاف أن التنفيذ يبدأ غدا \r"
	ds := check(t, "a.txt", messy)
	var got []string
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%q %s", messy[d.Start:d.End], d.Message))
	}
	want := []string{
		`"  " whitespace at the end of the line, and 1 more whitespace slip in this paragraph`,
		`" " whitespace at the end of the line`,
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	doc, err := source.New("a.txt", []byte(messy))
	if err != nil {
		t.Fatal(err)
	}
	newDoc := func(b []byte) (*source.Document, error) { return source.New("a.txt", b) }
	out, left, _, err := runner.FixAll(doc, family(t), false, newDoc)
	if err != nil {
		t.Fatal(err)
	}
	if want := "قال الوزير إن الخطة جاهزة\r\rوأضاف أن التنفيذ يبدأ غدا\r"; string(out) != want || len(left) != 0 {
		t.Errorf("fixed:\n%q\nwant\n%q\nleft %v", out, want, left)
	}
}

// TestControlCharacters: C0 controls but the tab and the line ends, DEL
// and C1 controls are flagged wherever they are, with a safe fix that
// deletes them, or puts a space for a vertical tab or form feed that
// stood between two words; whitespace/trailing leaves them to
// hidden-characters.
func TestControlCharacters(t *testing.T) {
	messy := "أعلن\x00 المتحدث أن الحكو\x07\x08مة\vوافقت على\x1b[1m الخطة\u009b.\n\f\nوقال إن \x7fالتنفيذ\tيبدأ غدا \f\n"
	ds := check(t, "a.txt", messy)
	var got []string
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%q %s %v", messy[d.Start:d.End], d.Message, d.Level))
	}
	want := []string{
		`"\x00" control character U+0000 NULL: delete it error`,
		`"\a\b" control character U+0007 BELL (BEL) and others: delete it error`,
		`"\v" control character U+000B LINE TABULATION (VT): replace it with a space error`,
		`"\x1b" control character U+001B ESCAPE: delete it error`,
		`"\u009b" control character U+009B (a C1 control): delete it error`,
		`"\f" control character U+000C FORM FEED (FF): delete it error`,
		`"\x7f" control character U+007F DELETE: delete it error`,
		`"\f" control character U+000C FORM FEED (FF): delete it error`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	doc, err := source.New("a.txt", []byte(messy))
	if err != nil {
		t.Fatal(err)
	}
	newDoc := func(b []byte) (*source.Document, error) { return source.New("a.txt", b) }
	out, left, _, err := runner.FixAll(doc, family(t), false, newDoc)
	if err != nil {
		t.Fatal(err)
	}
	clean := "أعلن المتحدث أن الحكومة وافقت على[1m الخطة.\n\nوقال إن التنفيذ\tيبدأ غدا\n"
	if string(out) != clean || len(left) != 0 {
		t.Errorf("fixed:\n%q\nwant\n%q\nleft %v", out, clean, left)
	}
	// NEL, the tab and the line ends are not control characters here
	if ds := check(t, "a.txt", "قال\u0085الوزير\tإن\r\nالخطة\rجاهزة\n"); len(ds) != 0 {
		t.Errorf("line ends and tab flagged: %v", ds)
	}
}

// TestMarkdownLineBreak: two spaces ending a line are a hard line break
// in Markdown, trailing whitespace anywhere else.
func TestMarkdownLineBreak(t *testing.T) {
	text := "السطر الأول  \nالسطر الثاني\n"
	if ds := check(t, "a.md", text); len(ds) != 0 {
		t.Errorf("Markdown: %v", ds)
	}
	if ds := check(t, "a.txt", text); len(ds) != 1 || ds[0].Level != lint.Info {
		t.Errorf("plain text: %v", ds)
	}
	if ds := check(t, "a.md", "السطر الأول \nالسطر الثاني\n"); len(ds) != 1 {
		t.Errorf("Markdown, one space: %v", ds)
	}
}

// TestLevels: a paragraph's whitespace finding is a warning when it has a
// run of spaces between words, info when it has only trailing whitespace
// and no-break space pairs; bidi controls errors, marks inside words
// warnings.
func TestLevels(t *testing.T) {
	ds := check(t, "a.txt", "قال  الوزير \u202bإن\u202c الحكو\u200dمة مستعدة. \n\nوأضاف أن الخطة\u00a0 جاهزة. \n")
	want := []lint.Level{lint.Warning, lint.Error, lint.Error, lint.Warning, lint.Info}
	if len(ds) != len(want) {
		t.Fatalf("%d findings, want %d: %v", len(ds), len(want), ds)
	}
	for i, d := range ds {
		if d.Level != want[i] {
			t.Errorf("%s %q: %v, want %v", d.Rule, d.Message, d.Level, want[i])
		}
	}
}

// TestSilentOnCleanCopy: ordinary copy with a dateline dash, numbers in
// one set, names written as one word, single no-break spaces.
func TestSilentOnCleanCopy(t *testing.T) {
	text := "القاهرة ـ وكالات: التقى وزير الخارجية عبدالله بن زايد في أبوظبي يوم 20 جمادى\u00a0الأولى 1446هـ نظيره\u00a0الألماني.\n" +
		"وأوضح أن الاجتماع تناول الطاقة المتجددة ورأسمال الصندوق، وأن قرارات القمة ستنشر الأسبوع المقبل على موقع الوزارة.\n" +
		"    وقد شارك في الاجتماع 12 وزيرا و30 خبيرا من الدول الأعضاء.\n"
	if ds := check(t, "a.txt", text); len(ds) != 0 {
		for _, d := range ds {
			t.Errorf("%s: %q: %s", d.Rule, text[d.Start:d.End], d.Message)
		}
	}
}
