package lexicon_test

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/lexicon"
)

// The evaluation set: misspellings in sentences, with their corrections,
// and clean edited prose. LEXICON_EVAL_TSV names another misspellings
// file (a draft set while the real one is being written).
var (
	evalTSV  = filepath.Join("..", "..", "testdata", "lexicon", "eval", "misspellings.tsv")
	evalGlob = filepath.Join("..", "..", "testdata", "lexicon", "clean", "*.txt")
)

// Targets, asserted once the set is complete (minRows rows, minWords
// clean words).
const (
	minRows        = 600
	minWords       = 20000
	hamzaRecall    = 0.90
	classRecall    = 0.85
	firstRight     = 0.90
	cleanPerThousd = 0.3
)

type evalRow struct {
	class, wrong, right, sentence string
	rejects                       bool // hunspell rejects the wrong form
}

func readRows(t *testing.T, path string) []evalRow {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.Comment = '#'
	var rows []evalRow
	for n := 0; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if n == 0 && rec[0] == "class" || len(rec) < 4 {
			continue
		}
		row := evalRow{class: rec[0], wrong: rec[1], right: rec[2], sentence: rec[3], rejects: true}
		if len(rec) > 4 {
			row.rejects = strings.TrimSpace(rec[4]) != "no"
		}
		rows = append(rows, row)
	}
	return rows
}

// dictionaryOrSkip skips the test without a dictionary, except in CI.
func dictionaryOrSkip(t *testing.T) {
	lx, err := lexicon.Find(nil, ".")
	if err != nil {
		t.Fatal(err)
	}
	if why := lx.Unavailable(); why != "" {
		if os.Getenv("CI") != "" {
			t.Fatal(why)
		}
		t.Skip(why)
	}
}

// offByDefault are the classes whose rule is off by default: their
// recall is reported, not held to a target.
var offByDefault = map[string]bool{"verb-taa": true}

// countsSeen reports whether a row counts among the rows the dictionary
// rejects: a split clitic is two words the dictionary accepts alone
// (single letters are words to it), so all of its rows count.
func countsSeen(r evalRow) bool { return r.rejects || r.class == "split-clitic" }

type tally struct{ n, hit, first int }

func (c tally) recall() float64 { return ratio(c.hit, c.n) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestEvaluation measures the default rule set on the evaluation set:
// recall per class (on all rows and on the rows the dictionary rejects),
// how often the first suggestion is the correction, and findings per
// 1,000 words of clean prose.
func TestEvaluation(t *testing.T) {
	path := evalTSV
	if p := os.Getenv("LEXICON_EVAL_TSV"); p != "" {
		path = p
	}
	rows := readRows(t, path)
	cleanFiles, _ := filepath.Glob(evalGlob)
	if len(rows) == 0 && len(cleanFiles) == 0 {
		t.Skip("no evaluation set under testdata/lexicon")
	}
	dictionaryOrSkip(t)
	eng, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	check := func(name string, src []byte) []lint.Diagnostic {
		res, err := eng.Check(ctx, engine.Input{Path: name, Src: src})
		if err != nil {
			t.Fatal(err)
		}
		return res.Diagnostics
	}

	// The rows split in two halves, fixed once: the dev half (odd data
	// rows: the first, the third…) is the one to read misses from while
	// tuning (LEXICON_EVAL_ALL=1 lists its misses among the rows the
	// dictionary accepts too); the held-out half (even rows) is only counted, so that its
	// numbers say how the rules do on errors nobody tuned them on.
	type halfTally struct{ all, seen map[string]*tally }
	halves := [2]halfTally{}
	for h := range halves {
		halves[h] = halfTally{map[string]*tally{}, map[string]*tally{}}
	}
	all, seen := map[string]*tally{}, map[string]*tally{}
	var misses []string
	for i, row := range rows {
		half := i % 2 // 0: dev (odd data rows), 1: held out (even rows)
		at := strings.Index(row.sentence, row.wrong)
		if at < 0 {
			t.Logf("row %q: the sentence does not contain the wrong form", row.wrong)
			continue
		}
		hit, first := false, false
		for _, d := range check("row.txt", []byte(row.sentence)) {
			if d.End <= at || d.Start >= at+len(row.wrong) {
				continue
			}
			hit = true
			if len(d.Fixes) > 0 {
				fixed := applyFirst(row.sentence, d)
				want := row.sentence[:at] + row.right + row.sentence[at+len(row.wrong):]
				first = arabic.Key(fixed) == arabic.Key(want)
			}
			break
		}
		for _, m := range []map[string]*tally{all, seen, halves[half].all, halves[half].seen} {
			if m[row.class] == nil {
				m[row.class] = &tally{}
			}
		}
		add := func(c *tally) {
			c.n++
			if hit {
				c.hit++
			}
			if first {
				c.first++
			}
		}
		add(all[row.class])
		add(halves[half].all[row.class])
		if countsSeen(row) {
			add(seen[row.class])
			add(halves[half].seen[row.class])
		}
		if half == 0 && (!hit || !first) && (countsSeen(row) || os.Getenv("LEXICON_EVAL_ALL") != "") {
			what := "missed"
			if hit {
				what = "wrong first suggestion"
			}
			misses = append(misses, what+": "+row.class+": "+row.wrong+" → "+row.right)
		}
	}
	classes := make([]string, 0, len(all))
	for c := range all {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	logTable := func(name string, all, seen map[string]*tally) (total, totalSeen tally) {
		for _, c := range classes {
			a, s := all[c], seen[c]
			if a == nil {
				continue
			}
			if s == nil {
				s = &tally{}
			}
			t.Logf("%-9s %-14s all rows: %3d/%3d = %5.1f%%   rejected by the dictionary: %3d/%3d = %5.1f%%   first suggestion right: %5.1f%% of found",
				name, c, a.hit, a.n, 100*a.recall(), s.hit, s.n, 100*s.recall(), 100*ratio(a.first, a.hit))
			total.n, total.hit, total.first = total.n+a.n, total.hit+a.hit, total.first+a.first
			totalSeen.n, totalSeen.hit = totalSeen.n+s.n, totalSeen.hit+s.hit
		}
		hz, hzs := tally{}, tally{}
		for _, c := range classes {
			if strings.HasPrefix(c, "hamza") && all[c] != nil {
				hz.n, hz.hit = hz.n+all[c].n, hz.hit+all[c].hit
				if seen[c] != nil {
					hzs.n, hzs.hit = hzs.n+seen[c].n, hzs.hit+seen[c].hit
				}
			}
		}
		t.Logf("%-9s %-14s all rows: %3d/%3d = %5.1f%%   rejected by the dictionary: %3d/%3d = %5.1f%%",
			name, "hamza (all)", hz.hit, hz.n, 100*hz.recall(), hzs.hit, hzs.n, 100*hzs.recall())
		t.Logf("%-9s %-14s all rows: %3d/%3d = %5.1f%%   rejected by the dictionary: %3d/%3d = %5.1f%%   first suggestion right: %5.1f%% of found",
			name, "overall", total.hit, total.n, 100*total.recall(), totalSeen.hit, totalSeen.n, 100*totalSeen.recall(), 100*ratio(total.first, total.hit))
		return total, totalSeen
	}
	logTable("dev", halves[0].all, halves[0].seen)
	logTable("held-out", halves[1].all, halves[1].seen)
	total, _ := logTable("both", all, seen)
	complete := len(rows) >= minRows
	var below []string
	if complete {
		hz := tally{}
		for _, c := range classes {
			if s := seen[c]; strings.HasPrefix(c, "hamza") && s != nil {
				hz.n, hz.hit = hz.n+s.n, hz.hit+s.hit
			}
		}
		if hz.recall() < hamzaRecall {
			below = append(below, fmt.Sprintf("hamza classes: recall %.1f%% on the rows the dictionary rejects, want ≥ %.0f%%", 100*hz.recall(), 100*hamzaRecall))
		}
		for _, c := range classes {
			if s := seen[c]; s != nil && s.recall() < classRecall && !offByDefault[c] {
				below = append(below, fmt.Sprintf("%s: recall %.1f%% on the rows the dictionary rejects, want ≥ %.0f%%", c, 100*s.recall(), 100*classRecall))
			}
		}
		if ratio(total.first, total.hit) < firstRight {
			below = append(below, fmt.Sprintf("first suggestion right %.1f%%, want ≥ %.0f%%", 100*ratio(total.first, total.hit), 100*firstRight))
		}
	}
	sort.Strings(misses)
	for _, m := range misses {
		t.Logf("dev %s", m)
	}

	words, lex, any := 0, 0, 0
	for _, f := range cleanFiles {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tok := range arabic.Tokenize(string(src)) {
			if tok.Kind == arabic.Word {
				words++
			}
		}
		for _, d := range check(filepath.Base(f), src) {
			any++
			if strings.HasPrefix(d.Rule, "lexicon/") {
				lex++
				t.Logf("clean %s: %s %q: %s", filepath.Base(f), d.Rule, src[d.Start:d.End], d.Message)
			}
		}
	}
	if words > 0 {
		per := 1000 * float64(lex) / float64(words)
		t.Logf("clean prose: %d words in %d files, %d lexicon findings (%.2f per 1,000 words), %d findings of all rules",
			words, len(cleanFiles), lex, per, any)
		if words >= minWords && per > cleanPerThousd {
			below = append(below, fmt.Sprintf("%.2f lexicon findings per 1,000 clean words, want ≤ %.1f", per, cleanPerThousd))
		}
	}
	for _, b := range below {
		// below a target of issue 14: an error with LEXICON_EVAL_STRICT
		// set (the numbers are measured, not a regression test: a new
		// dictionary version moves them)
		if os.Getenv("LEXICON_EVAL_STRICT") != "" {
			t.Error(b)
		} else {
			t.Log("below target: " + b)
		}
	}
}

// applyFirst applies a diagnostic's first fix to the sentence.
func applyFirst(s string, d lint.Diagnostic) string {
	edits := append([]lint.TextEdit(nil), d.Fixes[0].Edits...)
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
	for _, e := range edits {
		s = s[:e.Start] + e.New + s[e.End:]
	}
	return s
}

// A run of letters far longer than any word is passed over, at once: its
// candidates would cost time and memory as the square of its length (a
// 1 MiB request of one letter got the server killed).
func TestLongWord(t *testing.T) {
	word := strings.Repeat("ا", 1<<19)
	start := time.Now()
	if _, err := engine.Default().Check(context.Background(), engine.Input{Path: "long.txt", Src: []byte(word + " الى")}); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("a 1 MiB word took %v", d)
	}
}
