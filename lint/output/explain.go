package output

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/daqiq/daqiq/lint"
)

// WriteExplain writes a rule's documentation as `daqiq explain` prints it
// and daqiq serve's rule pages (/rules/ID) show it: the id, kind and
// default level, the summary, then What it does, Why, Example, Use
// instead, Fix safety, why it is unavailable, its options and its link.
func WriteExplain(w io.Writer, r *lint.Rule) {
	fmt.Fprintf(w, "%s (%s, %s by default)\n\n%s\n", r.ID, r.Kind, r.Level, r.Summary)
	section := func(title, body string) {
		if body != "" {
			fmt.Fprintf(w, "\n## %s\n%s\n", title, body)
		}
	}
	section("What it does", r.Doc.What)
	section("Why", r.Doc.Why)
	section("Example", r.Doc.Wrong)
	section("Use instead", r.Doc.Right)
	section("Fix safety", r.Doc.Fix)
	section("Unavailable: off on this system", r.Unavailable)
	if len(r.Options) > 0 {
		var names []string
		for k := range r.Options {
			names = append(names, k)
		}
		sort.Strings(names)
		var b strings.Builder
		for _, k := range names {
			o := r.Options[k]
			fmt.Fprintf(&b, "%s = %q  (%s", k, o.Default, o.Help)
			if len(o.Allowed) > 0 {
				fmt.Fprintf(&b, "; one of %s", strings.Join(o.Allowed, ", "))
			}
			b.WriteString(")\n")
		}
		section("Options", strings.TrimRight(b.String(), "\n"))
	}
	if r.Link != "" {
		section("More", r.Link)
	}
}
