package runner

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/source"
)

// SectionThreshold is the size in bytes past which Check and FixParsed
// read a plain-text document (one without an offset map: not Markdown or
// HTML) as an archive of articles rather than one article: they split its
// text into sections (Sections) and run the rules on each section as its
// own document, one after another, so that only one section's tokens and
// rule state are alive at a time. Below it nothing changes. A variable so
// that tests can lower it; not to be changed while documents are checked.
var SectionThreshold = 8 << 20

// SectionSize is the most bytes of one section (Sections cuts each between
// half of it and all of it). Like SectionThreshold, for tests to lower.
var SectionSize = 4 << 20

// What stays file-wide in a sectioned document: the dateline (the one the
// caller gave, else the one printed at the top of the first section, holds
// for every section; a date printed at the top of a later section is not a
// dateline), MaxPerRule and its note, counted over the whole file, the
// count of undated relative dates, diagnostics sorted by position on
// offsets into the whole file, and the fixed text, which is the
// concatenation of the sections fixed one by one (each with FixParsed's
// rounds). What a rule counts over its document (the variants of a word a
// consistency rule aligns, repeated lines and paragraphs, the habits of
// the text such as its digits) it counts over a section.

// sectioned reports whether p is checked section by section.
func sectioned(p Parsed) bool {
	return p.Doc != nil && !p.Doc.Mapped() && p.Suppressed == nil && len(p.Doc.Text) > SectionThreshold
}

// Sections returns where the sections of a text larger than SectionSize
// begin, and its length: 0 = b[0] < b[1] < … < b[n] = len(text); section
// k is text[b[k]:b[k+1]]. A text of at most SectionSize bytes is one
// section.
//
// Each cut lies between half of SectionSize and SectionSize past the last
// one: at the start of a paragraph (a line after a blank line: the blank
// lines go with the paragraph before), failing that of a line, failing
// that (one giant line) before a space between two words, failing that at
// a character boundary. Among the places of the first kind the window
// holds, the cut is the one whose next two dozen letters hash lowest, the
// letters read as the fixes leave them (hamza carriers, alef maqsura and
// yeh, taa marbuta and heh alike; no harakat, tatweel, digits, punctuation
// or spaces): fixing a section changes its length, and the cuts of the
// fixed text must fall where they fell before for a second --fix to find
// each section as the first left it. A cut that depends on the length
// alone would move with every fix before it.
func Sections(text string) []int {
	size := max(SectionSize, 2)
	bounds := []int{0}
	for start := 0; len(text)-start > size; {
		cut := bestCut(text, start+size/2, start+size)
		bounds = append(bounds, cut)
		start = cut
	}
	return append(bounds, len(text))
}

// cut kinds, best first
const (
	cutParagraph = iota
	cutLine
	cutWord
)

// bestCut returns where to cut text in [lo, hi] (0 < lo < hi < len(text)).
func bestCut(text string, lo, hi int) int {
	for kind := cutParagraph; kind <= cutWord; kind++ {
		best, low := -1, uint64(0)
		eachCut(text, lo, hi, kind, func(p int) {
			if h := letterHash(text, p); best < 0 || h < low {
				best, low = p, h
			}
		})
		if best >= 0 {
			return best
		}
	}
	p := hi
	for p > lo && !utf8.RuneStart(text[p]) {
		p--
	}
	return p
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }

// eachCut calls f with each place in [lo, hi] of a kind.
func eachCut(text string, lo, hi, kind int, f func(int)) {
	if kind == cutWord {
		for p := lo; p <= hi; {
			i := strings.IndexByte(text[p:hi+1], ' ')
			if i < 0 {
				return
			}
			p += i
			if p > 0 && p+1 < len(text) && !isBlank(text[p-1]) && text[p-1] != '\n' && !isBlank(text[p+1]) && text[p+1] != '\n' {
				f(p)
			}
			p++
		}
		return
	}
	// p is the start of a line that holds more than whitespace
	for i := lo - 1; i < hi; {
		j := strings.IndexByte(text[i:hi], '\n')
		if j < 0 {
			return
		}
		i += j
		p := i + 1
		if c := text[p]; !isBlank(c) && c != '\n' {
			if kind == cutLine {
				f(p)
			} else {
				// the line before p is blank: whitespace back to a line end
				k := i - 1
				for k >= 0 && isBlank(text[k]) {
					k--
				}
				if k >= 0 && text[k] == '\n' {
					f(p)
				}
			}
		}
		i = p
	}
}

// letterHash hashes the first letters of text at p, each read as its
// class (see Sections).
func letterHash(text string, p int) uint64 {
	const letters, reach = 24, 512
	h := uint64(14695981039346656037)
	n := 0
	for i := p; i < len(text) && i < p+reach && n < letters; {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		c := letterClass(r)
		if c == 0 {
			continue
		}
		h = (h ^ uint64(c)) * 1099511628211
		n++
	}
	// mix: the lowest of many hashes must not favour a few letters
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// letterClass is a letter as the fixes leave it (0: not counted).
func letterClass(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return r
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	}
	switch r {
	case 'ء', 'آ', 'أ', 'إ', 'ا', 'ٱ', 'ؤ', 'ئ', 'ى', 'ي', 'ی':
		return 'ا'
	case 'ة', 'ه', 'ت':
		return 'ه'
	}
	if r >= 0x0621 && r <= 0x064A && r != 0x0640 {
		return r
	}
	return 0
}

// sectionDoc is section [a, b) of doc's text as a document of its own.
func sectionDoc(doc *source.Document, a, b int) *source.Document {
	d, err := source.New(doc.Path, doc.Src[a:b])
	if err != nil {
		// Sections cuts at character boundaries of valid UTF-8
		panic(fmt.Sprintf("runner: section [%d, %d) of %s: %v", a, b, doc.Path, err))
	}
	return d
}

// sectionFacts are the facts of a section after the first, at base in
// the whole text: the file's dateline and language. A dateline printed in
// the text is the first section's: its offsets, moved to the section's,
// lie before it, where no date of the section is.
func sectionFacts(file *lint.Facts, base int) *lint.Facts {
	f := &lint.Facts{Dateline: file.Dateline, Lang: file.Lang}
	if f.Dateline.From == lint.InText {
		f.Dateline.Start -= base
		f.Dateline.End -= base
	}
	return f
}

// shift moves a diagnostic of a section at base to offsets in the whole
// text, with fixes of its own (a rule may share them between findings).
func shift(d *lint.Diagnostic, base int) {
	if base == 0 {
		return
	}
	d.Start += base
	d.End += base
	if len(d.Fixes) == 0 {
		return
	}
	fixes := make([]lint.SuggestedFix, len(d.Fixes))
	for i, f := range d.Fixes {
		edits := make([]lint.TextEdit, len(f.Edits))
		for j, e := range f.Edits {
			edits[j] = lint.TextEdit{Start: e.Start + base, End: e.End + base, New: e.New}
		}
		f.Edits = edits
		fixes[i] = f
	}
	d.Fixes = fixes
}

// fileCap gathers the sections' diagnostics, in order, keeping
// MaxPerRule of each rule over the whole file and counting the others.
type fileCap struct {
	kept map[string]int
	over map[string]*ruleOver
	out  []lint.Diagnostic
}

func newFileCap() *fileCap {
	return &fileCap{kept: map[string]int{}, over: map[string]*ruleOver{}}
}

// add takes a section's diagnostics (sorted, without notes) and what its
// rules left out past the cap, on the section's offsets, at base.
func (c *fileCap) add(ds []lint.Diagnostic, overs []ruleOver, base int) {
	for _, d := range ds {
		if c.kept[d.Rule] < MaxPerRule {
			c.kept[d.Rule]++
			shift(&d, base)
			c.out = append(c.out, d)
			continue
		}
		c.leaveOut(d.Rule, 1, span{d.Start + base, d.End + base})
	}
	for _, o := range overs {
		c.leaveOut(o.rule, o.n, span{o.first.start + base, o.first.end + base})
	}
}

func (c *fileCap) leaveOut(rule string, n int, at span) {
	o := c.over[rule]
	if o == nil {
		c.over[rule] = &ruleOver{rule: rule, n: n, first: at}
		return
	}
	o.n += n
	if at.before(o.first) {
		o.first = at
	}
}

// finish returns the diagnostics with a note for each rule that left
// findings out, as run gives them.
func (c *fileCap) finish(rules []lint.Active, lang i18n.Lang) []lint.Diagnostic {
	ds := c.out
	n := len(ds)
	for _, r := range rules {
		o := c.over[r.ID]
		if o == nil {
			continue
		}
		delete(c.over, r.ID)
		ds = append(ds, lint.Diagnostic{
			Start: o.first.start, End: o.first.end, Rule: r.ID, Level: lint.Info,
			Message: i18n.Plural(lang, "text", "more-findings", o.n),
		})
	}
	if len(ds) > n {
		sortByPosition(ds)
	}
	if len(ds) == 0 {
		return nil
	}
	return ds
}

// checkSections is Check for a sectioned document.
func checkSections(p Parsed, rules []lint.Active) []lint.Diagnostic {
	facts := p.Facts
	if facts == nil {
		facts = &lint.Facts{}
	}
	bounds := Sections(p.Doc.Text)
	sc := getScratch()
	defer sc.release()
	var overs []ruleOver
	c := newFileCap()
	undated := 0
	for k := 0; k+1 < len(bounds); k++ {
		base := bounds[k]
		f := facts
		if k > 0 {
			f = sectionFacts(facts, base)
		}
		ds, _ := run(sectionDoc(p.Doc, base, bounds[k+1]), rules, runOptions{facts: f, sc: sc, noDateline: k > 0, overs: &overs})
		undated += f.Undated
		c.add(ds, overs, base)
	}
	facts.Undated = undated
	ds := c.finish(rules, facts.Lang)
	if p.Filter != nil && len(ds) > 0 {
		ds = p.Filter(ds)
	}
	return ds
}

// fixSections is FixParsed for a sectioned document: each section is
// fixed as FixParsed fixes a document, and the fixed text is theirs put
// together; parse reads the whole of it once, at the end.
func fixSections(p Parsed, rules []lint.Active, unsafe bool, parse func([]byte) (Parsed, error)) ([]byte, Parsed, []lint.Diagnostic, int, []lint.Diagnostic, error) {
	// the facts as parse gives them, before any run added to them
	var given lint.Facts
	if p.Facts != nil {
		given = *p.Facts
	}
	src := p.Doc.Src
	bounds := Sections(p.Doc.Text)
	sc := getScratch()
	defer sc.release()
	var overs []ruleOver
	c := newFileCap()
	var (
		out   []byte // the fixed text so far, once a section has changed
		at    int    // where the next section starts in the fixed text
		total int
		later []laterFix
		facts lint.Facts // the first section's, at its end
		undat int
	)
	for k := 0; k+1 < len(bounds); k++ {
		base := at
		newFacts := func() *lint.Facts {
			if k == 0 {
				f := given
				return &f
			}
			return sectionFacts(&facts, base)
		}
		sp := Parsed{Doc: sectionDoc(p.Doc, bounds[k], bounds[k+1]), Facts: newFacts()}
		parseSection := func(b []byte) (Parsed, error) {
			d, err := source.New(p.Doc.Path, b)
			if err != nil {
				return Parsed{}, err
			}
			return Parsed{Doc: d, Facts: newFacts()}, nil
		}
		fixed, last, ds, n, lt, err := fixRounds(sp, rules, parseSection, runOptions{fix: true, unsafe: unsafe, sc: sc, noDateline: k > 0, overs: &overs})
		if err != nil {
			return nil, Parsed{}, nil, 0, nil, err
		}
		if k == 0 {
			facts = *last.Facts
		}
		undat += last.Facts.Undated
		total += n
		c.add(ds, overs, base)
		for _, l := range lt {
			l.start += base
			l.end += base
			later = append(later, l)
		}
		if n > 0 && out == nil {
			out = make([]byte, 0, len(src)+len(src)/64)
			out = append(out, src[:bounds[k]]...)
		}
		if out != nil {
			out = append(out, fixed...)
		}
		at += len(fixed)
	}
	facts.Undated = undat
	ds := c.finish(rules, facts.Lang)
	if total == 0 {
		if p.Facts != nil {
			*p.Facts = facts
		}
		if p.Filter != nil && len(ds) > 0 {
			ds = p.Filter(ds)
		}
		return src, p, ds, 0, nil, nil
	}
	last, err := parse(out)
	if err != nil {
		return nil, Parsed{}, nil, 0, nil, err
	}
	if last.Facts == nil {
		last.Facts = new(lint.Facts)
	}
	*last.Facts = facts
	if last.Filter != nil && len(ds) > 0 {
		ds = last.Filter(ds)
	}
	return last.Doc.Src, last, ds, total, laterFindings(later, facts.Lang), nil
}
