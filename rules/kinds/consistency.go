package kinds

import (
	"fmt"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// VariantSet is a group of accepted spellings of one word. Each variant
// lists the same forms in the same order (singular, feminine, plural, ...),
// so that a form of one variant maps to the same form of another.
type VariantSet struct {
	Name     string
	Class    arabic.Class
	Variants [][]string
}

// Consistency describes a rule that flags the minority spellings when a
// document uses more than one variant of a set, suggesting the form of the
// majority variant (the first-listed one on a tie).
type Consistency struct {
	Rule lint.Rule
	Sets []VariantSet
}

// ParseVariantSets reads [[set]] tables with name, class and variants.
func ParseVariantSets(name string, data []byte) ([]VariantSet, error) {
	var raw struct {
		Set []struct {
			Name     string     `toml:"name"`
			Class    string     `toml:"class"`
			Variants [][]string `toml:"variants"`
		} `toml:"set"`
	}
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %q (a variant file has [[set]] tables with name, class, variants)", name, und[0].String())
	}
	var out []VariantSet
	for _, s := range raw.Set {
		c := arabic.ClassAll
		if s.Class != "" {
			var ok bool
			if c, ok = arabic.ClassNames[s.Class]; !ok {
				return nil, fmt.Errorf("%s: set %q: unknown class %q", name, s.Name, s.Class)
			}
		}
		out = append(out, VariantSet{Name: s.Name, Class: c, Variants: s.Variants})
	}
	return out, nil
}

type variantRef struct{ set, variant, form int }

// NewConsistency builds the rule.
func NewConsistency(c Consistency) (*lint.Rule, error) {
	lex := arabic.NewLexicon()
	var refs []variantRef
	for si, s := range c.Sets {
		if len(s.Variants) < 2 {
			return nil, fmt.Errorf("%s: set %q needs at least two variants", c.Rule.ID, s.Name)
		}
		for vi, v := range s.Variants {
			if len(v) != len(s.Variants[0]) {
				return nil, fmt.Errorf("%s: set %q: variant %d has %d forms, the first has %d", c.Rule.ID, s.Name, vi+1, len(v), len(s.Variants[0]))
			}
			for fi, form := range v {
				if arabic.Key(strings.TrimSpace(form)) == "" {
					return nil, fmt.Errorf("%s: set %q has an empty variant", c.Rule.ID, s.Name)
				}
				if !lex.Add(form, s.Class, len(refs)) {
					return nil, fmt.Errorf("%s: %q is listed twice", c.Rule.ID, form)
				}
				refs = append(refs, variantRef{si, vi, fi})
			}
		}
	}
	r := c.Rule
	r.Kind = lint.Consistency
	r.Size = len(c.Sets)
	r.Run = func(p *lint.Pass) {
		sc := consistencyPool.Get().(*consistencyScratch)
		defer sc.release()
		counts := sc.counts
		forMatches(p, lex, func(m arabic.Match, start, end, stem int) {
			ref := refs[m.Value]
			sc.hits = append(sc.hits, consistencyHit{ref, start, end, stem, m.Article})
			counts[[2]int{ref.set, ref.variant}]++
		})
		hits := sc.hits
		if len(hits) < 2 {
			return
		}
		for _, h := range hits {
			set := c.Sets[h.ref.set]
			best, bestN, used := 0, -1, 0
			for vi := range set.Variants {
				n := counts[[2]int{h.ref.set, vi}]
				if n > 0 {
					used++
				}
				if n > bestN {
					best, bestN = vi, n
				}
			}
			if used < 2 || h.ref.variant == best {
				continue
			}
			fix, sure := replaceStem(p.Text, arabic.Match{Article: h.article}, h.start, h.end, h.stem, set.Variants[best][h.ref.form])
			app := lint.Safe
			if !sure {
				app = lint.Unsafe
			}
			p.Report(lint.Diagnostic{
				Start: h.start, End: h.end,
				Message: kindT(p, "consistency",
					set.Variants[best][0], bestN, set.Variants[h.ref.variant][0], counts[[2]int{h.ref.set, h.ref.variant}], fix),
				Fixes: []lint.SuggestedFix{lint.Replace(h.start, h.end, fix, app)},
			})
		}
	}
	return &r, nil
}

// consistencyHit is a variant found in a document.
type consistencyHit struct {
	ref              variantRef
	start, end, stem int
	article          bool // the match's Article, for Join
}

// consistencyScratch is the memory of one run of a consistency rule, kept
// for the next.
type consistencyScratch struct {
	hits   []consistencyHit
	counts map[[2]int]int // by set and variant
}

var consistencyPool = sync.Pool{New: func() any { return &consistencyScratch{counts: map[[2]int]int{}} }}

func (sc *consistencyScratch) release() {
	sc.hits = sc.hits[:0]
	clear(sc.counts)
	if cap(sc.hits) <= 1<<16 {
		consistencyPool.Put(sc)
	}
}

// SetsFromLists turns custom-rule sets (each a list of single-form
// variants) into variant sets.
func SetsFromLists(lists [][]string, class arabic.Class) []VariantSet {
	var out []VariantSet
	for _, l := range lists {
		vs := make([][]string, len(l))
		for i, w := range l {
			vs[i] = []string{w}
		}
		out = append(out, VariantSet{Name: strings.Join(l, "/"), Class: class, Variants: vs})
	}
	return out
}
