package rules_test

import (
	"context"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint/linttest/scaling"
)

// TestRulesLinear: lines made of one pattern repeated, each of which a
// rule once answered by reading the line or the paragraph again (a
// relative day in a long paragraph, bidi controls on one line, yearless
// dates, a hashtag of many words): twice the text costs at most
// scaling.Limit times the time.
func TestRulesLinear(t *testing.T) {
	eng, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, head, unit, sep string
		n                     int
	}{
		{"relative day in a paragraph", "الجمعة 22 نوفمبر 2024\n", "وقال الوزير اليوم الأحد إنه سيعود ", "", 2000},
		{"bidi controls on a line", "", "كلمة \u202bلدعم\u202c ", "", 2000},
		{"yearless dates", "الجمعة 22 نوفمبر 2024\n", "وفي الأحد 10 ديسمبر اجتمع المجلس ", "", 8000},
		{"a long hashtag", "#", "الاردن", "_", 8000},
	} {
		t.Run(c.name, func(t *testing.T) {
			scaling.Linear(t, c.n, func(n int) func() {
				src := []byte(c.head + strings.Repeat(c.unit+c.sep, n))
				return func() {
					if _, err := eng.Check(context.Background(), engine.Input{Path: "a.txt", Src: src}); err != nil {
						t.Fatal(err)
					}
				}
			})
		})
	}
}
