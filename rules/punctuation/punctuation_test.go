package punctuation

import (
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
)

func family(t *testing.T) []lint.Active {
	t.Helper()
	var out []lint.Active
	for _, mk := range []func() (*lint.Rule, error){DoubledMark, LatinMarks, QuoteColon, Spacing, Unbalanced} {
		r, err := mk()
		if err != nil {
			t.Fatal(err)
		}
		if r.Category != "punctuation" {
			t.Errorf("%s: category %q", r.ID, r.Category)
		}
		out = append(out, lint.Active{Rule: r, Level: r.Level})
	}
	if len(out) != 5 {
		t.Fatalf("%d punctuation rules, want 5", len(out))
	}
	return out
}

// TestFixesSettle applies the safe fixes of the family to a paragraph
// full of slips and checks the result, and that a second run finds
// nothing more to fix.
func TestFixesSettle(t *testing.T) {
	rules := family(t)
	in := "أعلن المدير ، في مؤتمر صحفي,أن الشركة ربحت 3.5 مليون دولار.وقال إن العام المقبل سيكون أفضل،، فهل يصدق المساهمون?\n" +
		"وزار الوفد المصنع .. ثم غادر.."
	// two dots ending a line may be suspension points, and ،، may want one
	// comma, none or a full stop: no safe fix
	want := "أعلن المدير، في مؤتمر صحفي، أن الشركة ربحت 3.5 مليون دولار. وقال إن العام المقبل سيكون أفضل،، فهل يصدق المساهمون؟\n" +
		"وزار الوفد المصنع .. ثم غادر.."
	doc, err := source.New("t.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	out, left, _, err := runner.FixAll(doc, rules, false, func(b []byte) (*source.Document, error) { return source.New("t.txt", b) })
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != want {
		t.Errorf("fixed:\n%s\nwant:\n%s", out, want)
	}
	for _, d := range left {
		if len(d.Fixes) > 0 && d.Fixes[0].Applicability == lint.Safe {
			t.Errorf("a safe fix is left after fixing: %s %q", d.Rule, out[d.Start:d.End])
		}
	}
}

// TestQuoteRoles checks how an ASCII or curly quote is read from the
// characters around it.
func TestQuoteRoles(t *testing.T) {
	for _, c := range []struct {
		text string
		want int // role of the first quote mark in text
	}{
		{`قال "نعم`, roleOpen},
		{`قال:"نعم`, roleOpen},
		{`(“نعم`, roleOpen},
		{`نعم" ثم`, roleClose},
		{`نعم".`, roleClose},
		{`نعم." ثم`, roleClose}, // after a full stop, before a space
		{`إن :" نعم`, roleNone},
		{`كلمة " كلمة`, roleNone},
		{`الـ"فيفا`, roleOpen}, // a proclitic written onto the quotation
		{`لـ"سبق`, roleOpen},
		{`بـ“نسف`, roleOpen},
		{`كلمة"كلمة`, roleNone},
	} {
		toks := arabic.Tokenize(c.text)
		i := -1
		for k, tk := range toks {
			if tk.Key == `"` || tk.Key == "“" || tk.Key == "”" {
				i = k
				break
			}
		}
		if i < 0 {
			t.Fatalf("%q: no quote", c.text)
		}
		if got := contextRole(toks, i); got != c.want {
			t.Errorf("%q: role %d, want %d", c.text, got, c.want)
		}
	}
}

// TestQuotationOverLines: a quotation may run over the lines of one
// paragraph, and over a blank line into the next paragraphs when it is
// closed there; one never closed is flagged.
func TestQuotationOverLines(t *testing.T) {
	rules := family(t)
	run := func(text string) []lint.Diagnostic {
		doc, err := source.New("t.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return runner.Run(doc, rules)
	}
	if ds := run("وقال: \"نبدأ اليوم\nوننتهي غدا\"."); len(ds) != 0 {
		t.Errorf("a quotation over two lines: %d findings, first %s", len(ds), ds[0].Message)
	}
	if ds := run("وقال: \"نبدأ اليوم\n\nوننتهي غدا\"."); len(ds) != 0 {
		t.Errorf("a quotation over a blank line: %v", ds)
	}
	ds := run("وقال: \"نبدأ اليوم\n\nوننتهي غدا.")
	if len(ds) != 1 || ds[0].Rule != "punctuation/unbalanced" {
		t.Errorf("a quotation never closed: %v", ds)
	}
}

// TestScanIsSparse: a clean paragraph records no mark at all, so that the
// family costs one pass over the tokens and nothing per ordinary comma.
func TestScanIsSparse(t *testing.T) {
	text := strings.Repeat("أعلنت الوزارة، اليوم، خطة جديدة. وقال الوزير إنها تبدأ غدا؛ فهل تنجح؟ نعم!\n", 50)
	if s := newScan(arabic.Tokenize(text)); len(s.marks) != 0 {
		t.Errorf("%d marks recorded in clean text", len(s.marks))
	}
	allocs := testing.AllocsPerRun(20, func() { newScan(arabic.Tokenize(text)) })
	base := testing.AllocsPerRun(20, func() { arabic.Tokenize(text) })
	if allocs-base > 1 {
		t.Errorf("newScan allocates %.0f times", allocs-base)
	}
}
