package markup

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint/internal/fuzzseed"
)

// FuzzParse: on any input, Parse does not panic and the offset map keeps
// its promises (checkMap), or refuses Markdown beyond its limits with a
// LimitError on a line of the file. No input takes two seconds.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"<p>نص &amp; <b>غامق</b><br>سطر</p><!-- daqiq-disable -->",
		"<p title='a &amp b' alt=x>ن<code>ك", "<a href='x", "<!-- unclosed", "<p>a</p", "<table><td>أ<td>ب</table>",
		"---\ntitle: \"أ\\u0627\"\n---\n# عنوان\n\n`ك` [ر](u) ![ص](i) https://x.y/ع، &nbsp;\n",
		"+++\ntitle = 'أ'\n+++\n| أ | ب |\n|-|-|\n| ج | د |\n", "> اقتباس\n> <!-- daqiq-disable-next-line -->\n",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, isHTML bool) {
		if !utf8.ValidString(s) {
			return
		}
		name := "a.md"
		if isHTML {
			name = "a.html"
		}
		defer fuzzseed.Deadline(2 * time.Second)()
		doc, x, err := Parse(name, []byte(s), Options{})
		var limit *LimitError
		if errors.As(err, &limit) && !isHTML && limit.Line >= 1 && limit.Line <= strings.Count(s, "\n")+1 {
			return // Markdown beyond the parser's limits
		}
		if err != nil {
			t.Fatal(err)
		}
		checkMap(t, doc, x)
		for _, d := range x.Directives {
			if d.Start >= d.End || d.End > len(s) || d.From > d.To {
				t.Errorf("directive %+v", d)
			}
		}
	})
}
