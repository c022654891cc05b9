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
	for _, s := range docSections(lang, doc) {
		section(s[0], s[1])
	}
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

// docSections are a rule's documents under the headings of daqiq explain
// in lang: what it does, why, an example, what to use instead, fix
// safety (daqiq explain, the server's rule pages, SARIF's rule help).
func docSections(lang i18n.Lang, doc lint.Doc) [][2]string {
	h := func(key string) string { return i18n.Text(lang, "explain."+key) }
	return [][2]string{{h("what"), doc.What}, {h("why"), doc.Why}, {h("wrong"), doc.Wrong}, {h("right"), doc.Right}, {h("fix"), doc.Fix}}
}
