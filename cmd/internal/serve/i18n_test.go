package serve

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// pageText is web/i18n.js between its outer braces: the English of
// index.html's texts by their data-t key, and app.js's texts in both
// languages.
type pageText struct {
	Page map[string]string            `json:"page"`
	App  map[string]map[string]string `json:"app"`
}

func readPageText(t *testing.T, web fs.FS) pageText {
	t.Helper()
	src := mustRead(t, web, "i18n.js")
	const start = "\nwindow.daqiqText = {"
	i, j := bytes.Index(src, []byte(start)), bytes.LastIndexByte(src, '}')
	if i < 0 || j < i || strings.TrimSpace(string(src[j+1:])) != ";" {
		t.Fatal("web/i18n.js is not comments, then window.daqiqText = {…};")
	}
	i += len(start) - 1
	var pt pageText
	dec := json.NewDecoder(bytes.NewReader(src[i : j+1]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&pt); err != nil {
		t.Fatalf("web/i18n.js between its braces is not the JSON the page reads: %v", err)
	}
	return pt
}

// tAttrs are the attributes data-t-<attribute> translates; app.js's
// T_ATTRS must list the same.
var tAttrs = []string{"placeholder", "aria-label", "title"}

// TestPageTexts: every text of the page marked in index.html (data-t,
// data-t-<attribute>) has its English in web/i18n.js and every English
// text there is used; a key marks the same Arabic wherever it is used,
// on an element holding that text only. Every tr("key") of app.js has
// its Arabic and English, with the same {0}, {1} …, and every key of
// the table is used.
func TestPageTexts(t *testing.T) {
	web, _ := fs.Sub(webFiles, "web")
	pt := readPageText(t, web)
	appJS := string(mustRead(t, web, "app.js"))
	if !strings.Contains(appJS, `const T_ATTRS = ["`+strings.Join(tAttrs, `", "`)+`"];`) {
		t.Errorf("app.js's T_ATTRS is not %q", tAttrs)
	}

	doc, err := html.Parse(bytes.NewReader(mustRead(t, web, "index.html")))
	if err != nil {
		t.Fatal(err)
	}
	arabic := map[string]string{} // key -> the Arabic it marks
	mark := func(where, key, ar string) {
		switch prev, seen := arabic[key]; {
		case key == "":
			t.Errorf("%s: an empty key", where)
		case !arabicLetter.MatchString(ar):
			t.Errorf("%s: key %q marks %q, no Arabic text", where, key, ar)
		case seen && prev != ar:
			t.Errorf("%s: key %q marks %q here and %q elsewhere", where, key, ar, prev)
		default:
			arabic[key] = ar
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			for name, key := range attr {
				a, ok := strings.CutPrefix(name, "data-t-")
				switch {
				case name == "data-t":
					var text strings.Builder
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type != html.TextNode {
							t.Errorf("<%s data-t=%q> holds a <%s>: translating its text would drop it", n.Data, key, c.Data)
						}
						text.WriteString(c.Data)
					}
					mark("<"+n.Data+">", key, text.String())
				case ok && slices.Contains(tAttrs, a):
					mark("<"+n.Data+" "+a+">", key, attr[a])
				case ok:
					t.Errorf("<%s %s=%q>: app.js translates no attribute %q", n.Data, name, key, a)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(arabic) < 20 {
		t.Fatalf("index.html marks %d texts with data-t: too few, is the walk right?", len(arabic))
	}
	for key, ar := range arabic {
		en, ok := pt.Page[key]
		if !ok || strings.TrimSpace(en) == "" {
			t.Errorf("index.html's %q (%s) has no English in web/i18n.js", key, ar)
		} else if arabicLetter.MatchString(en) {
			t.Errorf("the English of %q is %q", key, en)
		}
	}
	for key := range pt.Page {
		if _, ok := arabic[key]; !ok {
			t.Errorf("web/i18n.js's page text %q is used by no data-t in index.html", key)
		}
	}

	// app.js: tr("key", …), the key always written out
	calls := regexp.MustCompile(`(function )?\btr\(("([^"]*)")?`).FindAllStringSubmatch(appJS, -1)
	used := map[string]bool{}
	for _, c := range calls {
		switch {
		case c[1] != "":
		case c[2] == "":
			t.Errorf("app.js calls tr without a key written out: %q", c[0])
		default:
			used[c[3]] = true
		}
	}
	if len(used) < 20 {
		t.Fatalf("app.js uses %d keys with tr: too few, is the pattern right?", len(used))
	}
	holes := regexp.MustCompile(`\{\d\}`)
	for key := range used {
		tt, ok := pt.App[key]
		if !ok {
			t.Errorf("app.js's tr(%q) is not in web/i18n.js", key)
			continue
		}
		ar, en := tt["ar"], tt["en"]
		if ar == "" || en == "" || len(tt) != 2 {
			t.Errorf("web/i18n.js's %q: %q, want its ar and en only", key, tt)
			continue
		}
		if arabicLetter.MatchString(en) {
			t.Errorf("the English of %q is %q", key, en)
		}
		h1, h2 := holes.FindAllString(ar, -1), holes.FindAllString(en, -1)
		slices.Sort(h1)
		slices.Sort(h2)
		if !slices.Equal(h1, h2) {
			t.Errorf("web/i18n.js's %q: the Arabic has %v, the English %v", key, h1, h2)
		}
	}
	for key := range pt.App {
		if !used[key] {
			t.Errorf("web/i18n.js's %q is used by no tr in app.js", key)
		}
	}
}
