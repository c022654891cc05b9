package markup

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint/internal/fuzzseed"
	"github.com/daqiq/daqiq/lint/source"
)

// FuzzParseMap checks the offset map against what Parse says it copied
// (FuzzParse's checkMap only checks the runes that already look copied):
// every text byte that is a copy of a source byte — mapped one to one
// (ToSrc(i+1) == ToSrcStart(i)+1) onto a byte of a verbatim piece — is
// that byte, src[ToSrcStart(i)] == text[i], and every byte of a verbatim
// piece is reached so by some text byte. HTML whitespace is left out:
// its pieces also hold the whitespace that collapsing dropped, and a block
// break may start on it.
//
// Markdown beyond the parser's limits is refused (a LimitError) instead.
// No input takes two seconds.
//
// Seeds: the files of the top-level testdata/fuzz/FuzzParseMap, each
// read as HTML and as Markdown (see testdata/fuzz/README.md).
func FuzzParseMap(f *testing.F) {
	dir := filepath.Join("..", "..", "testdata", "fuzz", "FuzzParseMap")
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), true)
		f.Add(string(b), false)
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
		checkCopied(t, doc, x)
	})
}

func checkCopied(t *testing.T, doc *source.Document, x *Extras) {
	t.Helper()
	text, src := doc.Text, doc.Src
	htmlSpace := func(k int) bool { return x.Format == HTML && isSpace(src[k]) }
	// verbatim[k]: src[k] is in a piece copied byte for byte
	verbatim := make([]bool, len(src))
	for _, p := range x.pieces {
		if p.s < 0 || p.e > len(src) || p.s > p.e {
			t.Fatalf("piece %+v outside the %d source bytes", p, len(src))
		}
		for k := p.s; k < p.e && !p.entity; k++ {
			verbatim[k] = true
		}
	}
	reached := make([]bool, len(src))
	for i := 0; i < len(text); i++ {
		s := doc.ToSrcStart(i)
		if s < 0 || s > len(src) {
			t.Fatalf("text byte %d maps to %d, outside the %d source bytes", i, s, len(src))
		}
		if s == len(src) || doc.ToSrc(i+1) != s+1 || !verbatim[s] || htmlSpace(s) {
			continue
		}
		if src[s] != text[i] {
			t.Fatalf("text byte %d %q maps to source byte %d %q\ntext: %q\nsrc:  %q", i, text[i], s, src[s], text, src)
		}
		reached[s] = true
	}
	for k := range src {
		if verbatim[k] && !reached[k] && !htmlSpace(k) {
			t.Fatalf("source byte %d %q was copied but no text byte maps onto it\ntext: %q\nsrc:  %q", k, src[k], text, src)
		}
	}
}
