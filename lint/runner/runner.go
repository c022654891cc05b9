// Package runner runs configured rules over a document and turns their
// findings into diagnostics on the source bytes, sorted and without
// duplicates; fix.go applies their fixes.
package runner

import (
	"sort"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/source"
)

// Run runs the rules over doc. The diagnostics' offsets (and their fixes')
// are byte offsets into doc.Src, sorted by position.
func Run(doc *source.Document, rules []lint.Active) []lint.Diagnostic {
	return RunFacts(doc, rules, nil)
}

// RunFacts is Run with what is known of the document: its passes share
// facts (nil: none known), and the rules may add what they learn to it.
func RunFacts(doc *source.Document, rules []lint.Active, facts *lint.Facts) []lint.Diagnostic {
	if facts == nil {
		facts = &lint.Facts{}
	}
	sc := getScratch()
	defer sc.release()
	sc.toks = arabic.AppendTokens(sc.toks[:0], doc.Text)
	sc.splits.Analyze(sc.toks)
	toks, splits, memo := sc.toks, &sc.splits, sc.memo
	for len(sc.reps) < len(rules) {
		rep := &reporter{out: &sc.out}
		sc.reps = append(sc.reps, rep)
		sc.fns = append(sc.fns, rep.report)
		sc.passes = append(sc.passes, new(lint.Pass))
	}
	lists := sc.lists // rules that match word lists
	for k, r := range rules {
		if r.Kind == lint.Substitution {
			lists[r.ID] = true
		}
		rep := sc.reps[k]
		rep.level, rep.ignore, rep.text = r.Level, r.Ignore, doc.Text
		p := sc.passes[k]
		p.Init(r.Rule, doc, toks, splits, r.Options, facts, memo, sc.fns[k])
		r.Run(p)
	}
	out := sc.out
	if doc.Mapped() {
		for i := range out {
			toSrc(doc, &out[i])
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End < out[j].End
	})
	out = dropShadowed(dedupe(out), lists)
	if len(out) == 0 {
		return nil
	}
	return append([]lint.Diagnostic(nil), out...)
}

// reporter receives one rule's diagnostics for Run.
type reporter struct {
	level  lint.Level
	ignore map[string]bool // word keys the rule must not flag
	text   string          // the document's text
	out    *[]lint.Diagnostic
}

func (r *reporter) report(d lint.Diagnostic) {
	if len(r.ignore) > 0 && ignored(r.text[d.Start:d.End], r.ignore) {
		return
	}
	if d.Level == 0 || d.Level > r.level {
		d.Level = r.level
	}
	*r.out = append(*r.out, d)
}

// scratch is the memory of one Run that the next can reuse: tokens, their
// splits, the memo map, the passes and what receives their diagnostics.
// Nothing Run returns points into it.
type scratch struct {
	toks   []arabic.Token
	splits arabic.Splits
	memo   map[string]any
	lists  map[string]bool
	reps   []*reporter
	fns    []func(lint.Diagnostic) // reps[k].report
	passes []*lint.Pass
	out    []lint.Diagnostic
}

// scratchFree holds the scratch memory of finished runs for the next ones:
// a few, one per worker in practice. Not a sync.Pool, which every garbage
// collection empties: then each worker would take fresh megabytes from the
// system for its next file's tokens, several times a second.
var scratchFree = make(chan *scratch, 8)

func getScratch() *scratch {
	select {
	case sc := <-scratchFree:
		return sc
	default:
		return &scratch{memo: map[string]any{}, lists: map[string]bool{}}
	}
}

// maxPooledTokens and maxPooledDiagnostics bound the buffers kept for the
// next document (a huge file's are not kept alive for small ones).
const (
	maxPooledTokens      = 1 << 16
	maxPooledDiagnostics = 1 << 14
)

// release drops what the run left that points into its document or its
// findings, and returns sc to the pool.
func (sc *scratch) release() {
	clear(sc.toks) // their keys point into the document's text
	clear(sc.memo)
	clear(sc.lists)
	clear(sc.out)
	sc.out = sc.out[:0]
	for k := range sc.passes {
		*sc.passes[k] = lint.Pass{}
		sc.reps[k].ignore, sc.reps[k].text = nil, ""
	}
	if cap(sc.toks) > maxPooledTokens || cap(sc.out) > maxPooledDiagnostics {
		return
	}
	select {
	case scratchFree <- sc:
	default:
	}
}

// dropShadowed applies longest-match across word lists: a substitution
// finding strictly inside another substitution finding's span is dropped
// (انشاء الله → إن شاء الله wins over انشاء → إنشاء).
func dropShadowed(ds []lint.Diagnostic, lists map[string]bool) []lint.Diagnostic {
	if len(lists) < 2 {
		return ds
	}
	out := ds[:0]
	for i, d := range ds {
		shadowed := false
		if lists[d.Rule] {
			for j := i - 1; j >= 0 && !shadowed; j-- {
				o := ds[j]
				if o.End <= d.Start && j < i-8 {
					break
				}
				shadowed = lists[o.Rule] && o.Start <= d.Start && o.End >= d.End && o.End-o.Start > d.End-d.Start
			}
			for j := i + 1; j < len(ds) && ds[j].Start == d.Start && !shadowed; j++ {
				o := ds[j]
				shadowed = lists[o.Rule] && o.End > d.End
			}
		}
		if !shadowed {
			out = append(out, d)
		}
	}
	return out
}

func toSrc(doc *source.Document, d *lint.Diagnostic) {
	d.Start, d.End = doc.ToSrcStart(d.Start), doc.ToSrc(d.End)
	for i := range d.Fixes {
		edits := make([]lint.TextEdit, len(d.Fixes[i].Edits))
		for j, e := range d.Fixes[i].Edits {
			start := doc.ToSrcStart(e.Start)
			end := max(doc.ToSrc(e.End), start)
			edits[j] = lint.TextEdit{Start: start, End: end, New: e.New}
		}
		d.Fixes[i].Edits = edits
	}
}

// ignored reports whether the flagged text, or what remains of it after a
// proclitic, is one of the ignored words.
func ignored(text string, ignore map[string]bool) bool {
	k := arabic.Key(text)
	if ignore[k] {
		return true
	}
	for _, p := range arabic.Prefixes(arabic.ClassAll) {
		if len(k) > len(p) && k[:len(p)] == p && ignore[k[len(p):]] {
			return true
		}
	}
	return false
}

// dedupe drops a diagnostic that repeats an earlier one: same span and the
// same first suggestion (two rules that agree say it once).
func dedupe(ds []lint.Diagnostic) []lint.Diagnostic {
	out := ds[:0]
	for _, d := range ds {
		dup := false
		for k := len(out) - 1; k >= 0 && out[k].Start == d.Start; k-- {
			if out[k].End == d.End && firstSuggestion(out[k]) == firstSuggestion(d) {
				dup = true
				if d.Level > out[k].Level {
					out[k].Level = d.Level
				}
				break
			}
		}
		if !dup {
			out = append(out, d)
		}
	}
	return out
}

func firstSuggestion(d lint.Diagnostic) string {
	if len(d.Fixes) == 0 || len(d.Fixes[0].Edits) == 0 {
		return "\x00none"
	}
	e := d.Fixes[0].Edits[0]
	return e.New
}

// AtLeast counts diagnostics at or above a level.
func AtLeast(ds []lint.Diagnostic, level lint.Level) int {
	n := 0
	for _, d := range ds {
		if d.Level >= level {
			n++
		}
	}
	return n
}
