package output

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// WriteExplain writes a rule's documentation as `daqiq explain` prints it
// and daqiq serve's rule pages (/rules/ID) show it: the id, kind and
// default level, the summary, then What it does, Why, Example, Use
// instead, Fix safety, why it is unavailable, its options and its link.
func WriteExplain(w io.Writer, r *lint.Rule, lang i18n.Lang) {
	summary, doc := r.Localized(lang)
	fmt.Fprintf(w, "%s\n\n%s\n", i18n.Text(lang, "explain.head", r.ID, r.Kind, levelWord(lang, r.Level)), summary)
	section := func(title, body string) {
		if body != "" {
			fmt.Fprintf(w, "\n## %s\n%s\n", title, body)
		}
	}
	h := func(key string) string { return i18n.Text(lang, "explain."+key) }
	section(h("what"), doc.What)
	section(h("why"), doc.Why)
	section(h("wrong"), doc.Wrong)
	section(h("right"), doc.Right)
	section(h("fix"), doc.Fix)
	section(h("unavailable"), r.LocalizedUnavailable(lang))
	if len(r.Options) > 0 {
		var names []string
		for k := range r.Options {
			names = append(names, k)
		}
		sort.Strings(names)
		var b strings.Builder
		for _, k := range names {
			o := r.Options[k]
			help := o.Help
			if s, ok := i18n.Lookup(lang, r.ID, "option."+k); ok && lang != i18n.En {
				help = s
			}
			fmt.Fprintf(&b, "%s = %q  (%s", k, o.Default, help)
			if len(o.Allowed) > 0 {
				b.WriteString(i18n.Text(lang, "explain.one-of", strings.Join(o.Allowed, ", ")))
			}
			b.WriteString(")\n")
		}
		section(h("options"), strings.TrimRight(b.String(), "\n"))
	}
	if r.Link != "" {
		section(h("more"), r.Link)
	}
}
