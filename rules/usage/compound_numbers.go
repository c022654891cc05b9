package usage

import (
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// The first words of the compound numbers 11–19 by the gender of the
// counted noun they go with: a cardinal 13–19 takes the other gender
// (ثلاثة عشر رجلا، ثلاث عشرة امرأة), 11 and 12 the same (أحد عشر،
// إحدى عشرة، اثنا عشر، اثنتا عشرة); an ordinal takes its noun's gender
// in both parts (الثالث عشر، الثالثة عشرة). The value is the form for the
// other gender.
var (
	compoundMasc = map[string]string{ // with عشر
		"أحد": "إحدى", "احد": "احدى", "اثنا": "اثنتا", "اثني": "اثنتي",
		"ثلاثة": "ثلاث", "أربعة": "أربع", "اربعة": "اربع", "خمسة": "خمس",
		"ستة": "ست", "سبعة": "سبع", "ثمانية": "ثماني", "تسعة": "تسع",
	}
	compoundFem = map[string]string{ // with عشرة
		"إحدى": "أحد", "احدى": "احد", "اثنتا": "اثنا", "اثنتي": "اثني",
		"ثلاث": "ثلاثة", "أربع": "أربعة", "اربع": "اربعة", "خمس": "خمسة",
		"ست": "ستة", "سبع": "سبعة", "ثماني": "ثمانية", "ثمان": "ثمانية", "تسع": "تسعة",
	}
	ordinalMasc = map[string]string{
		"حادي": "حادية", "ثاني": "ثانية", "ثالث": "ثالثة", "رابع": "رابعة", "خامس": "خامسة",
		"سادس": "سادسة", "سابع": "سابعة", "ثامن": "ثامنة", "تاسع": "تاسعة",
	}
	ordinalFem = map[string]string{
		"حادية": "حادي", "ثانية": "ثاني", "ثالثة": "ثالث", "رابعة": "رابع", "خامسة": "خامس",
		"سادسة": "سادس", "سابعة": "سابع", "ثامنة": "ثامن", "تاسعة": "تاسع",
	}
)

// CompoundNumbers makes the rule usage/compound-numbers.
func CompoundNumbers() (*lint.Rule, error) {
	d, err := loadNumbers()
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "usage/compound-numbers",
		Kind:     lint.Code,
		Category: "usage",
		Level:    lint.Warning,
		Summary:  "11–19 whose two parts disagree, wrong whatever the noun: ثلاثة عشرة، ثلاث عشر، إحدى عشر، اثنا عشرة، الثانية عشر",
		Doc: lint.Doc{
			What: "Flags the compound numbers 11–19 written in words whose two parts cannot go together: a cardinal 13–19 with both parts masculine or both feminine in form (ثلاثة عشرة، ثلاث عشر), 11 and 12 with parts of two genders (أحد عشرة، إحدى عشر، اثنا عشرة، اثنتي عشر), and an ordinal whose parts disagree (الثانية عشر، الثالث عشرة).",
			Why: "In 13–19 the unit takes the gender opposite to the counted noun and عشر agrees with it (ثلاثة عشر رجلا، ثلاث عشرة امرأة); in 11 and 12 both parts agree with it (أحد عشر، إحدى عشرة؛ اثنا عشر، اثنتا عشرة); an ordinal agrees with its noun in both parts (الفصل الثالث عشر، الساعة الثانية عشرة). So these pairs are wrong whatever the noun. " +
				"Source: عباس حسن، «النحو الوافي» (باب العدد: العدد المركب); مصطفى الغلاييني، «جامع الدروس العربية» (العدد المركب).",
			Wrong: "وقتل ثمانية عشرة شخصا في الهجوم الذي وقع قرابة الساعة الثانية عشر ليلا.",
			Right: "وقتل ثمانية عشر شخصا في الهجوم الذي وقع قرابة الساعة الثانية عشرة ليلا.",
			Fix:   "The right form depends on the counted noun's gender. A cardinal: when the noun after it is in the rule's list of counted nouns, the fix is safe; when its gender is only guessed (a noun in ة is feminine, one in ا masculine), or not known (the form that keeps the first word's gender is suggested first, the other second), the fix is unsafe. An ordinal: when the definite noun before it has the gender of the ordinal's first word, the fix is safe; otherwise it is unsafe.",
		},
		Run: func(p *lint.Pass) { runCompound(p, d) },
	}, nil
}

func runCompound(p *lint.Pass, d *numberData) {
	toks := p.Tokens
	for _, at := range wordsOf(p).others {
		i := int(at)
		if !wordAt(toks, i) {
			continue
		}
		var ten string // the form of عشر written
		switch toks[i].Key {
		case "عشر", "عشرة":
			ten = toks[i].Key
		default:
			continue
		}
		u := prevWord(toks, i)
		if u < 0 || !toks[u].Arabic {
			continue
		}
		after := nextWord(toks, i)
		if after >= 0 && pluralLike(d, toks[after].Key) {
			continue // عشر سنوات، عشرة أيام: a new number
		}
		first, gender, other, ordinal, ok := compoundFirst(toks[u].Key, ten)
		if !ok {
			continue
		}
		if !ordinal && (first.stem == "أحد" || first.stem == "احد" || first.stem == "إحدى" || first.stem == "احدى") {
			// أحد عشرة مرشحين: one of ten; only with a counted noun after it
			if after < 0 || pluralLike(d, toks[after].Key) {
				continue
			}
		}
		start, end := toks[u].Start, toks[i].End
		if silent(p, start) {
			continue
		}
		// the gender of the noun, and whether the fix is sure of it
		want, sure := unknown, false
		if ordinal {
			if b := prevWord(toks, u); b >= 0 {
				if g := definiteGender(toks[b].Key); g != unknown {
					want, sure = g, g == gender
				}
			}
		} else if after >= 0 {
			k := toks[after].Key
			if g, ok := d.singulars[k]; ok {
				want, sure = g, true
			} else if strings.HasSuffix(k, "ة") {
				want = fem
			} else if strings.HasSuffix(k, "ا") {
				want = masc
			}
		}
		// the two forms, for the noun gender the first word implies and
		// for the other, best first
		order := [2]int{gender, 3 - gender}
		if want != unknown && want != gender {
			order = [2]int{want, gender}
		}
		gap := p.Text[toks[u].End:toks[i].Start]
		ws := make([]lint.SuggestedFix, 0, 2)
		for k, g := range order {
			stem := first.stem
			if g != gender {
				stem = other
			}
			one, plain := rewrite(p, toks[u], first, stem)
			a := lint.Unsafe
			if k == 0 && sure && plain && arabic.Key(p.Text[toks[i].Start:toks[i].End]) == p.Text[toks[i].Start:toks[i].End] {
				a = lint.Safe
			}
			ws = append(ws, lint.Replace(start, end, one+gap+tenOf(g), a))
		}
		word := p.Text[start:end]
		p.Report(lint.Diagnostic{
			Start: start, End: end,
			Message: p.T(compoundWhy(ordinal, first.stem), word, ws[0].Edits[0].New, ws[1].Edits[0].New),
			Fixes:   ws,
		})
	}
}

// tenOf is the form of عشر for a counted noun of gender g.
func tenOf(g int) string {
	if g == fem {
		return "عشرة"
	}
	return "عشر"
}

// compoundFirst reads the word before عشر/عشرة (written ten) as the first
// part of a compound number. ok is true when the two parts disagree: then
// gender is the noun gender the first word implies, other the first word
// for the other gender, ordinal whether it is an ordinal (with the
// article).
func compoundFirst(key, ten string) (first split, gender int, other string, ordinal, ok bool) {
	var buf [maxSplits]split
	for _, s := range splits(&buf, key) {
		if s.article {
			if o, found := ordinalMasc[s.stem]; found {
				return s, masc, o, true, ten == "عشرة"
			}
			if o, found := ordinalFem[s.stem]; found {
				return s, fem, o, true, ten == "عشر"
			}
			continue
		}
		if o, found := compoundMasc[s.stem]; found {
			return s, masc, o, false, ten == "عشرة"
		}
		if o, found := compoundFem[s.stem]; found {
			return s, fem, o, false, ten == "عشر"
		}
	}
	return split{}, unknown, "", false, false
}

// definiteGender guesses the gender of a definite noun from its ending:
// ة feminine, a letter masculine; a word without the article, or in ى or
// ء (الذكرى، المستوى، الأنباء), is unknown.
func definiteGender(key string) int {
	def := false
	var buf [maxSplits]split
	for _, s := range splits(&buf, key) {
		if s.article {
			def, key = true, s.stem
			break
		}
	}
	if !def || arabic.RuneCount(key) < 2 {
		return unknown
	}
	switch {
	case strings.HasSuffix(key, "ة"):
		return fem
	case strings.HasSuffix(key, "ى"), strings.HasSuffix(key, "ء"), strings.HasSuffix(key, "ات"):
		return unknown
	}
	return masc
}

// pluralLike reports whether a word is a counted plural: one of the data,
// a sound plural (ات، ين، ون), or the broken plural أفعال. The singular
// counted after 11–99 is accusative: in ا, ة or ء, never in ين.
func pluralLike(d *numberData, key string) bool {
	if _, ok := d.plurals[key]; ok {
		return true
	}
	r := []rune(key)
	if strings.HasSuffix(key, "ات") || len(r) >= 5 && (strings.HasSuffix(key, "ين") || strings.HasSuffix(key, "ون")) {
		return true
	}
	return len(r) == 5 && (r[0] == 'أ' || r[0] == 'ا') && r[3] == 'ا'
}

// compoundWhy is the message that says why the pair is wrong.
func compoundWhy(ordinal bool, first string) string {
	switch {
	case ordinal:
		return "ordinal"
	case first == "أحد" || first == "احد" || first == "إحدى" || first == "احدى" || strings.HasPrefix(first, "اثن"):
		return "eleven-twelve"
	}
	return "thirteen-nineteen"
}
