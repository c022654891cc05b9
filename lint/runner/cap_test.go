package runner

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/source"
)

// words returns n words on one line, every other one misspelled: المسؤل
// and قال alternate.
func words(n int) string {
	var b strings.Builder
	for i := range n {
		if i%2 == 0 {
			b.WriteString("المسؤل ")
		} else {
			b.WriteString("قال ")
		}
	}
	return b.String()
}

// reversed reports what rule r reports, last first.
func reversed(r lint.Rule) lint.Rule {
	inner := r.Run
	r.Run = func(p *lint.Pass) {
		var ds []lint.Diagnostic
		q := *p
		q.Init(p.Rule, p.Doc, p.Tokens, p.Splits, p.Options, p.Facts, nil, func(d lint.Diagnostic) { ds = append(ds, d) })
		inner(&q)
		for i := len(ds) - 1; i >= 0; i-- {
			p.Report(ds[i])
		}
	}
	return r
}

// A rule reports at most MaxPerRule findings on a document, the first by
// position, then one info finding at the next one's position that counts
// the rest; other rules are not affected.
func TestCap(t *testing.T) {
	src := words(5000) // 2,500 misspellings
	doc := newDoc(t, src)
	spell := wordRule("t/spell", lint.Error, map[string]string{"المسؤل": "المسؤول"})
	few := spanRule("t/few", lint.Diagnostic{Start: 0, End: len("المسؤل")})
	nth := func(n int) (int, int) { return at(t, src, "المسؤل", n) }
	for _, c := range []struct {
		name string
		rule lint.Rule
	}{
		{"in order", spell},
		{"out of order", reversed(spell)},
	} {
		t.Run(c.name, func(t *testing.T) {
			ds := Run(doc, []lint.Active{active(c.rule, lint.Error), active(few, lint.Warning)})
			var spells []lint.Diagnostic
			for _, d := range ds {
				if d.Rule == "t/spell" {
					spells = append(spells, d)
				}
			}
			if len(ds) != MaxPerRule+2 || len(spells) != MaxPerRule+1 {
				t.Fatalf("%d findings, %d of t/spell; want %d and %d", len(ds), len(spells), MaxPerRule+2, MaxPerRule+1)
			}
			for i, d := range spells[:MaxPerRule] {
				if s, e := nth(i); d.Start != s || d.End != e || d.Level != lint.Error || len(d.Fixes) != 1 {
					t.Fatalf("finding %d: %+v, want [%d, %d) with its fix", i, d, s, e)
				}
			}
			note := spells[MaxPerRule]
			s, e := nth(MaxPerRule)
			want := lint.Diagnostic{Start: s, End: e, Rule: "t/spell", Level: lint.Info,
				Message: "… و1500 ملاحظة أخرى لهذه القاعدة في هذا الملف"}
			if fmt.Sprintf("%+v", note) != fmt.Sprintf("%+v", want) {
				t.Errorf("note = %+v\nwant   %+v", note, want)
			}
		})
	}
	// one over: "1 more finding"
	ds := Run(newDoc(t, words(2*(MaxPerRule+1))), []lint.Active{active(spell, lint.Warning)})
	if len(ds) != MaxPerRule+1 || ds[MaxPerRule].Message != "… وملاحظة أخرى لهذه القاعدة في هذا الملف" {
		t.Errorf("%d findings, last %q", len(ds), ds[len(ds)-1].Message)
	}
	// exactly the cap: no note
	if ds := Run(newDoc(t, words(2*MaxPerRule)), []lint.Active{active(spell, lint.Warning)}); len(ds) != MaxPerRule || ds[len(ds)-1].Level != lint.Warning {
		t.Errorf("%d findings at the cap, last %+v", len(ds), ds[len(ds)-1])
	}
}

// The cap counts what is left after the words the rule ignores, and after
// what a directive silences.
func TestCapAfterFilters(t *testing.T) {
	var b strings.Builder
	for range 1500 {
		b.WriteString("كتاب ")
	}
	for range 20 {
		b.WriteString("المسؤل ")
	}
	src := b.String()
	flagAll := lint.Rule{ID: "t/all", Level: lint.Warning, Run: func(p *lint.Pass) {
		for _, tok := range p.Tokens {
			if tok.Kind == arabic.Word {
				p.Reportf(tok.Start, tok.End, "word")
			}
		}
	}}
	a := active(flagAll, lint.Warning)
	a.Ignore = map[string]bool{"كتاب": true}
	if ds := Run(newDoc(t, src), []lint.Active{a}); len(ds) != 20 {
		t.Errorf("ignoring كتاب: %d findings, want the 20 others", len(ds))
	}
	silenced := 0
	p := Parsed{Doc: newDoc(t, src), Suppressed: func(rule string, off int) bool {
		if rule == "t/all" && off < 1500*len("كتاب ") {
			silenced++
			return true
		}
		return false
	}}
	if ds := Check(p, []lint.Active{active(flagAll, lint.Warning)}); len(ds) != 20 || silenced != 1500 {
		t.Errorf("silencing كتاب: %d findings, %d silenced; want the 20 others, 1500", len(ds), silenced)
	}
}

// --fix applies the fixes of the findings past the cap too, in one round:
// the note counted them in the report.
func TestCapFixesAll(t *testing.T) {
	rebuild := func(b []byte) (*source.Document, error) { return source.New("f.txt", b) }
	spell := wordRule("t/spell", lint.Error, map[string]string{"المسؤل": "المسؤول", "قال": ""})
	src := words(6000)
	for _, r := range []lint.Rule{spell, reversed(spell)} {
		out, ds, n, err := FixAll(newDoc(t, src), []lint.Active{active(r, lint.Error)}, false, rebuild)
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.ReplaceAll(src, "المسؤل", "المسؤول"); string(out) != want || n != 3000 {
			t.Errorf("FixAll: %d fixes, all fixed %v; want 3000", n, string(out) == want)
		}
		// what remains: the قال findings, without fixes, capped
		if len(ds) != MaxPerRule+1 || ds[MaxPerRule].Message != "… و2000 ملاحظة أخرى لهذه القاعدة في هذا الملف" {
			t.Errorf("remaining: %d findings, last %q", len(ds), ds[len(ds)-1].Message)
		}
	}
}

// The memory a check keeps does not grow with the findings past the cap:
// 200,000 findings used to keep every one (about 45 MB here, 1–2.5 KB
// each once the front ends had written them out).
func TestCapMemory(t *testing.T) {
	const n = 200_000
	doc := newDoc(t, words(2*n))
	rules := []lint.Active{active(wordRule("t/spell", lint.Error, map[string]string{"المسؤل": "المسؤول"}), lint.Error)}
	var with, without runtime.MemStats
	ds := Run(doc, rules)
	runtime.GC()
	runtime.ReadMemStats(&with)
	found := len(ds)
	runtime.KeepAlive(ds)
	ds = nil
	runtime.GC()
	runtime.ReadMemStats(&without)
	kept := int64(with.HeapAlloc) - int64(without.HeapAlloc)
	t.Logf("%d findings reported of %d, keeping %d bytes", found, n, kept)
	if found != MaxPerRule+1 {
		t.Errorf("%d findings, want %d", found, MaxPerRule+1)
	}
	if kept > 1<<20 {
		t.Errorf("the findings of a check with %d keep %d bytes, want under 1 MB", n, kept)
	}
}
