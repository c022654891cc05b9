// Package source holds the rules that compare an article with the wire
// copy it was rewritten from (lint.Facts.Source): numbers, names,
// quotations and dates that changed on the way. They run only when a
// source is given, and report on the article alone.
package source

import (
	"fmt"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/dates"
)

// newRule completes a source rule: its Run gets the comparison, made once
// per article for all of them, and only when there is a source.
func newRule(r lint.Rule, run func(*lint.Pass, *compared)) (*lint.Rule, error) {
	r.Kind = lint.Code
	r.Category = "source"
	r.Level = lint.Warning
	r.Run = func(p *lint.Pass) {
		if p.Facts == nil || p.Facts.Source == nil || p.Facts.Source.Doc == nil {
			return
		}
		run(p, compare(p))
	}
	return &r, nil
}

// compared is the article and its wire, read and aligned.
type compared struct {
	src       *lint.Source
	art, wire *text
	aligned   [][]int32 // article sentence → wire sentences
	wirePass  *lint.Pass
	artRefs   []dates.Ref
	wireRefs  []dates.Ref
	artNums   [][]number // per article sentence (aligned ones only)
	wireNums  [][]number // per wire sentence
}

func compare(p *lint.Pass) *compared {
	return p.Memo("source.compared", func() any {
		src := p.Facts.Source
		c := &compared{src: src, art: newText(p.Text, p.Tokens), wire: newText(src.Doc.Text, src.Tokens)}
		c.aligned = newAligner(c.wire).align(c.art)
		// the wire's dates, resolved against its own dateline
		var sp arabic.Splits
		sp.Analyze(src.Tokens)
		c.wirePass = &lint.Pass{}
		c.wirePass.Init(nil, src.Doc, src.Tokens, &sp, nil, &lint.Facts{Dateline: src.Dateline, Lang: p.Lang()}, map[string]any{}, func(lint.Diagnostic) {})
		c.wireRefs = dates.Refs(c.wirePass)
		c.artRefs = dates.Refs(p)
		// numbers: those inside dates are the date rule's
		c.artNums = make([][]number, len(c.art.sents))
		for i, s := range c.art.sents {
			if c.aligned[i] != nil {
				c.artNums[i] = numbers(c.art, s.lo, s.hi, inRefs(c.artRefs))
			}
		}
		c.wireNums = make([][]number, len(c.wire.sents))
		for i, s := range c.wire.sents {
			c.wireNums[i] = numbers(c.wire, s.lo, s.hi, inRefs(c.wireRefs))
		}
		return c
	}).(*compared)
}

// inRefs reports whether a span lies inside one of the dates (in order).
func inRefs(refs []dates.Ref) func(start, end int) bool {
	return func(start, end int) bool {
		for _, r := range refs {
			if r.Start <= start && end <= r.End {
				return true
			}
			if r.Start > end {
				break
			}
		}
		return false
	}
}

// where names a place in the wire for a message: "wire.txt:3".
func (c *compared) where(off int) string {
	return fmt.Sprintf("%s:%d", c.src.Name, c.src.Doc.Pos(c.src.Doc.ToSrc(off)).Line)
}

// sentenceOf returns the article sentence that holds the byte offset.
func (t *text) sentenceAt(off int) int {
	lo, hi := 0, len(t.sents)
	for lo < hi {
		m := (lo + hi) / 2
		s := t.sents[m]
		switch {
		case t.toks[s.hi-1].End <= off:
			lo = m + 1
		case t.toks[s.lo].Start > off:
			hi = m
		default:
			return m
		}
	}
	return -1
}

// wireSentences returns the wire sentences of the article sentence that
// holds the byte offset.
func (c *compared) wireSentences(off int) []int32 {
	if s := c.art.sentenceAt(off); s >= 0 {
		return c.aligned[s]
	}
	return nil
}
