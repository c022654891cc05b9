package usage

import (
	"github.com/daqiq/daqiq/lint"
)

// The numerals 3–10 by their form: with ة for a masculine noun (ثلاثة
// أيام), without for a feminine one (ثلاث سنوات). The value is the form
// for the other gender.
var (
	numeralMasc = map[string]string{ // for a masculine noun
		"ثلاثة": "ثلاث", "أربعة": "أربع", "اربعة": "اربع", "خمسة": "خمس", "ستة": "ست",
		"سبعة": "سبع", "ثمانية": "ثماني", "تسعة": "تسع", "عشرة": "عشر",
	}
	numeralFem = map[string]string{ // for a feminine noun
		"ثلاث": "ثلاثة", "أربع": "أربعة", "اربع": "اربعة", "خمس": "خمسة", "ست": "ستة",
		"سبع": "سبعة", "ثماني": "ثمانية", "ثمان": "ثمانية", "تسع": "تسعة", "عشر": "عشرة",
	}
)

// NumberGender makes the rule usage/number-gender.
func NumberGender() (*lint.Rule, error) {
	d, err := loadNumbers()
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "usage/number-gender",
		Kind:     lint.Code,
		Category: "usage",
		Level:    lint.Warning,
		Summary:  "a numeral 3–10 in the gender of its noun: ثلاث أيام → ثلاثة أيام, ثمان مستشفيات → ثمانية مستشفيات",
		Doc: lint.Doc{
			What: "Flags a numeral from 3 to 10 written in words right before a counted plural whose singular's gender the rule's list knows, when the numeral has the same gender: ثلاث أيام (يوم), خمس آلاف (ألف), ثمان مستشفيات (مستشفى), ثلاثة سنوات (سنة), خمسة دقائق (دقيقة).",
			Why: "From 3 to 10 the numeral takes the gender opposite to the singular of the counted noun, whatever the plural looks like: ثلاثة مستشفيات because مستشفى is masculine, ثلاث سنوات because سنة is feminine. A plural in ات of a masculine singular is the usual trap. A numeral followed by the noun and a definite word (خمس سكان المدينة: a fifth) is left alone. " +
				"Source: عباس حسن، «النحو الوافي» (باب العدد: الأعداد من ثلاثة إلى عشرة، والعبرة بمفرد المعدود); مصطفى الغلاييني، «جامع الدروس العربية» (العدد).",
			Wrong: "وافتتحت الوزارة ثمان مستشفيات جديدة خلال ثلاث أيام.",
			Right: "وافتتحت الوزارة ثمانية مستشفيات جديدة خلال ثلاثة أيام.",
			Fix:   "Safe: the numeral takes the other gender (ثلاث → ثلاثة, ثلاثة → ثلاث, ثمان → ثمانية, ثمانية → ثماني); proclitics are kept.",
		},
		Size: len(d.plurals),
		Run:  func(p *lint.Pass) { runNumberGender(p, d) },
	}, nil
}

// numeralFilter passes the words that may read as a numeral of
// numeralMasc or numeralFem.
var numeralFilter = newStemFilter(keys(numeralMasc), keys(numeralFem))

func runNumberGender(p *lint.Pass, d *numberData) {
	toks := p.Tokens
	for _, at := range wordsOf(p).others {
		i := int(at)
		if !wordAt(toks, i) || !numeralFilter.may(toks[i].Key) {
			continue
		}
		n := nextWord(toks, i)
		if n < 0 {
			continue
		}
		g, ok := d.plurals[toks[n].Key]
		if !ok {
			continue
		}
		table := numeralFem // a numeral of the noun's own gender
		if g == fem {
			table = numeralMasc
		}
		s, other, ok := lookup(toks[i].Key, table)
		if !ok {
			continue
		}
		// خمس سكان المدينة, عشر أيام السنة: a fraction, or the
		// numeral of another construction
		if a := nextWord(toks, n); a >= 0 && definite(toks[a].Key) {
			continue
		}
		// ثلاثة عشر، ثلاث وعشرون are other rules' business; عشرة
		// after a unit is the second part of a compound
		// الناجون الأربعة ساعات: a definite numeral after a definite
		// noun is that noun's adjective, not the counter of the next word
		if b := prevWord(toks, i); s.article && b >= 0 && definite(toks[b].Key) {
			continue
		}
		if b := prevWord(toks, i); b >= 0 && (s.stem == "عشر" || s.stem == "عشرة") && compoundUnit(toks[b].Key) {
			continue
		}
		start, end := toks[i].Start, toks[i].End
		if silent(p, start) {
			continue
		}
		fix, sure := rewrite(p, toks[i], s, other)
		a := lint.Safe
		if !sure {
			a = lint.Unsafe
		}
		key := "masculine"
		if g == fem {
			key = "feminine"
		}
		p.Report(lint.Diagnostic{
			Start: start, End: end,
			Message: p.T(key, p.Text[start:end], fix, p.Text[toks[n].Start:toks[n].End]),
			Fixes:   []lint.SuggestedFix{lint.Replace(start, end, fix, a)},
		})
	}
}

// definite reports whether a word carries the article.
func definite(key string) bool {
	var buf [maxSplits]split
	for _, s := range splits(&buf, key) {
		if s.article {
			return true
		}
	}
	return false
}

// compoundUnit reports whether a word is the first part of 11–19.
func compoundUnit(key string) bool {
	for _, t := range []map[string]string{compoundMasc, compoundFem, ordinalMasc, ordinalFem} {
		if _, _, ok := lookup(key, t); ok {
			return true
		}
	}
	return false
}
