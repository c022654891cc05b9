package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/runner"
)

// sections lowers the size past which a plain-text file is checked
// section by section, for one test.
func sections(t *testing.T, threshold, size int) {
	t.Helper()
	oldT, oldS := runner.SectionThreshold, runner.SectionSize
	runner.SectionThreshold, runner.SectionSize = threshold, size
	t.Cleanup(func() { runner.SectionThreshold, runner.SectionSize = oldT, oldS })
}

// archive is the draft article (its dateline on top: Sunday 5 January
// 2025) followed by n articles of its own, each different, with slips and
// a relative day that contradicts the dateline.
func archive(t *testing.T, n int) []byte {
	draft, err := os.ReadFile(filepath.Join("..", "testdata", "articles", "draft.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(draft)
	places := []string{"العاصمة", "المحافظات", "الأقاليم", "الجنوب", "الشمال", "الساحل", "الريف"}
	for i := 0; i < n; i++ {
		p := places[i%len(places)]
		q := places[(i/len(places))%len(places)]
		fmt.Fprintf(&b, "\nأعلنت الوزارة، اليوم الخميس، عن خطة %s فى %s بعد إجتماع مع المسؤلين.\n", p, q)
		fmt.Fprintf(&b, "\nوقال المتحدث إن الخطة التى أقرها المجلس تشمل %s و%s، لاكن التنفيذ يبدأ فى أبريل.\n", q, p)
	}
	return b.Bytes()
}

func shifted(ds []lint.Diagnostic, by int) []lint.Diagnostic {
	out := make([]lint.Diagnostic, 0, len(ds))
	for _, d := range ds {
		d.Start += by
		d.End += by
		if len(d.Fixes) > 0 {
			fixes := make([]lint.SuggestedFix, len(d.Fixes))
			for i, f := range d.Fixes {
				edits := make([]lint.TextEdit, len(f.Edits))
				for j, e := range f.Edits {
					edits[j] = lint.TextEdit{Start: e.Start + by, End: e.End + by, New: e.New}
				}
				f.Edits = edits
				fixes[i] = f
			}
			d.Fixes = fixes
		}
		out = append(out, d)
	}
	return out
}

// A plain-text file over the threshold gives the findings of its
// sections checked one by one, each on its own with the file's dateline,
// moved to their place in the file; --fix gives the sections fixed one by
// one, put together, and a second --fix changes nothing.
func TestSectionsAsSeparateFiles(t *testing.T) {
	sections(t, 4<<10, 4<<10)
	eng := newEngine(t, "")
	ctx := context.Background()
	src := archive(t, 80)
	bounds := runner.Sections(string(src))
	if len(bounds) < 4 {
		t.Fatalf("%d sections", len(bounds)-1)
	}
	whole, err := eng.Check(ctx, engine.Input{Path: "a.txt", Src: src})
	if err != nil {
		t.Fatal(err)
	}
	if whole.Dateline.From != lint.InText {
		t.Fatalf("dateline: %+v", whole.Dateline)
	}
	var want []lint.Diagnostic
	var fixed []byte
	later := 0 // findings of the relative-day rule after the first section
	for k := 0; k+1 < len(bounds); k++ {
		in := engine.Input{Path: "a.txt", Src: src[bounds[k]:bounds[k+1]]}
		if k > 0 {
			in.Dateline = whole.Dateline.Date
		}
		res, err := eng.Check(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, shifted(res.Diagnostics, bounds[k])...)
		for _, d := range res.Diagnostics {
			if k > 0 && d.Rule == "dates/relative-day" {
				later++
			}
		}
		in.Fix = engine.SafeFixes
		if res, err = eng.Check(ctx, in); err != nil {
			t.Fatal(err)
		}
		fixed = append(fixed, res.Fixed...)
	}
	if later == 0 {
		t.Fatal("no relative day checked against the dateline after the first section")
	}
	if !reflect.DeepEqual(whole.Diagnostics, want) {
		t.Errorf("the file: %d findings, its sections: %d", len(whole.Diagnostics), len(want))
		for i := range min(len(want), len(whole.Diagnostics)) {
			if !reflect.DeepEqual(whole.Diagnostics[i], want[i]) {
				t.Fatalf("first difference:\n file    %+v\n section %+v", whole.Diagnostics[i], want[i])
			}
		}
	}

	res, err := eng.Check(ctx, engine.Input{Path: "a.txt", Src: src, Fix: engine.SafeFixes})
	if err != nil {
		t.Fatal(err)
	}
	if res.Applied == 0 || !bytes.Equal(res.Fixed, fixed) {
		t.Fatalf("--fix: %d fixes; equal to the sections fixed one by one: %v", res.Applied, bytes.Equal(res.Fixed, fixed))
	}
	if res.Doc == nil || !bytes.Equal(res.Doc.Src, res.Fixed) || res.Dateline.From != lint.InText {
		t.Errorf("--fix: the document is not the fixed file, or dateline %+v", res.Dateline)
	}
	again, err := eng.Check(ctx, engine.Input{Path: "a.txt", Src: res.Fixed, Fix: engine.SafeFixes})
	if err != nil {
		t.Fatal(err)
	}
	if again.Applied != 0 || !bytes.Equal(again.Fixed, res.Fixed) {
		t.Errorf("a second --fix applied %d fixes", again.Applied)
	}
}

// The cap of findings per rule and the dateline are the file's: for rules
// that look no further than a sentence, a file checked in sections gives
// what it gives checked whole, notes and all (but for the wording of the
// relative-day message past the first section), and --fix fixes every
// finding.
func TestSectionsFileWide(t *testing.T) {
	eng := newEngine(t, "")
	ctx := context.Background()
	var b strings.Builder
	for i := 0; i < 2400; i++ {
		b.WriteString("قال المسؤل إن الخبر صحيح.")
		if i%10 == 9 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	capped := []byte(b.String())
	dated := archive(t, 80)
	for _, c := range []struct {
		name            string
		src             []byte
		rule            string
		threshold, size int
		date            string
	}{
		{"cap, sections under it", capped, "spelling/misspelling", 4 << 10, 4 << 10, ""},
		{"cap, sections over it", capped, "spelling/misspelling", 64 << 10, 64 << 10, ""},
		{"dateline in the text", dated, "dates/relative-day", 4 << 10, 4 << 10, ""},
		{"dateline given", dated, "dates/relative-day", 4 << 10, 4 << 10, "2025-01-09"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := engine.Input{Path: "a.txt", Src: c.src, Select: &engine.Selection{Only: true, EnableRules: []string{c.rule}}}
			if c.date != "" {
				d, err := lint.ParseDate(c.date)
				if err != nil {
					t.Fatal(err)
				}
				in.Dateline = d
			}
			whole, err := eng.Check(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			fixWhole := in
			fixWhole.Fix = engine.UnsafeFixes
			fw, err := eng.Check(ctx, fixWhole)
			if err != nil {
				t.Fatal(err)
			}
			sections(t, c.threshold, c.size)
			if n := len(runner.Sections(string(c.src))); n < 3 {
				t.Fatalf("%d sections", n-1)
			}
			got, err := eng.Check(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			if c.date == "" && c.rule == "dates/relative-day" {
				// past the first section the message names the
				// dateline without quoting it: the rule quotes it from
				// its own document, and it is the first section's
				b1 := runner.Sections(string(c.src))[1]
				for _, ds := range [][]lint.Diagnostic{got.Diagnostics, whole.Diagnostics} {
					for i := range ds {
						if ds[i].Start >= b1 {
							ds[i].Message = ""
						}
					}
				}
			}
			if len(got.Diagnostics) == 0 || !reflect.DeepEqual(got.Diagnostics, whole.Diagnostics) {
				t.Errorf("in sections: %d findings, whole: %d", len(got.Diagnostics), len(whole.Diagnostics))
				for i := range min(len(got.Diagnostics), len(whole.Diagnostics)) {
					if !reflect.DeepEqual(got.Diagnostics[i], whole.Diagnostics[i]) {
						t.Fatalf("first difference:\n sections %+v\n whole    %+v", got.Diagnostics[i], whole.Diagnostics[i])
					}
				}
			}
			if c.rule == "spelling/misspelling" && (len(got.Diagnostics) != runner.MaxPerRule+1 || got.Diagnostics[runner.MaxPerRule].Message != "… و1400 ملاحظة أخرى لهذه القاعدة في هذا الملف") {
				t.Errorf("cap: %d findings", len(got.Diagnostics))
			}
			if got.Dateline != whole.Dateline {
				t.Errorf("dateline %+v, whole %+v", got.Dateline, whole.Dateline)
			}
			fs, err := eng.Check(ctx, fixWhole)
			if err != nil {
				t.Fatal(err)
			}
			if fs.Applied != fw.Applied || !bytes.Equal(fs.Fixed, fw.Fixed) {
				t.Errorf("--fix in sections: %d fixes, whole: %d", fs.Applied, fw.Applied)
			}
		})
	}
	if n := strings.Count(string(capped), "المسؤل"); n != 2400 {
		t.Fatal(n)
	}
}

// A file at the threshold is one document, whatever the section size.
func TestSectionsNotUnderThreshold(t *testing.T) {
	eng := newEngine(t, "")
	ctx := context.Background()
	src := archive(t, 20)
	want, err := eng.Check(ctx, engine.Input{Path: "a.txt", Src: src, Fix: engine.SafeFixes})
	if err != nil {
		t.Fatal(err)
	}
	sections(t, len(src), 1<<10)
	got, err := eng.Check(ctx, engine.Input{Path: "a.txt", Src: src, Fix: engine.SafeFixes})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Diagnostics, want.Diagnostics) || !bytes.Equal(got.Fixed, want.Fixed) {
		t.Error("a file at the threshold was checked in sections")
	}
	// and a Markdown file over it is checked whole
	sections(t, 1<<10, 1<<10)
	md, err := eng.Check(ctx, engine.Input{Path: "a.md", Src: src})
	if err != nil {
		t.Fatal(err)
	}
	sections(t, 1<<30, 1<<30)
	mdWhole, err := eng.Check(ctx, engine.Input{Path: "a.md", Src: src})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(md.Diagnostics, mdWhole.Diagnostics) {
		t.Error("a Markdown file was checked in sections")
	}
}
