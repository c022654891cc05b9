package engine_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/markup"
	"github.com/daqiq/daqiq/lint/source"
)

func newEngine(t *testing.T, toml string) *engine.Engine {
	t.Helper()
	var cfg *config.Config
	if toml != "" {
		var err error
		if cfg, err = config.Parse("t.toml", []byte(toml)); err != nil {
			t.Fatal(err)
		}
	}
	eng, err := engine.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

func rulesOf(ds []lint.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Rule)
	}
	return out
}

// The dateline the date rules use, and where the engine says it came
// from: given, else the front matter's, else the text's, else none.
func TestDateline(t *testing.T) {
	eng := newEngine(t, "")
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	body := "أعلنت الحكومة اليوم الأربعاء خطة جديدة للنقل.\n"
	for _, c := range []struct {
		name     string
		path     string
		src      string
		given    time.Time
		from     lint.DatelineSource
		date     time.Time
		flagsDay bool // relative-day flags الأربعاء
	}{
		{"none", "a.txt", body, time.Time{}, lint.NoDateline, time.Time{}, false},
		{"given, a Friday", "a.txt", body, day(2024, 11, 22), lint.Given, day(2024, 11, 22), true},
		{"given, a Wednesday", "a.txt", body, time.Date(2024, 11, 20, 23, 30, 0, 0, time.UTC), lint.Given, day(2024, 11, 20), false},
		{"in the text", "a.txt", "الرياض، الجمعة 22 نوفمبر 2024\n" + body, time.Time{}, lint.InText, day(2024, 11, 22), true},
		{"front matter", "a.md", "---\ndate: 2024-11-22\n---\n" + body, time.Time{}, lint.FrontMatter, day(2024, 11, 22), true},
		{"a date in the body is none", "a.txt", "أعلنت الحكومة اليوم الأربعاء خطة أقرت في 22 نوفمبر 2024.\n", time.Time{}, lint.NoDateline, time.Time{}, false},
		{"given wins over front matter", "a.md", "---\ndate: 2024-11-22\n---\n" + body, day(2024, 11, 20), lint.Given, day(2024, 11, 20), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := eng.Check(context.Background(), engine.Input{Path: c.path, Src: []byte(c.src), Dateline: c.given})
			if err != nil {
				t.Fatal(err)
			}
			if res.Dateline.From != c.from || !res.Dateline.Date.Equal(c.date) {
				t.Errorf("dateline %v from %s, want %v from %s", res.Dateline.Date, res.Dateline.From, c.date, c.from)
			}
			flagged := false
			for _, d := range res.Diagnostics {
				flagged = flagged || d.Rule == "dates/relative-day"
			}
			if flagged != c.flagsDay {
				t.Errorf("relative-day flagged: %v, want %v (%v)", flagged, c.flagsDay, rulesOf(res.Diagnostics))
			}
			if undated := c.from == lint.NoDateline && c.given.IsZero(); undated != (res.Undated > 0) {
				t.Errorf("Undated = %d with dateline from %s", res.Undated, c.from)
			}
			if c.from == lint.InText {
				if got := res.Doc.Text[res.Dateline.Start:res.Dateline.End]; got != "الجمعة 22 نوفمبر 2024" && got != "22 نوفمبر 2024" {
					t.Errorf("dateline span %q", got)
				}
			}
		})
	}
}

// The format follows the path unless the input names one; the engine
// reports it, and markup is never touched by a fix.
func TestFormat(t *testing.T) {
	eng := newEngine(t, "")
	src := "<p>قال الوزير فى المؤتمر</p>\n"
	for _, c := range []struct {
		path   string
		format markup.Format
		want   markup.Format
	}{
		{"a.html", markup.Auto, markup.HTML},
		{"a.txt", markup.Auto, markup.Plain},
		{"a.txt", markup.HTML, markup.HTML},
		{"a.md", markup.Plain, markup.Plain},
	} {
		res, err := eng.Check(context.Background(), engine.Input{Path: c.path, Format: c.format, Src: []byte(src), Fix: engine.SafeFixes})
		if err != nil {
			t.Fatal(err)
		}
		if res.Format != c.want {
			t.Errorf("%s as %s: read as %s, want %s", c.path, c.format, res.Format, c.want)
		}
		if want := "<p>قال الوزير في المؤتمر</p>\n"; string(res.Fixed) != want {
			t.Errorf("%s as %s: fixed %q, want %q", c.path, c.format, res.Fixed, want)
		}
	}
}

// A fix applies to a copy; NoFix leaves Fixed nil; unsafe fixes only when
// asked.
func TestFix(t *testing.T) {
	eng := newEngine(t, "")
	src := []byte("أعلنت الوزارة اليوم الأحد خطة فى العاصمة.\n")
	orig := string(src)
	date := time.Date(2024, 11, 22, 0, 0, 0, 0, time.UTC)
	res, err := eng.Check(context.Background(), engine.Input{Path: "a.txt", Src: src, Dateline: date})
	if err != nil || res.Fixed != nil || res.Applied != 0 || len(res.Diagnostics) != 2 {
		t.Fatalf("report: %v, fixed %q, %d applied, %v", err, res.Fixed, res.Applied, rulesOf(res.Diagnostics))
	}
	safe, _ := eng.Check(context.Background(), engine.Input{Path: "a.txt", Src: src, Dateline: date, Fix: engine.SafeFixes})
	unsafe, _ := eng.Check(context.Background(), engine.Input{Path: "a.txt", Src: src, Dateline: date, Fix: engine.UnsafeFixes})
	if string(src) != orig {
		t.Fatal("Check changed its input")
	}
	if want := "أعلنت الوزارة اليوم الأحد خطة في العاصمة.\n"; string(safe.Fixed) != want || safe.Applied != 1 || len(safe.Diagnostics) != 1 {
		t.Errorf("safe: %q, %d applied, %v", safe.Fixed, safe.Applied, rulesOf(safe.Diagnostics))
	}
	if want := "أعلنت الوزارة اليوم الجمعة خطة في العاصمة.\n"; string(unsafe.Fixed) != want || unsafe.Applied != 2 || len(unsafe.Diagnostics) != 0 {
		t.Errorf("unsafe: %q, %d applied, %v", unsafe.Fixed, unsafe.Applied, rulesOf(unsafe.Diagnostics))
	}
	clean, _ := eng.Check(context.Background(), engine.Input{Path: "a.txt", Src: []byte(safe.Fixed), Fix: engine.SafeFixes})
	if clean.Applied != 0 || string(clean.Fixed) != string(safe.Fixed) {
		t.Errorf("nothing to fix: %d applied, %q", clean.Applied, clean.Fixed)
	}
}

// Levels and rules come from the configuration and the article's path
// (or SettingsPath); the fail level from the configuration.
func TestConfiguration(t *testing.T) {
	eng := newEngine(t, `fail-level = "error"
[rules."orthography/final-yeh"]
level = "info"
[[override]]
paths = ["sport/**"]
[override.rules."orthography/final-yeh"]
enabled = false
`)
	src := []byte("قال المدرب فى المؤتمر إن الفريق جاهز.\n")
	res, _ := eng.Check(context.Background(), engine.Input{Path: "news/a.txt", Src: src})
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Level != lint.Info {
		t.Fatalf("news: %+v", res.Diagnostics)
	}
	if eng.FailLevel() != lint.Error || eng.Fails(res) {
		t.Errorf("fail level %s, fails %v", eng.FailLevel(), eng.Fails(res))
	}
	for _, in := range []engine.Input{
		{Path: "sport/a.txt", Src: src},
		{Path: "news/a.txt", SettingsPath: "sport/batch.jsonl", Src: src},
	} {
		if res, _ := eng.Check(context.Background(), in); len(res.Diagnostics) != 0 {
			t.Errorf("%s (settings of %q): %v", in.Path, in.SettingsPath, rulesOf(res.Diagnostics))
		}
	}
}

// A selection turns rules and families on and off for one check.
func TestSelection(t *testing.T) {
	eng := newEngine(t, `[rules."orthography/final-yeh"]
enabled = false
`)
	src := []byte("قال الوزير فى المؤتمر إن المسؤلية كبيرة.\n")
	check := func(sel *engine.Selection) ([]string, error) {
		res, err := eng.Check(context.Background(), engine.Input{Path: "a.txt", Src: src, Select: sel})
		return rulesOf(res.Diagnostics), err
	}
	for _, c := range []struct {
		sel  *engine.Selection
		want []string
	}{
		{nil, []string{"spelling/misspelling"}},
		{&engine.Selection{}, []string{"spelling/misspelling"}},
		{&engine.Selection{EnableRules: []string{"Orthography/Final-Yeh"}}, []string{"orthography/final-yeh", "spelling/misspelling"}},
		{&engine.Selection{EnableCategories: []string{"orthography"}, DisableRules: []string{"spelling/misspelling"}}, []string{"orthography/final-yeh"}},
		{&engine.Selection{Only: true, EnableRules: []string{"orthography/final-yeh"}}, []string{"orthography/final-yeh"}},
		{&engine.Selection{DisableCategories: []string{"spelling"}}, nil},
	} {
		got, err := check(c.sel)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%+v: %v %v, want %v", c.sel, got, err, c.want)
		}
	}
	if _, err := check(&engine.Selection{Only: true}); err == nil {
		t.Error("Only with nothing enabled: no error")
	}
}

// Bad input is an error, not a finding; a cancelled context stops the
// check before it starts.
func TestErrors(t *testing.T) {
	eng := newEngine(t, "")
	_, err := eng.Check(context.Background(), engine.Input{Path: "bad.txt", Src: []byte("قال \xff الوزير")})
	var enc *source.EncodingError
	if !errors.As(err, &enc) {
		t.Errorf("invalid UTF-8: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := eng.Check(ctx, engine.Input{Path: "a.txt", Src: []byte("خبر")}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// One engine, many goroutines: every check gives what it gives alone.
// Run with -race.
func TestConcurrent(t *testing.T) {
	eng := newEngine(t, `[[override]]
paths = ["opinion/**"]
[override.rules."orthography/final-yeh"]
enabled = false
`)
	inputs := []engine.Input{
		{Path: "news/a.txt", Src: []byte("الرياض، الجمعة 22 نوفمبر 2024\nقال الوزير اليوم الأربعاء فى المؤتمر إن المسؤلية كبيرة.\n")},
		{Path: "opinion/b.md", Src: []byte("---\ndate: 2024-11-20\n---\nكتب الكاتب فى مقاله عن **المسؤلية** اليوم الأربعاء.\n"), Fix: engine.SafeFixes},
		{Path: "c.html", Src: []byte("<p>قال الوزير فى المؤتمر</p>"), Fix: engine.UnsafeFixes, ReportUnused: true},
	}
	want := make([]string, len(inputs))
	show := func(res engine.Result) string {
		return fmt.Sprintf("%v %q %d %v %s", rulesOf(res.Diagnostics), res.Fixed, res.Applied, res.Dateline.Date, res.Dateline.From)
	}
	for i, in := range inputs {
		res, err := eng.Check(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = show(res)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for k := 0; k < 30; k++ {
				i := (g + k) % len(inputs)
				res, err := eng.Check(context.Background(), inputs[i])
				if err != nil || show(res) != want[i] {
					t.Errorf("%s: %v %s, want %s", inputs[i].Path, err, show(res), want[i])
				}
			}
		})
	}
	wg.Wait()
}

// The printed dateline is read before the rules run, whichever run: the
// entity rules, which check a title against it, see it without any date
// rule.
func TestDatelineWithoutDateRules(t *testing.T) {
	eng := newEngine(t, "")
	res, err := eng.Check(context.Background(), engine.Input{
		Path: "a.txt", Src: []byte("تيرانا - الثلاثاء 12 نوفمبر 2024 - أعلنت الحكومة خطة جديدة.\n"),
		Select: &engine.Selection{Only: true, EnableCategories: []string{"entities"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Dateline.From != lint.InText || res.Dateline.Date != time.Date(2024, 11, 12, 0, 0, 0, 0, time.UTC) {
		t.Errorf("dateline %+v, want 12 November 2024 from the text", res.Dateline)
	}
}

// TestSourceNotLinted: a misspelling in the wire copy given with an
// article is not the article's.
func TestSourceNotLinted(t *testing.T) {
	eng, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	wire := "الجمعة 22 نوفمبر 2024\nقال الوزير إن هاذا القرار نهائي.\n"
	res, err := eng.Check(context.Background(), engine.Input{Path: "a.txt", Src: []byte("قال الوزير إن القرار نهائي.\n"), Source: []byte(wire), SourceName: "wire.txt"})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diagnostics {
		t.Errorf("the wire's misspelling reported on the article: %+v", d)
	}
}
