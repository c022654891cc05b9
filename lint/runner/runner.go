// Package runner runs configured rules over a document and turns their
// findings into diagnostics on the source bytes, sorted and without
// duplicates; fix.go applies their fixes.
package runner

import (
	"sort"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/source"
)

// MaxPerRule is the most findings one rule reports on one document. The
// rest are counted, not kept: one more finding of the rule, at the
// position of the first left out (MaxPerRule+1st by position), says how
// many there are, at the info level and without a fix. Each finding costs
// memory in every front end (a kilobyte or more in the outputs), and a
// thousand of one rule say what a million would.
const MaxPerRule = 1000

// Run runs the rules over doc. The diagnostics' offsets (and their fixes')
// are byte offsets into doc.Src, sorted by position; each rule reports at
// most MaxPerRule of them.
func Run(doc *source.Document, rules []lint.Active) []lint.Diagnostic {
	return RunFacts(doc, rules, nil)
}

// RunFacts is Run with what is known of the document: its passes share
// facts (nil: none known), and the rules may add what they learn to it.
func RunFacts(doc *source.Document, rules []lint.Active, facts *lint.Facts) []lint.Diagnostic {
	ds, _ := run(doc, rules, runOptions{facts: facts})
	return ds
}

// runOptions are the settings of one run.
type runOptions struct {
	facts *lint.Facts
	// suppressed, when set, drops a finding of a rule starting at a source
	// offset before it counts towards MaxPerRule.
	suppressed func(rule string, srcOffset int) bool
	// fix: also return the findings past MaxPerRule that have a fix to
	// apply (safe ones, unsafe ones too with unsafe), without their
	// messages, for FixParsed.
	fix, unsafe bool
	// sc, when set, is the scratch memory of the run, kept by the caller
	// for its next run over the same (fixed) text: FixParsed's rounds
	// over a 50 MB file reuse one token array of hundreds of megabytes
	// instead of taking a new one each round before the collector has
	// freed the last.
	sc *scratch
	// noDateline: do not look for a dateline printed at the top of the
	// text (a section after the first of a sectioned file: the file's
	// dateline is the one at the top of its first section).
	noDateline bool
	// overs, when set, receives what each rule left out past MaxPerRule
	// instead of a note among the diagnostics: a sectioned file counts
	// the cap over all its sections.
	overs *[]ruleOver
}

// ruleOver is what one rule left out past MaxPerRule in one run: how
// many findings and the span of the first of them by position.
type ruleOver struct {
	rule  string
	n     int
	first span
}

// run is RunFacts with options. more is what opts.fix asks for, sorted
// as the diagnostics are.
func run(doc *source.Document, rules []lint.Active, opts runOptions) (ds, more []lint.Diagnostic) {
	facts := opts.facts
	if facts == nil {
		facts = &lint.Facts{}
	}
	sc := opts.sc
	if sc == nil {
		sc = getScratch()
		defer sc.release()
	} else {
		defer sc.reset()
	}
	sc.toks = arabic.AppendTokens(sc.toks[:0], doc.Text)
	sc.splits.Analyze(sc.toks)
	toks, splits, memo := sc.toks, &sc.splits, sc.memo
	if !facts.Printed.Known() && !opts.noDateline {
		if d, ok := lint.FindPrinted(doc, toks, splits, facts, memo); ok {
			facts.Printed = d
			if !facts.Dateline.Known() {
				facts.Dateline = d
			}
		}
	}
	for len(sc.reps) < len(rules) {
		rep := &reporter{out: &sc.out, more: &sc.more}
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
		rep.start(r, doc, opts)
		p := sc.passes[k]
		p.Init(r.Rule, doc, toks, splits, r.Options, facts, memo, sc.fns[k])
		r.Run(p)
	}
	out := sc.out
	var notes []lint.Diagnostic
	if opts.overs != nil {
		*opts.overs = (*opts.overs)[:0]
	}
	for k, r := range rules {
		if n := sc.reps[k].over; n > 0 {
			first := sc.reps[k].first
			if opts.overs != nil {
				*opts.overs = append(*opts.overs, ruleOver{rule: r.ID, n: n, first: first})
				continue
			}
			notes = append(notes, lint.Diagnostic{
				Start: first.start, End: first.end, Rule: r.ID, Level: lint.Info,
				Message: i18n.Plural(facts.Lang, "text", "more-findings", n),
			})
		}
	}
	if doc.Mapped() {
		for i := range out {
			toSrc(doc, &out[i])
		}
		for i := range notes {
			toSrc(doc, &notes[i])
		}
		for i := range sc.more {
			toSrc(doc, &sc.more[i])
		}
	}
	sortByPosition(out)
	out = settle(dropShadowed(dedupe(out), lists))
	if len(sc.more) > 0 {
		// handed over, not copied: there may be a million
		more, sc.more = sc.more, nil
		sortByPosition(more)
	}
	if len(out)+len(notes) == 0 {
		return nil, more
	}
	// the notes after dedupe: a note is not the same finding as another
	// rule's finding without a fix on its span
	ds = append(append(make([]lint.Diagnostic, 0, len(out)+len(notes)), out...), notes...)
	if len(notes) > 0 {
		sortByPosition(ds)
	}
	return ds, more
}

// sortByPosition sorts diagnostics by start, then end, keeping the order
// of those with one span (the order of the rules, then of their reports).
func sortByPosition(ds []lint.Diagnostic) {
	less := func(i, j int) bool {
		if ds[i].Start != ds[j].Start {
			return ds[i].Start < ds[j].Start
		}
		return ds[i].End < ds[j].End
	}
	for i := 1; i < len(ds); i++ {
		if less(i, i-1) {
			sort.SliceStable(ds, less)
			return
		}
	}
}

// reporter receives one rule's diagnostics for Run: it drops those the
// rule must ignore or a directive suppresses, keeps the first MaxPerRule
// by position in out and counts the others.
type reporter struct {
	level      lint.Level
	ignore     map[string]bool // word keys the rule must not flag
	text       string          // the document's text
	doc        *source.Document
	suppressed func(rule string, srcOffset int) bool
	fix        bool // keep the fixes past the cap in more
	unsafe     bool
	out, more  *[]lint.Diagnostic

	begin int     // where the rule's findings start in out
	kept  int     // how many it has there
	last  span    // the span of the last one by position
	heap  []int32 // past the cap, out of order: the kept, greatest first (indexes from begin)
	over  int     // findings left out
	first span    // the first of them by position
}

// start prepares r for the run of one rule.
func (r *reporter) start(a lint.Active, doc *source.Document, opts runOptions) {
	heap := r.heap[:0]
	*r = reporter{
		level: a.Level, ignore: a.Ignore, text: doc.Text, doc: doc,
		suppressed: opts.suppressed, fix: opts.fix, unsafe: opts.unsafe,
		out: r.out, more: r.more, begin: len(*r.out), heap: heap,
	}
}

func (r *reporter) report(d lint.Diagnostic) {
	if len(r.ignore) > 0 && ignored(r.text[d.Start:d.End], r.ignore) {
		return
	}
	if r.suppressed != nil && r.suppressed(d.Rule, r.doc.ToSrcStart(d.Start)) {
		return
	}
	if d.Level == 0 || d.Level > r.level {
		d.Level = r.level
	}
	at := span{d.Start, d.End}
	if r.kept < MaxPerRule {
		*r.out = append(*r.out, d)
		if r.kept == 0 || !at.before(r.last) {
			r.last = at
		}
		r.kept++
		return
	}
	// Past the cap. Rules report in order of position, nearly all: then
	// the finding is left out. One that comes before a kept finding takes
	// the place of the last kept one, which is left out instead.
	if len(r.heap) == 0 && !at.before(r.last) {
		r.leaveOut(d)
		return
	}
	kept := (*r.out)[r.begin:]
	if len(r.heap) == 0 {
		for i := range kept {
			r.heap = append(r.heap, int32(i))
		}
		for i := len(r.heap)/2 - 1; i >= 0; i-- {
			r.down(kept, i)
		}
	}
	top := &kept[r.heap[0]]
	if !at.before(span{top.Start, top.End}) {
		r.leaveOut(d)
		return
	}
	r.leaveOut(*top)
	*top = d
	r.down(kept, 0)
}

// down restores the heap order below heap[i].
func (r *reporter) down(kept []lint.Diagnostic, i int) {
	h := r.heap
	greater := func(a, b int32) bool {
		return span{kept[b].Start, kept[b].End}.before(span{kept[a].Start, kept[a].End})
	}
	for {
		big, l, rt := i, 2*i+1, 2*i+2
		if l < len(h) && greater(h[l], h[big]) {
			big = l
		}
		if rt < len(h) && greater(h[rt], h[big]) {
			big = rt
		}
		if big == i {
			return
		}
		h[i], h[big] = h[big], h[i]
		i = big
	}
}

// leaveOut counts a finding past the cap, and keeps its fix, without its
// message, when FixParsed needs it.
func (r *reporter) leaveOut(d lint.Diagnostic) {
	at := span{d.Start, d.End}
	if r.over == 0 || at.before(r.first) {
		r.first = at
	}
	r.over++
	if r.fix && firstFix(d, r.unsafe) != nil {
		d.Message = ""
		*r.more = append(*r.more, d)
	}
}

// before orders spans by start, then end.
func (s span) before(t span) bool {
	return s.start < t.start || s.start == t.start && s.end < t.end
}

// firstFix is the fix of d that Apply tries: the first it may apply.
func firstFix(d lint.Diagnostic, unsafe bool) *lint.SuggestedFix {
	for i, f := range d.Fixes {
		if f.Applicability == lint.DisplayOnly || f.Applicability == lint.Unsafe && !unsafe {
			continue
		}
		return &d.Fixes[i]
	}
	return nil
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
	more   []lint.Diagnostic // the fixes past the cap, for FixParsed
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
	sc.reset()
	if cap(sc.toks) > maxPooledTokens || cap(sc.out) > maxPooledDiagnostics || cap(sc.more) > maxPooledDiagnostics {
		return
	}
	select {
	case scratchFree <- sc:
	default:
	}
}

// reset drops what the run left that points into its document or its
// findings, keeping the memory for the next run.
func (sc *scratch) reset() {
	clear(sc.toks) // their keys point into the document's text
	clear(sc.memo)
	clear(sc.lists)
	clear(sc.out)
	sc.out = sc.out[:0]
	clear(sc.more)
	sc.more = sc.more[:0]
	for k := range sc.passes {
		*sc.passes[k] = lint.Pass{}
		rep := sc.reps[k]
		rep.ignore, rep.text, rep.doc, rep.suppressed = nil, "", nil, nil
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

// precedence orders the built-in families when two rules flag the same
// span with different fixes: the curated word lists of spelling first
// (spelling/missing-hamza's إلى over orthography/final-yeh's الي on «الى»),
// then grammar, orthography, punctuation (a space deleted before a mark
// over a space normalised), typography (a tatweel removed is also removed
// by any fix above, which rewrites the whole word), and the families whose
// fixes are guesses last. A family not listed (a configuration's own
// rules) comes first: the newsroom's lists are deliberate.
var precedence = map[string]int{
	"spelling": 1, "grammar": 2, "orthography": 3, "punctuation": 4, "typography": 5,
	"consistency": 6, "repetition": 7, "dates": 8, "entities": 9, "lexicon": 10,
}

func rank(rule string) int {
	family, _, _ := strings.Cut(rule, "/")
	return precedence[family]
}

// better reports whether d's fix should win over o's on the same span: a
// safe fix over an unsafe one (a guess from the text's habit, such as
// final-yeh's مرةأخري, loses to a listed fix: مرة أخرى), then the family
// that comes first in precedence.
func better(d, o lint.Diagnostic) bool {
	ds, os := d.Fixes[0].Applicability == lint.Safe, o.Fixes[0].Applicability == lint.Safe
	if ds != os {
		return ds
	}
	return rank(d.Rule) < rank(o.Rule)
}

// settle leaves one fix per span: of the findings of several rules on
// exactly the same span whose fixes differ, only the one whose fix is
// safe, then of the family that comes first in precedence, is kept
// (ties: the first reported). An
// editor cannot take both fixes, and --fix would take whichever came
// first. Findings without a fix are kept: they offer nothing to choose.
// ds is sorted by position.
func settle(ds []lint.Diagnostic) []lint.Diagnostic {
	out := ds[:0]
	for _, d := range ds {
		if len(d.Fixes) > 0 {
			k := len(out) - 1
			for ; k >= 0 && out[k].Start == d.Start; k-- {
				if o := out[k]; o.End == d.End && len(o.Fixes) > 0 && o.Rule != d.Rule && firstSuggestion(o) != firstSuggestion(d) {
					break
				}
			}
			if k >= 0 && out[k].Start == d.Start {
				if better(d, out[k]) {
					out[k] = d
				}
				continue
			}
		}
		out = append(out, d)
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
