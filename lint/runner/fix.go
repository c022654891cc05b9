package runner

import (
	"hash/maphash"
	"slices"
	"sort"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/source"
)

// Apply applies the first applicable fix of each diagnostic to src: safe
// fixes, and unsafe ones too when unsafe is set. A fix whose edits overlap
// an edit already taken, or touch one in a way that would leave their
// order open (two insertions at one point, an insertion at either edge of
// a replacement taken before it), is skipped (the next run picks it up).
// It returns the new bytes and the number of fixes applied.
//
// It is one pass over the diagnostics: the edits taken are kept sorted,
// and an edit that comes after all of them, as the edits of the runner's
// sorted diagnostics do, is checked against the last few alone. An edit
// that reaches back before edits already taken costs a binary search and
// the move of the edits it precedes.
func Apply(src []byte, ds []lint.Diagnostic, unsafe bool) ([]byte, int) {
	out, n, _ := apply(src, ds, unsafe)
	return out, n
}

// apply is Apply that also returns the edits it took, sorted.
func apply(src []byte, ds []lint.Diagnostic, unsafe bool) ([]byte, int, []taken) {
	t := takenEdits{es: make([]taken, 0, len(ds))}
	applied := 0
	var buf []lint.TextEdit
	var order []int
	for di, d := range ds {
		for fi, f := range d.Fixes {
			if f.Applicability == lint.DisplayOnly || f.Applicability == lint.Unsafe && !unsafe {
				continue
			}
			own := f.Edits
			order = order[:0]
			if !editsSorted(own) {
				for k := range own {
					order = append(order, k)
				}
				sort.SliceStable(order, func(i, j int) bool { return own[order[i]].Start < own[order[j]].Start })
				buf = buf[:0]
				for _, k := range order {
					buf = append(buf, own[k])
				}
				own = buf
			}
			clash := false
			for k, e := range own {
				if e.Start > e.End || k > 0 && (e.Start < own[k-1].End || e.Start == own[k-1].Start) || t.clashes(e.Start, e.End) {
					clash = true
					break
				}
			}
			if !clash {
				for k, e := range own {
					ei := k
					if len(order) > 0 {
						ei = order[k]
					}
					t.add(taken{start: e.Start, end: e.End, size: len(e.New), d: int32(di), f: int32(fi), e: int32(ei)})
				}
				applied++
			}
			break
		}
	}
	if applied == 0 {
		return src, 0, nil
	}
	size := len(src)
	for _, e := range t.es {
		size += e.size - (e.end - e.start)
	}
	out := make([]byte, 0, size)
	pos := 0
	for _, e := range t.es {
		out = append(out, src[pos:e.start]...)
		out = append(out, ds[e.d].Fixes[e.f].Edits[e.e].New...)
		pos = e.end
	}
	out = append(out, src[pos:]...)
	return out, applied, t.es
}

func editsSorted(es []lint.TextEdit) bool {
	for k := 1; k < len(es); k++ {
		if es[k].Start < es[k-1].Start {
			return false
		}
	}
	return true
}

// taken is an edit Apply took: its span, the length of its new text and
// where it is (diagnostic, fix, edit), without pointers for the collector
// to follow in a million of them.
type taken struct {
	start, end, size int
	d, f, e          int32
}

// takenEdits are the edits Apply took, sorted by start (edits with one
// start in the order taken: an insertion, then the replacement that
// starts there). No two overlap, so their ends are sorted too: each ends
// at or before the next one's start.
type takenEdits struct{ es []taken }

// clashes reports whether the edit [start, end) overlaps a taken edit, has
// the same span as one, or is an insertion at the start or end of one.
func (t *takenEdits) clashes(start, end int) bool {
	es := t.es
	// Every edit that can clash ends at or after start and starts at or
	// before end: a few edits around the span, or a clash.
	i := len(es)
	for i > 0 && es[i-1].end >= start {
		if i < len(es)-4 {
			// the edit reaches back: find the first one ending at or after its start
			i = sort.Search(i, func(k int) bool { return es[k].end >= start })
			break
		}
		i--
	}
	for ; i < len(es) && es[i].start <= end; i++ {
		x := es[i]
		if start < x.end && x.start < end || start == x.start && end == x.end {
			return true
		}
		// two insertions at one point, or an insertion at an edit's edge
		if start == end && (start == x.start || start == x.end) {
			return true
		}
	}
	return false
}

// add records an edit that clashes with none taken, after the edits that
// start where it starts.
func (t *takenEdits) add(e taken) {
	n := len(t.es)
	if n == 0 || t.es[n-1].start <= e.start {
		t.es = append(t.es, e)
		return
	}
	i := sort.Search(n, func(k int) bool { return t.es[k].start > e.start })
	t.es = slices.Insert(t.es, i, e)
}

// Parsed is a document and the filter its format applies to diagnostics
// (markup drops suppressed findings and fixes that would touch markup);
// Filter may be nil.
type Parsed struct {
	Doc    *source.Document
	Filter func([]lint.Diagnostic) []lint.Diagnostic
	// Suppressed, when set, reports whether a directive silences a
	// finding of rule starting at a source offset: such findings are
	// dropped as the rules report them, before they count towards
	// MaxPerRule (Filter would drop them after, and a rule's first
	// thousand could all be silenced ones). Filter must drop them too.
	Suppressed func(rule string, srcOffset int) bool
	// Facts is what is known of the document (nil: nothing); the rules
	// add what they learn.
	Facts *lint.Facts
}

// Check lints a parsed document and applies its filter. A plain-text
// document larger than SectionThreshold is checked section by section
// (see Sections).
func Check(p Parsed, rules []lint.Active) []lint.Diagnostic {
	if sectioned(p) {
		return checkSections(p, rules)
	}
	ds, _ := check(p, rules, runOptions{})
	return ds
}

// check is Check with the options of a run; more, which opts.fix asks
// for, is filtered too.
func check(p Parsed, rules []lint.Active, opts runOptions) (ds, more []lint.Diagnostic) {
	opts.facts, opts.suppressed = p.Facts, p.Suppressed
	ds, more = run(p.Doc, rules, opts)
	if p.Filter != nil {
		ds = p.Filter(ds)
		if len(more) > 0 {
			more = p.Filter(more)
		}
	}
	return ds, more
}

// withMore returns the diagnostics of a round of FixParsed with the fixes
// past MaxPerRule put back among them, in the order a run without the cap
// would give Apply, so that the cap changes nothing that is fixed.
func withMore(ds, more []lint.Diagnostic, rules []lint.Active) []lint.Diagnostic {
	if len(more) == 0 {
		return ds
	}
	order := make(map[string]int, len(rules))
	lists := map[string]bool{}
	for k, r := range rules {
		if _, ok := order[r.ID]; !ok {
			order[r.ID] = k
		}
		if r.Kind == lint.Substitution {
			lists[r.ID] = true
		}
	}
	// both are sorted by position, ties in the order of the rules
	first := func(a, b *lint.Diagnostic) bool {
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return order[a.Rule] <= order[b.Rule]
	}
	all := make([]lint.Diagnostic, 0, len(ds)+len(more))
	i, j := 0, 0
	for i < len(ds) || j < len(more) {
		if j == len(more) || i < len(ds) && first(&ds[i], &more[j]) {
			all = append(all, ds[i])
			i++
		} else {
			all = append(all, more[j])
			j++
		}
	}
	return settle(dropShadowed(dedupe(all), lists))
}

// FixAll is FixParsed for documents without a filter (plain text): newDoc
// rebuilds the document from fixed bytes. It returns the final bytes, the
// diagnostics that remain and the number of fixes applied (the findings
// on what later rounds also fixed are not among them: see FixParsed).
func FixAll(doc *source.Document, rules []lint.Active, unsafe bool, newDoc func([]byte) (*source.Document, error)) ([]byte, []lint.Diagnostic, int, error) {
	out, _, ds, n, _, err := FixParsed(Parsed{Doc: doc}, rules, unsafe, func(b []byte) (Parsed, error) {
		d, err := newDoc(b)
		return Parsed{Doc: d}, err
	})
	return out, ds, n, err
}

// FixParsed applies fixes and lints again until nothing changes (at most
// 10 rounds). parse rebuilds the document from fixed bytes. It returns the
// final bytes, the last parse, its diagnostics, the number of fixes
// applied and also, the fixes it made that checking the document would
// not have reported.
//
// Every round applies every fix it can, so that a second run changes
// nothing. A fix of a round after the first whose edits do not lie inside
// the spans the first round's findings named (their spans and their
// fixes' edits, followed through the edits made since) was brought about
// by another fix: a consistency rule whose counts a first fix changed
// (fixing المسؤلين makes مسؤول the majority, and مسئول is rewritten).
// Each such fix is returned in also, an info finding of its rule without
// a fix, on the text it wrote in the final bytes (followed through the
// edits made after it; an edit across one of its ends stretches it over
// that edit), saying what it changed; at most MaxPerRule of them per rule,
// then a note counting the others. Fixes that need several rounds within
// what was reported (a run of spaces halved each round) are not listed.
//
// The findings of a rule past MaxPerRule, which the report counts in a
// note, are fixed too: the runner keeps their fixes, not their messages,
// and puts them back in order for Apply. The diagnostics returned are
// capped.
//
// Two rules whose fixes undo each other would make the text go round a
// cycle; the loop stops at the first text it meets again, and returns that
// text with the fixes that led to it (and what also lists of them), so
// that a second run, starting there, changes nothing either.
func FixParsed(p Parsed, rules []lint.Active, unsafe bool, parse func([]byte) (Parsed, error)) (out []byte, last Parsed, ds []lint.Diagnostic, applied int, also []lint.Diagnostic, err error) {
	if sectioned(p) {
		return fixSections(p, rules, unsafe, parse)
	}
	// one scratch for every round (see runOptions.sc)
	sc := getScratch()
	defer sc.release()
	out, last, ds, applied, later, err := fixRounds(p, rules, parse, runOptions{fix: true, unsafe: unsafe, sc: sc})
	if err != nil {
		return nil, Parsed{}, nil, 0, nil, err
	}
	var lang i18n.Lang
	if last.Facts != nil {
		lang = last.Facts.Lang
	}
	return out, last, ds, applied, laterFindings(later, lang), nil
}

// fixRounds is FixParsed with the options of its runs (opts.sc set), that
// returns the fixes later rounds made outside what was reported as they
// are, for FixParsed or fixSections to turn into findings.
func fixRounds(p Parsed, rules []lint.Active, parse func([]byte) (Parsed, error), opts runOptions) (out []byte, last Parsed, ds []lint.Diagnostic, applied int, later []laterFix, err error) {
	total := 0
	unsafe := opts.unsafe
	ds, more := check(p, rules, opts)
	var reported spans
	// the texts met so far, by hash and length (not their bytes: a long
	// file would be kept ten times over), with the fixes that led to each
	type state struct {
		hash uint64
		size int
	}
	type snapshot struct {
		total int
		later []laterFix
	}
	seen := map[state]snapshot{}
	seed := maphash.MakeSeed()
	remember := func(src []byte, total int) (snapshot, bool) {
		st := state{maphash.Bytes(seed, src), len(src)}
		if before, ok := seen[st]; ok {
			return before, true
		}
		seen[st] = snapshot{total, slices.Clone(later)}
		return snapshot{}, false
	}
	for round := 0; round < 10; round++ {
		all := withMore(ds, more, rules)
		if round == 0 {
			reported = reportedSpans(all)
		}
		out, n, taken := apply(p.Doc.Src, all, unsafe)
		if n == 0 {
			break
		}
		if round == 0 {
			remember(p.Doc.Src, 0)
		} else {
			later = followLater(later, taken)
			later = append(later, unreported(p.Doc.Src, out, all, taken, reported)...)
		}
		reported.follow(taken)
		total += n
		if p, err = parse(out); err != nil {
			return nil, Parsed{}, nil, 0, nil, err
		}
		ds, more = check(p, rules, opts)
		if before, again := remember(out, total); again {
			// p is that text again: report it with the fixes up to it
			total, later = before.total, before.later
			break
		}
	}
	return p.Doc.Src, p, ds, total, later, nil
}

// laterFix is a fix a round after the first applied outside the spans the
// first round reported: its span in the current text and what it did.
type laterFix struct {
	rule       string
	start, end int
	old, new   string
}

// unreported returns the fixes Apply took (taken, sorted, from ds on src,
// giving out) with an edit outside the reported spans, on out.
func unreported(src, out []byte, ds []lint.Diagnostic, taken []taken, reported spans) []laterFix {
	var outside map[int32]bool
	for _, t := range taken {
		if !outside[t.d] && !reported.cover([]lint.TextEdit{{Start: t.start, End: t.end}}) {
			if outside == nil {
				outside = map[int32]bool{}
			}
			outside[t.d] = true
		}
	}
	if len(outside) == 0 {
		return nil
	}
	// each fix's span before and after: from its first edit to its last
	type pos struct{ oldStart, oldEnd, newStart, newEnd int }
	at := map[int32]*pos{}
	var order []int32
	shift := 0
	for _, t := range taken {
		ns := t.start + shift
		ne := ns + t.size
		shift += t.size - (t.end - t.start)
		if !outside[t.d] {
			continue
		}
		if x := at[t.d]; x != nil {
			x.oldEnd, x.newEnd = t.end, ne
			continue
		}
		at[t.d] = &pos{t.start, t.end, ns, ne}
		order = append(order, t.d)
	}
	fs := make([]laterFix, 0, len(order))
	for _, d := range order {
		x := at[d]
		fs = append(fs, laterFix{
			rule: ds[d].Rule, start: x.newStart, end: x.newEnd,
			old: string(src[x.oldStart:x.oldEnd]), new: string(out[x.newStart:x.newEnd]),
		})
	}
	return fs
}

// followLater moves the fixes' spans through the edits Apply took
// (sorted). A position inside an edit's span, which no position of the
// new text matches exactly, goes to the nearest edge that keeps the span
// over the edit: a start to the edit's new start, an end to its new end.
// An insertion at a span's start is put before the span, one at its end
// after it.
func followLater(fs []laterFix, ts []taken) []laterFix {
	if len(fs) == 0 || len(ts) == 0 {
		return fs
	}
	cum := make([]int, len(ts)+1) // the shift of the edits before ts[i]
	for i, t := range ts {
		cum[i+1] = cum[i] + t.size - (t.end - t.start)
	}
	mapStart := func(p int) int {
		i := sort.Search(len(ts), func(k int) bool { return ts[k].end > p })
		if i < len(ts) && ts[i].start < p {
			return ts[i].start + cum[i]
		}
		return p + cum[i]
	}
	mapEnd := func(p int) int {
		i := sort.Search(len(ts), func(k int) bool { return ts[k].end > p || ts[k].start == p && ts[k].end == p })
		if i < len(ts) && ts[i].start < p {
			return ts[i].start + cum[i] + ts[i].size
		}
		return p + cum[i]
	}
	for i := range fs {
		fs[i].start, fs[i].end = mapStart(fs[i].start), mapEnd(fs[i].end)
		fs[i].end = max(fs[i].end, fs[i].start)
	}
	return fs
}

// laterFindings turns the fixes later rounds made outside what was
// reported into info findings, sorted by position, at most MaxPerRule per
// rule and a note counting the others.
func laterFindings(fs []laterFix, lang i18n.Lang) []lint.Diagnostic {
	if len(fs) == 0 {
		return nil
	}
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].start != fs[j].start {
			return fs[i].start < fs[j].start
		}
		return fs[i].end < fs[j].end
	})
	kept := map[string]int{}
	over := map[string]int{}
	var ds, notes []lint.Diagnostic
	for _, f := range fs {
		if kept[f.rule] == MaxPerRule {
			if over[f.rule] == 0 {
				notes = append(notes, lint.Diagnostic{Start: f.start, End: f.end, Rule: f.rule, Level: lint.Info})
			}
			over[f.rule]++
			continue
		}
		kept[f.rule]++
		ds = append(ds, lint.Diagnostic{
			Start: f.start, End: f.end, Rule: f.rule, Level: lint.Info,
			Message: i18n.Text(lang, "also-fixed", excerpt(f.old), excerpt(f.new)),
		})
	}
	for _, n := range notes {
		k := over[n.Rule]
		n.Message = i18n.Plural(lang, "text", "also-fixed-more", k)
		ds = append(ds, n)
	}
	if len(notes) > 0 {
		sortByPosition(ds)
	}
	return ds
}

// excerpt shortens a long text to its first and last 20 characters.
func excerpt(s string) string {
	const keep = 20
	r := []rune(s)
	if len(r) <= 2*keep+1 {
		return s
	}
	return string(r[:keep]) + "…" + string(r[len(r)-keep:])
}

// spans are sorted byte ranges of a text, apart from each other (one
// ends before the next starts): the spans the first round of FixParsed
// reported, in the current text.
type spans []span

type span struct{ start, end int }

// reportedSpans returns the spans of ds and of their fixes' edits, merged.
func reportedSpans(ds []lint.Diagnostic) spans {
	var out spans
	for _, d := range ds {
		out = append(out, span{d.Start, d.End})
		for _, f := range d.Fixes {
			for _, e := range f.Edits {
				if e.Start <= e.End {
					out = append(out, span{e.Start, e.End})
				}
			}
		}
	}
	return out.merge()
}

// merge sorts the spans and joins those that overlap or touch.
func (ss spans) merge() spans {
	sorted := true
	for i := 1; i < len(ss) && sorted; i++ {
		sorted = ss[i].start >= ss[i-1].start
	}
	if !sorted {
		sort.Slice(ss, func(i, j int) bool { return ss[i].start < ss[j].start })
	}
	out := ss[:0]
	for _, s := range ss {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// cover reports whether every edit lies inside one span (an insertion at
// either end of a span counts).
func (ss spans) cover(es []lint.TextEdit) bool {
	for _, e := range es {
		// the last span starting at or before the edit
		i := sort.Search(len(ss), func(k int) bool { return ss[k].start > e.Start }) - 1
		if i < 0 || e.End > ss[i].end {
			return false
		}
	}
	return true
}

// follow moves the spans through the edits Apply took (sorted): a span
// grows or shrinks by the edits inside it (those it covers) and moves by
// those before it. An edit the spans do not cover (a fix FixParsed lists)
// cuts the spans it overlaps: they keep their parts before and after it,
// up to its edges, and the text it wrote is not in them.
func (ss *spans) follow(ts []taken) {
	if len(ts) == 0 {
		return
	}
	old := *ss
	var cuts []span
	for _, t := range ts {
		if t.start < t.end && !old.cover([]lint.TextEdit{{Start: t.start, End: t.end}}) {
			cuts = append(cuts, span{t.start, t.end})
		}
	}
	pieces := old
	if len(cuts) > 0 {
		pieces = make(spans, 0, len(old)+len(cuts))
		c := 0
		for _, s := range old {
			for c < len(cuts) && cuts[c].end <= s.start {
				c++
			}
			a := s.start
			for j := c; j < len(cuts) && cuts[j].start < s.end; j++ {
				if cuts[j].start >= a {
					pieces = append(pieces, span{a, cuts[j].start})
				}
				a = cuts[j].end
			}
			if a <= s.end {
				pieces = append(pieces, span{a, s.end})
			}
		}
	}
	cum := make([]int, len(ts)+1) // the shift of the edits before ts[i]
	for i, t := range ts {
		cum[i+1] = cum[i] + t.size - (t.end - t.start)
	}
	for i, p := range pieces {
		// a start moves by the edits that end before it or at it, but
		// not by an insertion there (inside the span); an end by the
		// edits that start before it and an insertion there
		b := sort.Search(len(ts), func(k int) bool { return ts[k].end > p.start || ts[k].end == p.start && ts[k].start == p.start })
		e := sort.Search(len(ts), func(k int) bool { return ts[k].start > p.end || ts[k].start == p.end && ts[k].end > p.end })
		pieces[i] = span{p.start + cum[b], p.end + cum[e]}
	}
	*ss = pieces.merge()
}
