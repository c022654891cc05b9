package usage

import (
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// tensNominative are the tens in the nominative, by their genitive.
var tensNominative = map[string]string{
	"عشرون": "عشرين", "ثلاثون": "ثلاثين", "أربعون": "أربعين", "اربعون": "اربعين",
	"خمسون": "خمسين", "ستون": "ستين", "سبعون": "سبعين", "ثمانون": "ثمانين", "تسعون": "تسعين",
}

// unitsNominative are the units whose nominative differs from their
// genitive (اثنان، اثنتان), by their genitive; unitsAny are the other
// units, the same in both cases as written in news copy.
var (
	unitsNominative = map[string]string{"اثنان": "اثنين", "اثنتان": "اثنتين"}
	unitsAny        = map[string]bool{
		"واحد": true, "إحدى": true, "احدى": true, "اثنين": true, "اثنتين": true,
		"ثلاث": true, "ثلاثة": true, "أربع": true, "أربعة": true, "اربع": true, "اربعة": true,
		"خمس": true, "خمسة": true, "ست": true, "ستة": true, "سبع": true, "سبعة": true,
		"ثمان": true, "ثماني": true, "ثمانية": true, "تسع": true, "تسعة": true,
		"حادي": true, "ثاني": true, "ثالث": true, "رابع": true, "خامس": true, "سادس": true,
		"سابع": true, "ثامن": true, "تاسع": true,
		"حادية": true, "ثانية": true, "ثالثة": true, "رابعة": true, "خامسة": true,
		"سادسة": true, "سابعة": true, "ثامنة": true, "تاسعة": true,
	}
)

// NumberCase makes the rule usage/number-case.
func NumberCase() (*lint.Rule, error) {
	d, err := loadNumbers()
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "usage/number-case",
		Kind:     lint.Code,
		Category: "usage",
		Level:    lint.Warning,
		Summary:  "the tens in the nominative after a preposition: من ثلاث وعشرون → من ثلاث وعشرين, بعشرون → بعشرين",
		Doc: lint.Doc{
			What: "Flags the tens written in the nominative (عشرون … تسعون, والعشرون) right after a preposition (من، في، إلى، على، عن، بين، خلال, ب and ل attached) or a noun of approximation that takes a genitive (نحو، حوالي، قرابة، زهاء), alone or after a unit and و (من ثلاث وعشرون); اثنان and اثنتان before them are corrected too.",
			Why: "The tens are inflected like a sound masculine plural: ون in the nominative, ين in the accusative and the genitive. After a preposition they are genitive: أكثر من عشرين، بثلاث وعشرين، في الحادي والعشرين. منذ is left alone (منذُ has a nominative reading). " +
				"Source: عباس حسن، «النحو الوافي» (الملحق بجمع المذكر السالم: العقود); مصطفى الغلاييني، «جامع الدروس العربية».",
			Wrong: "ووصل عدد الجرحى إلى ثلاثة وعشرون مصابا، بعد أكثر من ثلاثون غارة.",
			Right: "ووصل عدد الجرحى إلى ثلاثة وعشرين مصابا، بعد أكثر من ثلاثين غارة.",
			Fix:   "Safe: ون becomes ين (and اثنان اثنين); proclitics are kept.",
		},
		Run: func(p *lint.Pass) { runNumberCase(p, d) },
	}, nil
}

// tensFilter passes the words that may read as one of tensNominative.
var tensFilter = newStemFilter(keys(tensNominative))

func runNumberCase(p *lint.Pass, d *numberData) {
	toks := p.Tokens
	for _, at := range wordsOf(p).others {
		i := int(at)
		if !wordAt(toks, i) || !tensFilter.may(toks[i].Key) {
			continue
		}
		tens, gen, ok := lookup(toks[i].Key, tensNominative)
		if !ok {
			continue
		}
		// the words of the number: [unit و]tens
		first, unit, lead := i, -1, tens
		var unitGen string
		if tens.prefix == "و" || tens.prefix == "وال" {
			u := prevWord(toks, i)
			if u < 0 {
				continue
			}
			s, g, ok := lookup(toks[u].Key, unitsNominative)
			if ok {
				unitGen = g
			} else if s, _, ok = lookup(toks[u].Key, unitsAny); !ok {
				continue
			}
			first, unit, lead = u, u, s
		}
		if !governed(toks, first, lead, d) {
			continue
		}
		start, end := toks[first].Start, toks[i].End
		if silent(p, start) {
			continue
		}
		fix, sure := rewrite(p, toks[i], tens, gen)
		if unit >= 0 {
			u := p.Text[toks[unit].Start:toks[unit].End]
			if unitGen != "" {
				var ok2 bool
				u, ok2 = rewrite(p, toks[unit], lead, unitGen)
				sure = sure && ok2
			}
			fix = u + p.Text[toks[unit].End:toks[i].Start] + fix
		}
		a := lint.Safe
		if !sure {
			a = lint.Unsafe
		}
		word := p.Text[start:end]
		p.Report(lint.Diagnostic{
			Start: start, End: end,
			Message: p.T("message", word, fix),
			Fixes:   []lint.SuggestedFix{lint.Replace(start, end, fix, a)},
		})
	}
}

// governed reports whether the word at i, read as lead, is governed by a
// preposition: one attached to it (بعشرين، للعشرين) or the word before it.
func governed(toks []arabic.Token, i int, lead split, d *numberData) bool {
	base := lead.prefix
	if lead.article {
		if strings.HasSuffix(base, "ال") {
			base = strings.TrimSuffix(base, "ال")
		} else {
			base = strings.TrimSuffix(base, "ل") // لل: ل + ال
		}
	}
	switch {
	case strings.HasSuffix(base, "ب"), strings.HasSuffix(base, "ل"):
		return true
	case base != "":
		return false // و، ف: another construction
	}
	b := prevWord(toks, i)
	return b >= 0 && d.prepositions[toks[b].Key]
}
