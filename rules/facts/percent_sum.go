package facts

import (
	"math"
	"strconv"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// PercentSum makes the rule facts/percent-sum.
func PercentSum() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "facts/percent-sum",
		Kind:     lint.Code,
		Category: "facts",
		Level:    lint.Info,
		// 0 of 5 findings right on published news (2 on 30,676
		// SaudiNewsNet articles, 3 on 10,138 ANT articles: shares of
		// different wholes in one sentence, joined by مقابل، بينما، كما):
		// off until it earns its place
		Disabled: true,
		Summary:  "shares of one whole that add up to more than 100% (45% و38% و25% of the votes)",
		Doc: lint.Doc{
			What:  "Adds up the percentages of one sentence, or of the short lines under a line ending in a colon, when they are shares of one whole: the sentence speaks of votes, seats or a split (حصل، نال، فاز، الأصوات، صوّت، أيد، عارض، مقابل), and flags them when they pass 100% by more than their rounding. A change (ارتفع بنسبة، تراجع، زيادة، نمو), a range (بين 40% و60%), percentages of different bases (45% من الرجال و60% من النساء), a sentence with a figure that is not a percentage beside them and a rounded share leave it alone. Off by default and at info level: on published news all 5 of its findings were shares of different wholes that one sentence set side by side (62% of Scots against 52% of Britons; one candidate's share in two countries).",
			Why:   "Results that add up to more than the whole tell the reader that one figure is wrong, and it is usually a digit mistyped or a figure from another round.",
			Wrong: "وحصل مرشح الحزب الحاكم على 45% من الأصوات، مقابل 38% لمنافسه و25% لمرشح المستقلين.",
			Right: "وحصل مرشح الحزب الحاكم على 45% من الأصوات، مقابل 38% لمنافسه و17% لمرشح المستقلين.",
		},
		Run: runPercentSum,
	}, nil
}

// shareWords are the stems that say a sentence splits one whole: votes,
// seats, a result, for and against.
var shareWords = []string{
	"حصل", "حصد", "نال", "فاز", "حاز", "أصوات", "الأصوات", "صوت", "الناخبين", "المقترعين",
	"أيد", "عارض", "مقابل", "المؤيدين", "المعارضين", "المستطلعين", "المشاركين في الاستطلاع",
	"الاستطلاع", "استطلاع", "النتائج", "نتائج", "بنعم",
}

// changeWords are the stems of change and comparison: the percentages are
// then rates, not shares.
var changeWords = []string{
	"ارتفع", "ارتفاع", "انخفض", "انخفاض", "تراجع", "زاد", "زياد", "يزيد", "تزيد", "نما", "نمو",
	"ينمو", "تنمو", "قفز", "هبط", "هبوط", "صعد", "صعود", "تضاعف", "مقارن", "تقلص", "خسر", "خسار",
	"ربح", "أرباح", "فائد", "عائد", "تضخم", "معدل", "بطال", "سابق", "الماضي", "تحسن", "ضعف",
	"أضعاف", "سجل", "سجلت", "بلغ", "بلغت", "وصل", "وصلت", "أعلى", "أدنى", "حوالي",
	"نحو", "أكثر", "أقل", "قرابة", "زهاء", "تجاوز", "يتجاوز", "تتجاوز", "تمثل", "يمثل",
	"يشكل", "تشكل", "شكل", "المشاركة", "مشاركة", "الإقبال", "إقبال", "خصم", "تخفيض", "تخفيضات", "ضريب", "رسوم", "فائدة", "زكاة",
}

func hasStem(key string, stems []string) bool {
	for _, k := range [...]string{key, bare(key)} {
		for _, pre := range [...]string{"", "ب", "ل", "ك", "ال", "بال", "لل"} {
			if !strings.HasPrefix(k, pre) {
				continue
			}
			rest := k[len(pre):]
			for _, s := range stems {
				if strings.HasPrefix(rest, s) {
					return true
				}
			}
		}
	}
	return false
}

func runPercentSum(p *lint.Pass) {
	toks := p.Tokens
	for _, s := range sentences(p) {
		var (
			first, firstEnd, n int
			sum                float64
			base               string // the word after من after a percentage
			share, off         bool
		)
		for i := s.lo; i < s.hi && !off; i++ {
			t := &toks[i]
			switch t.Kind {
			case arabic.Word:
				if hasStem(t.Key, changeWords) {
					off = true
				} else if isWord(toks, i, "بين", "إلى", "الى", "حتى", "لكل") {
					off = true // a range, or a rate
				} else if hasStem(t.Key, shareWords) {
					share = true
				}
			case arabic.Number:
				end, pct := percentAt(toks, i, s.hi)
				if !pct {
					if !yearLike(toks, i, s.lo) {
						off = true // another figure: the shares may be of it
					}
					continue
				}
				if glued(toks, i) && !(i+1 < len(toks) && (toks[i+1].Key == "%" || toks[i+1].Key == "٪")) {
					off = true
					continue
				}
				if b := prev(toks, i, s.lo); b >= s.lo && toks[b].Key == "(" {
					off = true // (75%): an aside, of a base the sentence names elsewhere
				}
				v, ok := floatValue(t.Key)
				if !ok || rounded(toks, i, s.lo, s.hi) {
					off = true
					continue
				}
				// the base: من الأصوات، من الرجال
				k := next(toks, end, s.hi)
				if k < s.hi && toks[k].Kind == arabic.Word && partial[toks[k].Key] {
					off = true // 75% منهم: a share of a share
				}
				if isWord(toks, k, "من") {
					if b := next(toks, k, s.hi); b < s.hi && toks[b].Kind == arabic.Word {
						if base != "" && base != toks[b].Key {
							off = true
						}
						base = toks[b].Key
					}
				}
				if n == 0 {
					first, firstEnd = i, end
				}
				n++
				sum += v
				i = end
			}
		}
		if off || !share || n < 2 || sum <= 100+0.5*float64(n) {
			continue
		}
		p.Report(lint.Diagnostic{
			Start: toks[first].Start, End: toks[firstEnd].End,
			Message: p.T("message", strconv.FormatFloat(math.Round(sum*100)/100, 'f', -1, 64)),
		})
	}
}
