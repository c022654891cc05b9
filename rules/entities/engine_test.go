package entities_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/linttest"
)

// TestThroughEngine runs the fixtures of testdata/rules/entities/engine
// through engine.Check, the way a newsroom does, with the publication date
// a document's "#! date=YYYY-MM-DD" line gives (none without it): the
// terms of office need one. Only the entities findings are compared.
func TestThroughEngine(t *testing.T) {
	eng, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "entities", "engine", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases, err := linttest.Parse(string(data))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, c := range cases {
			in := engine.Input{Path: "a.txt", Src: []byte(c.Text)}
			if d, ok := c.Options["date"]; ok {
				if in.Dateline, err = time.Parse(time.DateOnly, d); err != nil {
					t.Fatalf("%s:%d: %v", f, c.Line, err)
				}
			}
			res, err := eng.Check(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			var ds []lint.Diagnostic
			for _, d := range res.Diagnostics {
				if strings.HasPrefix(d.Rule, "entities/") {
					ds = append(ds, d)
				}
			}
			linttest.Check(t, filepath.Base(f)+":"+itoa(c.Line), res.Doc, ds, c.Wants)
		}
	}
}

func itoa(n int) string {
	b := []byte{}
	for ; n > 0 || len(b) == 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
