package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
)

// No span ever gets two different fixes: every rule fixture and every test
// article, whole and document by document, checked with the default rules
// (and with every rule on, and with a dateline, so that the date and
// entity rules speak too).
func TestOneFixPerSpan(t *testing.T) {
	var files []string
	for _, glob := range []string{"../testdata/rules/*/*.txt", "../testdata/rules/*/*/*.txt", "../testdata/articles/*/*.txt"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 30 {
		t.Fatalf("found %d fixture files: the globs are wrong", len(files))
	}
	all := newEngine(t, "")
	every := newEngine(t, everyRule(t, all))
	day := time.Date(2024, 11, 22, 0, 0, 0, 0, time.UTC)
	spans := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs := append([]string{string(src)}, strings.Split(string(src), "\n---\n")...)
		for _, doc := range docs {
			for _, eng := range []*engine.Engine{all, every} {
				for _, date := range []time.Time{{}, day} {
					res, err := eng.Check(context.Background(), engine.Input{Path: "a.txt", Src: []byte(doc), Dateline: date})
					if err != nil {
						t.Fatalf("%s: %v", f, err)
					}
					spans += conflicts(t, f, doc, res.Diagnostics)
				}
			}
		}
	}
	if spans > 0 {
		t.Errorf("%d spans with two different fixes", spans)
	}
}

func conflicts(t *testing.T, file, doc string, ds []lint.Diagnostic) int {
	t.Helper()
	type span struct{ start, end int }
	seen := map[span]lint.Diagnostic{}
	n := 0
	for _, d := range ds {
		if len(d.Fixes) == 0 || len(d.Fixes[0].Edits) == 0 {
			continue
		}
		s := span{d.Start, d.End}
		o, ok := seen[s]
		if !ok {
			seen[s] = d
			continue
		}
		if o.Fixes[0].Edits[0].New != d.Fixes[0].Edits[0].New {
			n++
			t.Errorf("%s: %q gets %q from %s and %q from %s", file, doc[d.Start:d.End],
				o.Fixes[0].Edits[0].New, o.Rule, d.Fixes[0].Edits[0].New, d.Rule)
		}
	}
	return n
}

// everyRule returns a configuration that turns every built-in rule on.
func everyRule(t *testing.T, eng *engine.Engine) string {
	t.Helper()
	var b strings.Builder
	for _, r := range eng.Rules().Rules() {
		b.WriteString("[rules.\"" + r.ID + "\"]\nenabled = true\n")
	}
	return b.String()
}
