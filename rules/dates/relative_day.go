package dates

import (
	"strconv"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/i18n"
)

// RelativeDay makes the rule dates/relative-day.
func RelativeDay() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "dates/relative-day",
		Level:   lint.Error,
		Summary: "اليوم الأربعاء، أمس الثلاثاء، غدا الجمعة naming the wrong weekday for the dateline",
		Doc: lint.Doc{
			What:  "Resolves اليوم, أمس, غدا, يوم أمس, يوم غد (one day), أول أمس, أول من أمس, أمس الأول, بعد غد (two days) against the dateline and flags the weekday named with them when it is not that day (not inside a quotation, where the day is the speaker's: «… مساء اليوم الأحد»). Also flags \"<weekday> الماضي/المقبل\" followed by a date that is not within the week before or after the dateline. The dateline is --date (or the API's date), else the front matter's, else one printed at the top of the article: a line of nothing but a date, or an agency's opening (\"تيرانا - الثلاثاء 12 نوفمبر 2024 - …\"); never a date from the body. With no dateline nothing is checked (check's summary says how many relative dates went unchecked). A printed dateline that contradicts --date gets one warning.",
			Why:   "Wire copy rewritten days later keeps its \"today Wednesday\": under a Friday dateline the story contradicts itself.",
			Wrong: "الجمعة 22 نوفمبر 2024\nأعلنت الحكومة، اليوم الأربعاء، خطة جديدة.",
			Right: "الجمعة 22 نوفمبر 2024\nأعلنت الحكومة، اليوم الجمعة، خطة جديدة.",
			Fix:   "Unsafe: the suggested weekday assumes the dateline is right. None when the weekday has its own date (اليوم الاثنين 3 فبراير): that date, not the dateline, decides its weekday.",
		},
		Options: map[string]lint.Option{
			"tolerance": {Default: "0", Help: "days of slack (1 accepts a story filed the evening before its dateline)"},
		},
	}, func(p *lint.Pass, v *vocab) {
		pr := parse(p, v)
		if !pr.hasDateline {
			return
		}
		// a dateline printed in the article that the given date
		// contradicts: one of the two is stale
		if f := p.Facts; f.Printed.Known() && f.Dateline.From != lint.InText && !f.Printed.Date.Equal(f.Dateline.Date) {
			p.Report(lint.Diagnostic{
				Start: f.Printed.Start, End: f.Printed.End, Level: lint.Warning,
				Message: p.T("printed", text(p, span{f.Printed.Start, f.Printed.End}), v.day(p.Lang(), f.Printed.Date),
					sourceName(p, f.Dateline.From), v.day(p.Lang(), f.Dateline.Date)),
			})
		}
		tol, _ := strconv.Atoi(p.Option("tolerance"))
		source := p.T("dateline")
		if pr.datelineOf != nil {
			source = p.T("dateline-printed", text(p, pr.datelineOf.span))
		}
		// a weekday written with its own date (اليوم الاثنين 3 فبراير) is
		// that date's to correct (weekday-mismatch): changing it to the
		// dateline's weekday would make it contradict its date, and the
		// two rules would undo each other's fix
		dated := map[int]bool{}
		for _, m := range pr.mentions {
			if m.weekday >= 0 && m.day != 0 {
				dated[m.wd.start] = true
			}
		}
		quoted := quoteState(p.Tokens)
		for _, a := range pr.anchors {
			if quoted(a.wd.start) {
				continue // «… مساء اليوم الأحد …»: the speaker's today, not the story's
			}
			want := pr.dateline.AddDate(0, 0, a.offset)
			ok := false
			for d := -tol; d <= tol; d++ {
				ok = ok || int(want.AddDate(0, 0, d).Weekday()) == a.weekday
			}
			if ok {
				continue
			}
			d := lint.Diagnostic{
				Start: a.wd.start, End: a.wd.end,
				Message: p.T("contradicts", text(p, a.wd), source, text(p, a.words), v.describe(p, want)),
			}
			if !dated[a.wd.start] {
				d.Fixes = []lint.SuggestedFix{lint.Replace(a.wd.start, a.wd.end, a.wdPrefix+v.weekdayName[want.Weekday()], lint.Unsafe)}
			}
			p.Report(d)
		}
		for _, m := range pr.mentions {
			if m.weekRel == 0 || m.day == 0 {
				continue
			}
			t, ok := m.resolve(pr.dateline)
			if !ok {
				continue
			}
			diff := days(pr.dateline, t) * m.weekRel
			if diff >= 1-tol && diff <= 7+tol {
				continue
			}
			key := "week-before"
			if m.weekRel > 0 {
				key = "week-after"
			}
			// the day in brackets, unless the Arabic has just quoted the
			// printed dateline (its English reading stays useful)
			day := " (" + v.describe(p, pr.dateline) + ")"
			if pr.datelineOf != nil && p.Lang() == i18n.Ar {
				day = ""
			}
			p.Report(lint.Diagnostic{
				Start: m.start, End: m.end,
				Message: p.T(key, text(p, m.span), source, day),
			})
		}
	})
}

// sourceName names where the publication date came from, as the message
// "printed" says it.
func sourceName(p *lint.Pass, from lint.DatelineSource) string {
	switch from {
	case lint.Given:
		return p.T("source-given")
	case lint.FrontMatter:
		return p.T("source-front-matter")
	}
	return from.String()
}

// quoteState returns a function of offsets, asked in increasing order,
// that reports whether an offset lies inside a quotation of its
// paragraph: after a « not closed, after a curly quote opened and not
// closed (either glyph opens: right-to-left copy types them both ways),
// or after a straight quote opened and not closed. Paragraphs end at a
// blank line. The tokens are read once, however many offsets are asked.
func quoteState(toks []arabic.Token) func(pos int) bool {
	i, guil, curly, straight := 0, false, false, false
	last := -1
	return func(pos int) bool {
		if pos < last {
			i, guil, curly, straight = 0, false, false, false
		}
		last = pos
		for ; i < len(toks) && toks[i].Start < pos; i++ {
			switch t := toks[i]; {
			case t.Kind == arabic.Space && t.Breaks >= 2:
				guil, curly, straight = false, false, false
			case t.Kind == arabic.Punct:
				switch t.Key {
				case "«":
					guil = true
				case "»":
					guil = false
				case "“", "”":
					curly = !curly
				case `"`:
					straight = !straight
				}
			}
		}
		return guil || curly || straight
	}
}
