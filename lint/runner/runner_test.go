package runner

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/source"
)

// at returns the byte span of the n-th (0-based) occurrence of sub in s.
func at(t *testing.T, s, sub string, n int) (int, int) {
	t.Helper()
	off := 0
	for {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			t.Fatalf("occurrence %d of %q not in %q", n, sub, s)
		}
		if n == 0 {
			return off + i, off + i + len(sub)
		}
		n--
		off += i + len(sub)
	}
}

// fix is a diagnostic over [start, end) with one fix replacing it.
func fix(start, end int, s string, a lint.Applicability) lint.Diagnostic {
	return lint.Diagnostic{Start: start, End: end, Fixes: []lint.SuggestedFix{lint.Replace(start, end, s, a)}}
}

func TestApply(t *testing.T) {
	src := source.BOM + "قال\u00a0المسؤل إن\r\nفى الخبر\r\n"
	s1, e1 := at(t, src, "المسؤل", 0)
	s2, e2 := at(t, src, "فى", 0)
	s3, e3 := at(t, src, "إن", 0)
	for _, c := range []struct {
		name   string
		ds     []lint.Diagnostic
		unsafe bool
		want   string
		n      int
	}{
		{"no diagnostics", nil, false, src, 0},
		{"two safe fixes", []lint.Diagnostic{fix(s1, e1, "المسؤول", lint.Safe), fix(s2, e2, "في", lint.Safe)}, false,
			source.BOM + "قال\u00a0المسؤول إن\r\nفي الخبر\r\n", 2},
		{"diagnostics out of order", []lint.Diagnostic{fix(s2, e2, "في", lint.Safe), fix(s1, e1, "المسؤول", lint.Safe)}, false,
			source.BOM + "قال\u00a0المسؤول إن\r\nفي الخبر\r\n", 2},
		{"unsafe skipped", []lint.Diagnostic{fix(s1, e1, "المسؤول", lint.Unsafe), fix(s2, e2, "في", lint.Safe)}, false,
			source.BOM + "قال\u00a0المسؤل إن\r\nفي الخبر\r\n", 1},
		{"unsafe applied when asked", []lint.Diagnostic{fix(s1, e1, "المسؤول", lint.Unsafe), fix(s2, e2, "في", lint.Safe)}, true,
			source.BOM + "قال\u00a0المسؤول إن\r\nفي الخبر\r\n", 2},
		{"display-only never applied", []lint.Diagnostic{fix(s1, e1, "المسؤول", lint.DisplayOnly)}, true, src, 0},
		{"overlapping fix skipped", []lint.Diagnostic{fix(s1, e1, "المسؤول", lint.Safe), fix(s1+2, e3, "X", lint.Safe)}, false,
			source.BOM + "قال\u00a0المسؤول إن\r\nفى الخبر\r\n", 1},
		{"same span twice", []lint.Diagnostic{fix(s1, e1, "أ", lint.Safe), fix(s1, e1, "ب", lint.Safe)}, false,
			source.BOM + "قال\u00a0أ إن\r\nفى الخبر\r\n", 1},
		{"two insertions at one point", []lint.Diagnostic{fix(s3, s3, "«", lint.Safe), fix(s3, s3, "(", lint.Safe)}, false,
			source.BOM + "قال\u00a0المسؤل «إن\r\nفى الخبر\r\n", 1},
		{"insertion at the edge of a replacement", []lint.Diagnostic{fix(s1, e1, "المسؤول", lint.Safe), fix(e1, e1, "»", lint.Safe)}, false,
			source.BOM + "قال\u00a0المسؤول إن\r\nفى الخبر\r\n", 1},
		{"adjacent replacements both applied", []lint.Diagnostic{fix(s1, e1, "أ", lint.Safe), fix(e1, e1+1, "_", lint.Safe)}, false,
			source.BOM + "قال\u00a0أ_إن\r\nفى الخبر\r\n", 2},
		{"deletion across CRLF", []lint.Diagnostic{fix(e3, s2, " ", lint.Safe)}, false,
			source.BOM + "قال\u00a0المسؤل إن فى الخبر\r\n", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, n := Apply([]byte(src), c.ds, c.unsafe)
			if string(got) != c.want || n != c.n {
				t.Errorf("Apply = %q, %d\n         want %q, %d", got, n, c.want, c.n)
			}
		})
	}
}

func TestApplyFixChoice(t *testing.T) {
	src := "قال المسؤل إن"
	s, e := at(t, src, "المسؤل", 0)
	s3, e3 := at(t, src, "إن", 0)
	d := lint.Diagnostic{Start: s, End: e, Fixes: []lint.SuggestedFix{
		lint.Replace(s, e, "display", lint.DisplayOnly),
		lint.Replace(s, e, "unsafe", lint.Unsafe),
		lint.Replace(s, e, "safe", lint.Safe),
	}}
	if got, _ := Apply([]byte(src), []lint.Diagnostic{d}, false); string(got) != "قال safe إن" {
		t.Errorf("safe mode: %q, want the first safe fix", got)
	}
	if got, _ := Apply([]byte(src), []lint.Diagnostic{d}, true); string(got) != "قال unsafe إن" {
		t.Errorf("unsafe mode: %q, want the first applicable fix", got)
	}

	// A fix is all or nothing: one clashing edit drops all of its edits, and
	// the diagnostic's other fixes are not tried.
	first := fix(s3, e3, "هو", lint.Safe)
	multi := lint.Diagnostic{Start: 0, End: e3, Fixes: []lint.SuggestedFix{
		{Applicability: lint.Safe, Edits: []lint.TextEdit{{Start: 0, End: 0, New: "«"}, {Start: e3 - len("ن"), End: e3, New: "X"}}},
		lint.Replace(0, 0, "(", lint.Safe),
	}}
	got, n := Apply([]byte(src), []lint.Diagnostic{first, multi}, false)
	if string(got) != "قال المسؤل هو" || n != 1 {
		t.Errorf("clashing multi-edit fix: %q, %d", got, n)
	}
	// Without the clash both edits of the fix land.
	got, n = Apply([]byte(src), []lint.Diagnostic{multi}, false)
	if string(got) != "«قال المسؤل إX" || n != 1 {
		t.Errorf("multi-edit fix: %q, %d", got, n)
	}
}

func TestSuggestions(t *testing.T) {
	src := "قال المسؤل إن\nخبر\nخبر\n"
	s, e := at(t, src, "المسؤل", 0)
	ls, le := at(t, src, "خبر", 1) // the repeated line
	for _, c := range []struct {
		name string
		d    lint.Diagnostic
		want []string
	}{
		{"no fixes", lint.Diagnostic{Start: s, End: e}, nil},
		{"replacement of the span", fix(s, e, "المسؤول", lint.Safe), []string{"المسؤول"}},
		{"insertion inside the span", lint.Diagnostic{Start: s, End: e, Fixes: []lint.SuggestedFix{
			{Edits: []lint.TextEdit{{Start: e - len("ل"), End: e - len("ل"), New: "و"}}}}}, []string{"المسؤول"}},
		{"two edits inside the span, unsorted", lint.Diagnostic{Start: s, End: e, Fixes: []lint.SuggestedFix{
			{Edits: []lint.TextEdit{
				{Start: e - len("ل"), End: e - len("ل"), New: "و"},
				{Start: s, End: s + len("ال"), New: ""},
			}}}}, []string{"مسؤول"}},
		{"edit covering the span: repeated line deleted with its break", lint.Diagnostic{Start: ls, End: le, Fixes: []lint.SuggestedFix{
			lint.Replace(ls-1, le, "", lint.Safe)}}, []string{""}},
		{"edit covering the span with new text", lint.Diagnostic{Start: ls, End: le, Fixes: []lint.SuggestedFix{
			lint.Replace(ls-1, le+1, " ", lint.Safe)}}, []string{" "}},
		{"edit outside the span ignored", lint.Diagnostic{Start: s, End: e, Fixes: []lint.SuggestedFix{
			lint.Replace(0, 2, "x", lint.Safe)}}, []string{"المسؤل"}},
		{"one suggestion per fix, in order", lint.Diagnostic{Start: s, End: e, Fixes: []lint.SuggestedFix{
			lint.Replace(s, e, "المسؤول", lint.Safe), lint.Replace(s, e, "المسئول", lint.Unsafe)}},
			[]string{"المسؤول", "المسئول"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := lint.Suggestions([]byte(src), c.d)
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", c.want) {
				t.Errorf("Suggestions = %q, want %q", got, c.want)
			}
		})
	}
}

// wordRule flags every Arabic word whose key is in words, suggesting
// words[key] when it is not empty.
func wordRule(id string, level lint.Level, words map[string]string) lint.Rule {
	return lint.Rule{ID: id, Level: level, Run: func(p *lint.Pass) {
		for _, tok := range p.Tokens {
			if tok.Kind != arabic.Word {
				continue
			}
			repl, ok := words[tok.Key]
			if !ok {
				continue
			}
			d := lint.Diagnostic{Start: tok.Start, End: tok.End, Message: "flagged " + tok.Key}
			if repl != "" {
				d.Fixes = []lint.SuggestedFix{lint.Replace(tok.Start, tok.End, repl, lint.Safe)}
			}
			p.Report(d)
		}
	}}
}

// spanRule reports fixed diagnostics, whatever the text.
func spanRule(id string, ds ...lint.Diagnostic) lint.Rule {
	return lint.Rule{ID: id, Level: lint.Warning, Run: func(p *lint.Pass) {
		for _, d := range ds {
			p.Report(d)
		}
	}}
}

func newDoc(t *testing.T, src string) *source.Document {
	t.Helper()
	d, err := source.New("f.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func active(r lint.Rule, level lint.Level) lint.Active {
	return lint.Active{Rule: &r, Level: level}
}

type got struct {
	Start, End int
	Rule       string
	Sev        lint.Level
}

func summary(ds []lint.Diagnostic) []got {
	var out []got
	for _, d := range ds {
		out = append(out, got{d.Start, d.End, d.Rule, d.Level})
	}
	return out
}

func TestRunSortsAndDedupes(t *testing.T) {
	src := "قال المسؤل إن الخبر"
	doc := newDoc(t, src)
	s1, e1 := at(t, src, "المسؤل", 0)
	s2, e2 := at(t, src, "الخبر", 0)
	s0, e0 := at(t, src, "قال", 0)
	for _, c := range []struct {
		name  string
		rules []lint.Active
		want  []got
	}{
		{"sorted by start, then end, across rules", []lint.Active{
			active(spanRule("a/late", lint.Diagnostic{Start: s2, End: e2}), lint.Info),
			active(spanRule("b/early", lint.Diagnostic{Start: s0, End: e1}, lint.Diagnostic{Start: s0, End: e0}), lint.Warning),
		}, []got{{s0, e0, "b/early", lint.Warning}, {s0, e1, "b/early", lint.Warning}, {s2, e2, "a/late", lint.Info}}},
		{"same span, same suggestion: second dropped, higher severity kept", []lint.Active{
			active(spanRule("a/one", fix(s1, e1, "المسؤول", lint.Safe)), lint.Warning),
			active(spanRule("b/two", fix(s1, e1, "المسؤول", lint.Unsafe)), lint.Error),
		}, []got{{s1, e1, "a/one", lint.Error}}},
		{"dedupe keeps the first's severity when it is higher", []lint.Active{
			active(spanRule("a/one", fix(s1, e1, "المسؤول", lint.Safe)), lint.Error),
			active(spanRule("b/two", fix(s1, e1, "المسؤول", lint.Safe)), lint.Info),
		}, []got{{s1, e1, "a/one", lint.Error}}},
		{"same span without fixes: one", []lint.Active{
			active(spanRule("a/one", lint.Diagnostic{Start: s1, End: e1}), lint.Info),
			active(spanRule("b/two", lint.Diagnostic{Start: s1, End: e1}), lint.Warning),
		}, []got{{s1, e1, "a/one", lint.Warning}}},
		{"same span, different suggestion: one fix per span, the first in precedence (a tie: the first reported)", []lint.Active{
			active(spanRule("a/one", fix(s1, e1, "المسؤول", lint.Safe)), lint.Warning),
			active(spanRule("b/two", fix(s1, e1, "المسئول", lint.Safe)), lint.Warning),
		}, []got{{s1, e1, "a/one", lint.Warning}}},
		{"fix versus no fix: both kept", []lint.Active{
			active(spanRule("a/one", fix(s1, e1, "المسؤول", lint.Safe)), lint.Warning),
			active(spanRule("b/two", lint.Diagnostic{Start: s1, End: e1}), lint.Warning),
		}, []got{{s1, e1, "a/one", lint.Warning}, {s1, e1, "b/two", lint.Warning}}},
		{"same start, different end: both kept", []lint.Active{
			active(spanRule("a/one", lint.Diagnostic{Start: s1, End: e1}), lint.Warning),
			active(spanRule("b/two", lint.Diagnostic{Start: s1, End: e2}), lint.Warning),
			active(spanRule("c/three", lint.Diagnostic{Start: s1, End: e1}), lint.Warning),
		}, []got{{s1, e1, "a/one", lint.Warning}, {s1, e2, "b/two", lint.Warning}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ds := Run(doc, c.rules)
			if fmt.Sprint(summary(ds)) != fmt.Sprint(c.want) {
				t.Errorf("Run =\n %v\nwant\n %v", summary(ds), c.want)
			}
		})
	}
}

func TestRunSetsRuleAndSeverity(t *testing.T) {
	doc := newDoc(t, "قال المسؤل")
	r := wordRule("spelling/x", lint.Error, map[string]string{"المسؤل": "المسؤول"})
	ds := Run(doc, []lint.Active{active(r, lint.Info)})
	if len(ds) != 1 {
		t.Fatalf("got %d diagnostics", len(ds))
	}
	if ds[0].Rule != "spelling/x" || ds[0].Level != lint.Info {
		t.Errorf("Rule %q Severity %v, want spelling/x, the configured info", ds[0].Rule, ds[0].Level)
	}
}

func TestRunIgnore(t *testing.T) {
	src := "الكتاب كتاب وكتاب والكتاب بالكتاب كِتاب كتابة قلم وقلم"
	flagAll := lint.Rule{ID: "t/all", Level: lint.Warning, Run: func(p *lint.Pass) {
		for _, tok := range p.Tokens {
			if tok.Kind == arabic.Word {
				p.Reportf(tok.Start, tok.End, "word")
			}
		}
	}}
	a := active(flagAll, lint.Warning)
	a.Ignore = map[string]bool{"كتاب": true}
	ds := Run(newDoc(t, src), []lint.Active{a})
	var words []string
	for _, d := range ds {
		words = append(words, src[d.Start:d.End])
	}
	if got, want := strings.Join(words, " "), "كتابة قلم وقلم"; got != want {
		t.Errorf("flagged %q, want %q", got, want)
	}
	// Ignore applies only to the rule that carries it.
	other := active(lint.Rule{ID: "t/other", Run: flagAll.Run}, lint.Warning)
	if n := len(Run(newDoc(t, src), []lint.Active{other, a})); n != 9 {
		t.Errorf("with a second rule without ignore: %d diagnostics, want all 9 words", n)
	}
}

func TestRunMapped(t *testing.T) {
	// Text "المسؤل قال" comes from "<b>المسؤل</b> قال": the rule's offsets
	// are in the text, the diagnostics' and fixes' in the source.
	src := []byte("<b>المسؤل</b> قال")
	text := "المسؤل قال"
	doc, err := source.NewMapped("f.html", src, text, []source.Segment{{Text: 0, Src: 3, Len: 12}, {Text: 12, Src: 19, Len: 7}})
	if err != nil {
		t.Fatal(err)
	}
	r := wordRule("spelling/x", lint.Warning, map[string]string{"المسؤل": "المسؤول", "قال": ""})
	ds := Run(doc, []lint.Active{active(r, lint.Warning)})
	if len(ds) != 2 {
		t.Fatalf("got %d diagnostics", len(ds))
	}
	if ds[0].Start != 3 || ds[0].End != 15 || ds[1].Start != 20 || ds[1].End != 26 {
		t.Errorf("spans = [%d,%d) [%d,%d), want [3,15) [20,26)", ds[0].Start, ds[0].End, ds[1].Start, ds[1].End)
	}
	if e := ds[0].Fixes[0].Edits[0]; e.Start != 3 || e.End != 15 {
		t.Errorf("fix edit = %+v, want [3,15)", e)
	}
	if out, n := Apply(src, ds, false); string(out) != "<b>المسؤول</b> قال" || n != 1 {
		t.Errorf("Apply = %q, %d", out, n)
	}
}

// doubleSpace replaces every pair of spaces with one: on a run of four the
// fixes overlap, so one pass cannot fix everything.
var doubleSpace = lint.Rule{ID: "space/double", Level: lint.Warning, Run: func(p *lint.Pass) {
	for i := 0; i+1 < len(p.Text); i++ {
		if p.Text[i] == ' ' && p.Text[i+1] == ' ' {
			p.Report(fix(i, i+2, " ", lint.Safe))
		}
	}
}}

func TestFixAll(t *testing.T) {
	rebuild := func(b []byte) (*source.Document, error) { return source.New("f.txt", b) }
	rules := []lint.Active{
		active(doubleSpace, lint.Warning),
		active(wordRule("spelling/x", lint.Warning, map[string]string{"المسؤل": "المسؤول", "فى": "في"}), lint.Warning),
	}
	src := source.BOM + "قال    المسؤل\u00a0فى\r\nالخبر  إن\r\n"
	want := source.BOM + "قال المسؤول\u00a0في\r\nالخبر إن\r\n"
	out, ds, n, err := FixAll(newDoc(t, src), rules, false, rebuild)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != want {
		t.Errorf("FixAll = %q, want %q", out, want)
	}
	// 4 spaces: 2 fixes then 1; 2 spaces: 1; two words.
	if n != 6 || len(ds) != 0 {
		t.Errorf("applied %d fixes, %d diagnostics remain; want 6, 0", n, len(ds))
	}
	out2, _, n2, err := FixAll(newDoc(t, string(out)), rules, false, rebuild)
	if err != nil || n2 != 0 || string(out2) != string(out) {
		t.Errorf("second FixAll: %d fixes, changed %v, err %v", n2, string(out2) != string(out), err)
	}
}

func TestFixAllKeepsUnfixable(t *testing.T) {
	rebuild := func(b []byte) (*source.Document, error) { return source.New("f.txt", b) }
	r := wordRule("spelling/x", lint.Warning, map[string]string{"المسؤل": "المسؤول", "قال": ""})
	out, ds, n, err := FixAll(newDoc(t, "قال المسؤل"), []lint.Active{active(r, lint.Warning)}, false, rebuild)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "قال المسؤول" || n != 1 || len(ds) != 1 || ds[0].Start != 0 || ds[0].End != len("قال") {
		t.Errorf("FixAll = %q, %d fixes, remaining %v", out, n, summary(ds))
	}
}

func TestFixAllStopsAndFails(t *testing.T) {
	// A rule that always has a fix: FixAll stops after 10 rounds.
	grow := lint.Rule{ID: "t/grow", Level: lint.Warning, Run: func(p *lint.Pass) {
		p.Report(fix(0, 0, "ـ", lint.Safe))
	}}
	rebuild := func(b []byte) (*source.Document, error) { return source.New("f.txt", b) }
	out, _, n, err := FixAll(newDoc(t, "قال"), []lint.Active{active(grow, lint.Warning)}, false, rebuild)
	if err != nil || n != 10 || string(out) != strings.Repeat("ـ", 10)+"قال" {
		t.Errorf("FixAll = %q, %d, %v; want 10 rounds", out, n, err)
	}

	boom := errors.New("boom")
	_, _, _, err = FixAll(newDoc(t, "قال"), []lint.Active{active(grow, lint.Warning)}, false,
		func([]byte) (*source.Document, error) { return nil, boom })
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want the newDoc error", err)
	}
}

// Two rules whose fixes undo each other: the text goes round a cycle.
// FixAll stops at the first text it meets again and a second FixAll
// changes nothing.
func TestFixAllCycle(t *testing.T) {
	rebuild := func(b []byte) (*source.Document, error) { return source.New("f.txt", b) }
	rules := []lint.Active{
		// سافر → غادر, then غادر → رحل, then رحل → غادر: غادر and رحل alternate
		active(wordRule("t/a", lint.Warning, map[string]string{"سافر": "غادر", "رحل": "غادر"}), lint.Warning),
		active(wordRule("t/b", lint.Warning, map[string]string{"غادر": "رحل"}), lint.Warning),
	}
	for _, c := range []struct{ src, want string }{
		{"الوزير سافر أمس", "الوزير غادر أمس"},
		{"الوزير رحل أمس", "الوزير رحل أمس"},
	} {
		out, ds, n, err := FixAll(newDoc(t, c.src), rules, false, rebuild)
		if err != nil || string(out) != c.want || len(ds) != 1 {
			t.Errorf("%q: FixAll = %q, %d fixes, %v, %v; want %q and the finding left", c.src, out, n, summary(ds), err, c.want)
		}
		out2, _, n2, err := FixAll(newDoc(t, string(out)), rules, false, rebuild)
		if err != nil || n2 != 0 || string(out2) != string(out) {
			t.Errorf("%q: second FixAll = %q, %d fixes, %v; want no change", c.src, out2, n2, err)
		}
	}
}

func TestAtLeast(t *testing.T) {
	ds := []lint.Diagnostic{{Level: lint.Info}, {Level: lint.Warning}, {Level: lint.Error}, {Level: lint.Error}}
	for level, want := range map[lint.Level]int{lint.Info: 4, lint.Warning: 3, lint.Error: 2} {
		if got := AtLeast(ds, level); got != want {
			t.Errorf("AtLeast(%v) = %d, want %d", level, got, want)
		}
	}
}

func TestRunLongestMatchAcrossWordLists(t *testing.T) {
	src := "قال انشاء الله إن"
	doc := newDoc(t, src)
	ps, pe := at(t, src, "انشاء الله", 0)
	ws, we := at(t, src, "انشاء", 0)
	phrase := fix(ps, pe, "إن شاء الله", lint.Safe)
	word := fix(ws, we, "إنشاء", lint.Safe)
	rule := func(id string, kind lint.Kind, ds ...lint.Diagnostic) lint.Active {
		r := spanRule(id, ds...)
		r.Kind = kind
		return active(r, lint.Warning)
	}
	for _, c := range []struct {
		name  string
		rules []lint.Active
		want  []got
	}{
		{"inner substitution finding dropped", []lint.Active{
			rule("a/word", lint.Substitution, word), rule("b/phrase", lint.Substitution, phrase),
		}, []got{{ps, pe, "b/phrase", lint.Warning}}},
		{"inner finding of another kind kept", []lint.Active{
			rule("a/word", lint.Existence, word), rule("b/phrase", lint.Substitution, phrase),
		}, []got{{ws, we, "a/word", lint.Warning}, {ps, pe, "b/phrase", lint.Warning}}},
		{"within one word list both kept", []lint.Active{
			rule("a/list", lint.Substitution, word, phrase),
		}, []got{{ws, we, "a/list", lint.Warning}, {ps, pe, "a/list", lint.Warning}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if ds := Run(doc, c.rules); fmt.Sprint(summary(ds)) != fmt.Sprint(c.want) {
				t.Errorf("Run =\n %v\nwant\n %v", summary(ds), c.want)
			}
		})
	}
}

// A fix whose own edits overlap is skipped, not applied (it used to panic).
func TestApplySkipsSelfOverlappingFix(t *testing.T) {
	src := []byte("abcdefgh")
	ds := []lint.Diagnostic{{Start: 2, End: 4, Fixes: []lint.SuggestedFix{{Edits: []lint.TextEdit{
		{Start: 2, End: 4, New: "X"}, {Start: 2, End: 2, New: "Y"},
	}}}}}
	out, n := Apply(src, ds, false)
	if n != 0 || string(out) != "abcdefgh" {
		t.Errorf("Apply = %q, %d fixes; want the text unchanged", out, n)
	}
}

// On the seam of two text segments a span starts after the markup between
// them, and a fix there leaves the markup alone.
func TestMappedSeam(t *testing.T) {
	src := []byte("<b>قال</b>  إن")
	text := "قال  إن"
	doc, err := source.NewMapped("f.html", src, text, []source.Segment{{Text: 0, Src: 3, Len: 6}, {Text: 6, Src: 13, Len: 6}})
	if err != nil {
		t.Fatal(err)
	}
	double := &lint.Rule{ID: "t/space", Level: lint.Warning, Run: func(p *lint.Pass) {
		p.Report(lint.Diagnostic{Start: 6, End: 8, Message: "two spaces",
			Fixes: []lint.SuggestedFix{lint.Replace(6, 8, " ", lint.Safe)}})
	}}
	ds := Run(doc, []lint.Active{{Rule: double, Level: lint.Warning}})
	if len(ds) != 1 || ds[0].Start != 13 || ds[0].End != 15 {
		t.Fatalf("span = %+v, want [13,15)", ds)
	}
	out, _ := Apply(src, ds, false)
	if string(out) != "<b>قال</b> إن" {
		t.Errorf("fixed = %q", out)
	}
}
