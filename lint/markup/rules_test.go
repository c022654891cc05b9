package markup

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
)

// TestArticlesInMarkup wraps each sample article in Markdown and in HTML
// and checks that the built-in rules find the same things (rule and flagged
// text) as in the plain text: markup adds no finding and hides none.
func TestArticlesInMarkup(t *testing.T) {
	set, err := rules.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "clean", "*.txt"))
	paths = append(paths, filepath.Join("..", "..", "testdata", "articles", "draft.txt"))
	if len(paths) < 2 {
		t.Fatal("no articles")
	}
	seen := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := source.New(p, data)
		if err != nil {
			t.Fatal(err)
		}
		plain := runner.Run(doc, set.For(p))
		want := summary(doc, plain)
		seen += len(want)
		paras := strings.Split(strings.TrimSpace(strings.ReplaceAll(string(data), "\r\n", "\n")), "\n\n")
		for _, f := range []struct {
			name string
			src  string
		}{
			{"md", markdownOf(paras)},
			{"html", htmlOf(paras)},
		} {
			name := strings.TrimSuffix(p, ".txt") + "." + f.name
			mdoc, x, err := Parse(name, []byte(f.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			ds := x.Filter(runner.Run(mdoc, set.For(name)))
			if got := summary(mdoc, ds); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: findings differ from the plain text's\n got %q\nwant %q", name, got, want)
			}
			// in HTML every fix stays applicable (whitespace is
			// insignificant); in Markdown a fix across the heading and the
			// next paragraph is not
			if got, n := fixable(ds), fixable(plain); got > n || f.name == "html" && got != n {
				t.Errorf("%s: %d applicable fixes, the plain text has %d", name, got, n)
			}
		}
	}
	if seen == 0 {
		t.Error("the draft has no findings: the comparison proves nothing")
	}
}

func fixable(ds []lint.Diagnostic) int {
	n := 0
	for _, d := range ds {
		if len(d.Fixes) > 0 && d.Fixes[0].Applicability != lint.DisplayOnly {
			n++
		}
	}
	return n
}

// summary lists the findings as rule and flagged text (decoded), sorted.
func summary(doc *source.Document, ds []lint.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		txt := unescapeMinimal(string(doc.Src[d.Start:d.End]))
		txt = strings.NewReplacer("**", "").Replace(txt)
		out = append(out, fmt.Sprintf("%s %q", d.Rule, txt))
	}
	sort.Strings(out)
	return out
}

func unescapeMinimal(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(s)
}

// markdownOf: the first paragraph a heading, the first word of every other
// paragraph in bold.
func markdownOf(paras []string) string {
	var b strings.Builder
	b.WriteString("---\ntitle: \"" + strings.ReplaceAll(paras[0], `"`, `\"`) + "\"\n---\n\n")
	for i, p := range paras {
		if i == 0 {
			b.WriteString("# " + p + "\n\n")
			continue
		}
		if w, rest, ok := strings.Cut(p, " "); ok {
			p = "**" + w + "** " + rest
		}
		b.WriteString(p + "\n\n")
	}
	return b.String()
}

func htmlOf(paras []string) string {
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n  <meta charset=\"utf-8\">\n</head>\n<body>\n")
	for i, p := range paras {
		tag := "p"
		if i == 0 {
			tag = "h1"
		}
		b.WriteString("  <" + tag + ">\n    " + strings.ReplaceAll(esc.Replace(p), "\n", "\n    ") + "\n  </" + tag + ">\n")
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}
