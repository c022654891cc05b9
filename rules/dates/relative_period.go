package dates

import (
	"sort"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// sameEvent reports whether an explicit date may date the same event as a
// relative month: in the same sentence, at most eight words away, and no
// word of comparison between them (في يناير الماضي مقابل يناير 2016 sets
// two years side by side on purpose).
func sameEvent(p *lint.Pass, v *vocab, m, o *mention) bool {
	if !sameSentence(p, m.span, o.span) {
		return false
	}
	a, b := m, o
	if o.start < m.start {
		a, b = o, m
	}
	words := 0
	for i := a.lastTok + 1; i < b.firstTok; i++ {
		t := p.Tokens[i]
		if t.Kind != arabic.Word {
			continue
		}
		words++
		if words > 8 || v.comparison[arabic.FoldHamza(t.Key)] {
			return false
		}
	}
	return true
}

// sameSentence reports whether no sentence end (. ؟ ? ! ؛ or a line
// break) lies between two spans.
func sameSentence(p *lint.Pass, a, b span) bool {
	lo, hi := a.end, b.start
	if b.end <= a.start {
		lo, hi = b.end, a.start
	}
	toks := p.Tokens
	for _, t := range toks[sort.Search(len(toks), func(i int) bool { return toks[i].End > lo }):] {
		if t.Start >= hi {
			break
		}
		if t.Kind == arabic.Space && t.Breaks > 0 || t.Kind == arabic.Punct && strings.Contains(".؟?!؛;", t.Key) {
			return false
		}
	}
	return true
}

// RelativePeriod makes the rule dates/relative-period.
func RelativePeriod() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "dates/relative-period",
		Level:   lint.Info,
		Summary: "يوليو الماضي، يوليو الجاري resolved from the dateline against the article's explicit dates",
		Doc: lint.Doc{
			What:  "Resolves a month named with الماضي, المقبل or الجاري from the dateline (يوليو الماضي under a November 2024 dateline is July 2024) and flags it when the same sentence dates that month in another year within a few words and with no word of comparison between (the same event told with two dates; a date elsewhere, or after مقابل, may be another event), or when الجاري names a month that is not the dateline's.",
			Why:   "A story updated from an old wire keeps \"last July\" while its explicit dates point to another year; the reader cannot tell which July is meant.",
			Wrong: "الأحد 5 يناير 2025\nوقع الهجوم في يوليو الماضي، وكانت الشرطة قد حذرت منه في 3 يوليو 2022.",
			Right: "الأحد 5 يناير 2025\nوقع الهجوم في يوليو الماضي، وكانت الشرطة قد حذرت منه في 3 يوليو 2024.",
			Fix:   "None: a human decides which date is right.",
		},
	}, func(p *lint.Pass, v *vocab) {
		pr := parse(p, v)
		if !pr.hasDateline {
			return
		}
		dy, dm := pr.dateline.Year(), int(pr.dateline.Month())
		for _, m := range pr.mentions {
			if m.relative == wNone || m.hijri || m.year > 0 {
				continue
			}
			var y int
			switch m.relative {
			case wPast:
				y = dy
				if m.month >= dm {
					y = dy - 1
				}
			case wFuture:
				y = dy
				if m.month <= dm {
					y = dy + 1
				}
			case wCurrent:
				if m.month != dm {
					p.Report(lint.Diagnostic{Start: m.date.start, End: m.date.end,
						Message: p.T("current", text(p, m.date), v.month(p.Lang(), m.month), v.month(p.Lang(), dm), dy)})
				}
				continue
			}
			for _, o := range pr.mentions {
				if o == m || o.hijri || o.month != m.month || o.year == 0 || o.year == y || o == pr.datelineOf || !sameEvent(p, v, m, o) {
					continue
				}
				p.Report(lint.Diagnostic{Start: m.date.start, End: m.date.end,
					Message: p.T("other-year", text(p, m.date), v.month(p.Lang(), m.month), y, v.day(p.Lang(), pr.dateline), text(p, o.date))})
				break
			}
		}
	})
}
