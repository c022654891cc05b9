package markup

import (
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/linttest/scaling"
)

// TestHTMLSkipLinear: an end tag was looked for in the whole stack of open
// skipped elements (<code>, <svg>, <script> …), so thousands of them
// nested and as many end tags of other elements took quadratic time.
func TestHTMLSkipLinear(t *testing.T) {
	scaling.Linear(t, 20000, func(n int) func() {
		src := []byte("<p>أ</p>" + strings.Repeat("<code>", n) + strings.Repeat("</b>", n) + strings.Repeat("</code>", n) + "<p>ب</p>")
		return func() {
			doc, _, err := Parse("a.html", src, Options{})
			if err != nil || doc.Text != "أ\n\nب" {
				t.Fatalf("%q, %v", doc.Text, err)
			}
		}
	})
}
