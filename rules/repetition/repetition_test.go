package repetition

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/source"
)

// refTagLine is tagLine as it was first written: a walk back from token i
// to the token that ends it, for every pair.
func (d *doubles) refTagLine(toks []arabic.Token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := &toks[j]
		if t.Kind == arabic.Space && t.Breaks > 0 {
			return false
		}
		if t.Kind == arabic.Word && d.tags[fold(t.Key)] {
			k := j - 1
			for k >= 0 && toks[k].Kind == arabic.Space && toks[k].Breaks == 0 {
				k--
			}
			if k < 0 || toks[k].Kind == arabic.Space {
				return true
			}
			switch toks[k].Key {
			case ".", "!", "؟", "?", "…":
				return true
			}
			return false
		}
		if t.Kind == arabic.Punct && t.Key != "،" && t.Key != "," && t.Key != ":" {
			return false
		}
	}
	return false
}

// TestTagLine: tagLine, which walks back only to where it last started,
// answers as the walk back to the start of the line does, for the pairs of
// a document asked in order, and for some asked out of order.
func TestTagLine(t *testing.T) {
	var l lists
	if _, err := toml.Decode(string(data), &l); err != nil {
		t.Fatal(err)
	}
	d := newDoubles(l)
	pieces := []string{"سمات", "وسوم", "الوسوم", "سِمات", "سـمات", "tags", "قال", "الوزير", "تفجير", "عسير",
		" ", " ", " ", " ", "\n", "\n\n", ".", "،", ",", ":", "!", "؟", "…", "-", "«", "3"}
	r := rand.New(rand.NewPCG(5, 6))
	n := 0
	for range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(120) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		doc, err := source.New("t.txt", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		toks := arabic.Tokenize(doc.Text)
		p := lint.NewPass(&lint.Rule{ID: "t"}, doc, toks, arabic.Analyze(toks), nil, nil, map[string]any{}, func(lint.Diagnostic) {})
		for i := range toks {
			if r.IntN(3) > 0 {
				continue
			}
			got, want := d.tagLine(p, i), d.refTagLine(toks, i)
			if got != want {
				t.Fatalf("tagLine(%d) = %v, the walk back finds %v\ntext: %q", i, got, want, doc.Text)
			}
			if want {
				n++
			}
		}
		// out of order
		for range 5 {
			i := r.IntN(len(toks) + 1)
			if got, want := d.tagLine(p, i), d.refTagLine(toks, i); got != want {
				t.Fatalf("tagLine(%d) out of order = %v, the walk back finds %v\ntext: %q", i, got, want, doc.Text)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d tag lines found: the test text needs more", n)
	}
}
