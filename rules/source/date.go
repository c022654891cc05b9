package source

import (
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/rules/dates"
)

// Date makes the rule source/date.
func Date() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "source/date",
		Summary: "a day that is not the wire's: a relative day left stale by a later dateline, or a date changed",
		Doc: lint.Doc{
			What:   "With a wire copy (check --source), resolves the relative days (اليوم الأربعاء، أمس، غدا …) and the dates of each text against its own dateline, the article's against the article's and the wire's against the wire's, and compares each of the article's with those of the wire sentences it was written from. A relative day copied from the wire that was right under the wire's dateline and is wrong under the article's later one is the stale rewrite; a date or weekday that names another day than the wire's is a change. The same day said otherwise (the wire's اليوم الأربعاء as أمس الأربعاء a day later, or as الأربعاء 7 سبتمبر) is not flagged; neither are the datelines themselves.",
			Why:    "Wire copy rewritten days later keeps its \"today Wednesday\": the story then dates the event to the wrong day.",
			Wrong:  "الجمعة 9 سبتمبر 2022\nأعلنت الحكومة الألبانية، اليوم الأربعاء، قطع العلاقات مع إيران.",
			Right:  "الجمعة 9 سبتمبر 2022\nأعلنت الحكومة الألبانية، الأربعاء، قطع العلاقات مع إيران.",
			Fix:    "Unsafe: the day the wire named, written out (الأربعاء 7 سبتمبر 2022), for a stale relative day; the wire's date for a changed one.",
			Source: "الأربعاء 7 سبتمبر 2022\nأعلنت الحكومة الألبانية، اليوم الأربعاء، قطع العلاقات مع إيران.",
		},
	}, runDate)
}

func runDate(p *lint.Pass, c *compared) {
	for _, r := range c.artRefs {
		if r.Dateline {
			continue
		}
		ws := c.wireSentences(r.Start)
		if len(ws) == 0 {
			continue
		}
		var cands []dates.Ref
		for _, w := range c.wireRefs {
			if w.Dateline {
				continue
			}
			s := c.wire.sentenceAt(w.Start)
			for _, x := range ws {
				if int(x) == s {
					cands = append(cands, w)
				}
			}
		}
		if len(cands) == 0 {
			continue
		}
		phrase := p.Text[r.Start:r.End]
		known := !r.Day.IsZero()
		same, resolved := false, 0
		var other dates.Ref
		for _, w := range cands {
			if r.Relative && w.Relative && w.Offset == r.Offset && w.Weekday == r.Weekday {
				// copied: stale when right under the wire's dateline
				// and wrong under the article's
				if known && !w.Day.IsZero() && int(w.Day.Weekday()) == w.Weekday && int(r.Day.Weekday()) != r.Weekday && !r.Day.Equal(w.Day) {
					p.Report(lint.Diagnostic{
						Start: r.Start, End: r.End,
						Message: p.T("stale", phrase, c.where(w.Start), dates.Describe(p, c.src.Dateline.Date), dates.Describe(p, w.Day), dates.Describe(p, r.Day)),
						Fixes:   []lint.SuggestedFix{lint.Replace(r.Start, r.End, dates.Written(w.Day), lint.Unsafe)},
					})
					same, resolved = true, 0
					break
				}
				same = true
				continue
			}
			if known && !w.Day.IsZero() {
				if w.Day.Equal(r.Day) {
					same = true
					continue
				}
				resolved++
				other = w
			}
			if r.Relative && w.Relative && w.Offset == r.Offset && w.Weekday != r.Weekday && (!known || w.Day.IsZero()) {
				resolved++
				other = w
			}
		}
		if same || resolved != 1 {
			continue
		}
		w := other
		d := lint.Diagnostic{Start: r.Start, End: r.End}
		wphrase := c.wire.src[w.Start:w.End]
		if known && !w.Day.IsZero() {
			d.Message = p.T("changed", phrase, dates.Describe(p, r.Day), c.where(w.Start), wphrase, dates.Describe(p, w.Day))
		} else {
			d.Message = p.T("weekday", phrase, c.where(w.Start), wphrase)
		}
		if !r.Relative && !w.Relative && r.DateEnd > r.DateStart && w.DateEnd > w.DateStart {
			d.Start, d.End = r.DateStart, r.DateEnd
			d.Fixes = []lint.SuggestedFix{lint.Replace(r.DateStart, r.DateEnd, c.wire.src[w.DateStart:w.DateEnd], lint.Unsafe)}
		} else if r.Relative == w.Relative {
			d.Fixes = []lint.SuggestedFix{lint.Replace(r.Start, r.End, wphrase, lint.Unsafe)}
		}
		p.Report(d)
	}
}
