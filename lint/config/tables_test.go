package config

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/linttest/scaling"
)

// TestOverridesLinear: the line of each [[override]] (and [[rule]]) header
// was found by reading the file from the top for each table: 20,000
// overrides never finished.
func TestOverridesLinear(t *testing.T) {
	for _, table := range []string{"override", "rule"} {
		t.Run(table, func(t *testing.T) {
			scaling.Linear(t, 2000, func(n int) func() {
				var b strings.Builder
				for i := range n {
					if table == "override" {
						fmt.Fprintf(&b, "[[override]] # %d\npaths = [\"a%d/**\"]\n[override.rules.\"spelling/misspelling\"]\nlevel = \"info\"\n\n", i, i)
					} else {
						fmt.Fprintf(&b, "[[rule]]\nid = \"house/r%d\"\nkind = \"existence\"\nwords = [\"ب%d\"]\n\n", i, i)
					}
				}
				src := []byte(b.String())
				return func() {
					c, err := Parse("c.toml", src)
					if err != nil || len(c.Overrides)+len(c.Custom) != n {
						t.Fatalf("Parse: %v", err)
					}
				}
			})
		})
	}
	// the lines are still right, and an error in the last table is placed
	src := strings.Repeat("[[override]]\npaths = [\"a/**\"]\n", 3000) + "[[override]]\npaths = [\"b\"]\n[override.rules.\"a/b\"]\nlevel = \"loud\"\n"
	_, err := Parse("c.toml", []byte(src))
	var e *Error
	if !errors.As(err, &e) || e.Line != 2*3000+4 {
		t.Errorf("error %v, want it at line %d", err, 2*3000+4)
	}
	c, err := Parse("c.toml", []byte("[[override]]\npaths = [\"a\"]\n[[rule]] # a comment\nid = \"a/b\"\nkind = \"existence\"\n  [[override]]  \npaths = [\"b\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := [3]int{c.nthTableLine("override", 0), c.nthTableLine("override", 1), c.nthTableLine("rule", 0)}; got != [3]int{1, 6, 3} {
		t.Errorf("header lines %v, want [1 6 3]", got)
	}
	if c.nthTableLine("override", 2) != 1 || c.nthTableLine("entity", 0) != 1 || (&Config{}).nthTableLine("rule", 0) != 1 {
		t.Error("a missing header is not at line 1")
	}
}
