package grammar

import (
	"strconv"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// CountedNoun makes the rule grammar/counted-noun.
func CountedNoun() (*lint.Rule, error) {
	d, err := loadCounted()
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "grammar/counted-noun",
		Kind:     lint.Code,
		Category: "grammar",
		Level:    lint.Warning,
		Summary:  "the counted noun after a numeral in digits (30 كيلومترا، 5 أشخاص، 100 كيلومتر)",
		Doc: lint.Doc{
			What:  "After a number written in digits, checks the form of a counted noun from a curated list of what news copy counts (units, currencies, people, days, ألف and مليون): after 3–10 the noun is plural (5 أشخاص), after 11–99 singular and accusative (30 كيلومترا، 25 طبيبا), after 100, 200, 1000… singular (100 كيلومتر). For larger numbers the last two digits decide (103 أشخاص، 120 كيلومترا). Before ألف، مليون، مليار، تريليون a number with one comma and three digits after it (3,906 مليون) may be a decimal, which takes the singular: it is flagged only when both readings want the same form.",
			Why:   "Digits hide the numeral's grammar from the writer, so the noun after them is often left in the form of the dictionary.",
			Wrong: "وتقع القرية على مسافة 30 كيلومتر من العاصمة، وأصيب فيها 5 شخص.",
			Right: "وتقع القرية على مسافة 30 كيلومترا من العاصمة، وأصيب فيها 5 أشخاص.",
			Fix:   "Safe: the form follows from the number. Decimals are no count, in every form copy prints them: 3.2, 3,2 and 1,1075 (a comma before other than three digits), the Saudi agency's 2ر3, 157،7, 6. 7, and 80.14 with an invisible direction mark after the point. ألف، مليون، مليار and يوم followed by a word are the first term of an idafa and take no tanween after 11–99 (30 ألف دولار). Another noun is only corrected when its phrase visibly ends after it (a mark, the end of the line, a preposition, a definite word); before an unknown word it may be the first term of an idafa (120 مشروعَ قانون) and is left alone. A following adjective is corrected with it (45 ريالا سعوديا، 100 كيلومتر مربع), except after 3–10, where the adjective follows the plural (ريالات سعودية) and the rule stays silent.",
		},
		Run: func(p *lint.Pass) { runCounted(p, d) },
	}, nil
}

func runCounted(p *lint.Pass, d *countedData) {
	toks := p.Tokens
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Kind != arabic.Number {
			continue
		}
		num, sp, w := &toks[i], &toks[i+1], &toks[i+2]
		if sp.Kind != arabic.Space || sp.Breaks > 0 || w.Kind != arabic.Word || !w.Arabic {
			continue
		}
		ref, ok := d.forms[w.Key]
		if !ok {
			continue
		}
		n, ok := value(num.Key)
		if !ok || secondPart(toks, i) {
			continue // 3.5, 2ر3, 6. 7, 10:30, 2024/11, 30x50 and ranges 3-5 are read elsewhere
		}
		if n >= 1800 && n <= 2100 && len(num.Key) == 4 {
			continue // a year: 5 يناير 2025 مشروع قانون
		}
		noun := d.nouns[ref[0]]
		form := ref[1]
		if noun.Construct && form == formPlural && n >= 1000 && n%1000 == 0 {
			continue // 4000 آلاف متطوع: the thousands twice, not a wrong form
		}
		var want string
		wantForm := formSingular
		switch r := n % 100; {
		case n < 3:
			continue
		case r >= 3 && r <= 10:
			if form == formPlural {
				continue
			}
			want, wantForm = noun.Plural, formPlural
		case r >= 11 && r <= 99:
			if form == formAccusative || noun.Accusative == "" && form == formSingular {
				continue
			}
			want, wantForm = noun.Accusative, formAccusative
			if want == "" || noun.Construct && followedByWord(toks, i+2) {
				// 30 ألفَ دولار: the first term of an idafa takes no tanween
				if form == formSingular {
					continue
				}
				want, wantForm = noun.Singular, formSingular
			}
		default: // 100, 200, 1000, 101, 102 …
			if form == formSingular {
				continue
			}
			want = noun.Singular
		}
		if scaleWord[noun.Singular] && decimalLike(num.Key) && want != noun.Singular {
			// 3,906 مليون may be 3.906 million (a decimal comma), which
			// takes the singular: flagged only when both readings agree
			continue
		}
		end, fix := w.End, want
		if !noun.Construct {
			// the word after the noun: is the noun's phrase over?
			switch kind, j := d.after(toks, i+2); kind {
			case afterPhrase:
			case afterAdjective:
				adj, ok := d.agree(toks[j].Key, wantForm)
				if !ok {
					continue // ريالات سعودية: the adjective changes with the plural
				}
				if adj != "" {
					end, fix = toks[j].End, want+p.Text[w.End:toks[j].Start]+adj
				}
			default:
				continue // 120 مشروعَ قانون: maybe an idafa
			}
		}
		p.Report(lint.Diagnostic{
			Start: w.Start, End: end,
			Message: p.T("message", p.Text[num.Start:num.End], fix, p.Text[w.Start:end]),
			Fixes:   []lint.SuggestedFix{lint.Replace(w.Start, end, fix, lint.Safe)},
		})
	}
}

// scaleWord are the counted nouns a number with a decimal comma often
// comes before (3,906 مليون: 3.906 million, or 3,906 million).
var scaleWord = map[string]bool{"ألف": true, "مليون": true, "مليار": true, "تريليون": true}

// decimalLike reports whether a number has one comma, at most three digits
// before it and three after (3,906; 12,304): a thousands separator or a
// decimal comma.
func decimalLike(key string) bool {
	before, after, ok := strings.Cut(key, ",")
	return ok && len(before) <= 3 && len(after) == 3 && !strings.Contains(after, ",")
}

// value reads a whole number: digits with thousands separators (1,250 or
// 12,500,000). A comma followed by other than three digits is a decimal
// comma (6,5 or 1,1075), and a point is a decimal point: no value.
func value(key string) (int, bool) {
	if strings.ContainsAny(key, ".") {
		return 0, false
	}
	groups := strings.Split(key, ",")
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return 0, false
		}
	}
	n, err := strconv.Atoi(strings.Join(groups, ""))
	return n, err == nil
}

// secondPart reports whether the number at i is the part after a
// separator of a number written in two tokens: the decimals of 2ر3 (the
// Saudi agency's decimal point), 157،7, 6. 7, 40 .48 and 80.14 (with a
// direction mark after the point), the minutes of 10:30, the month of
// 2024/11, the second term of 30x50 and of a range 3-5.
func secondPart(toks []arabic.Token, i int) bool {
	j := i - 1
	for j >= 0 && toks[j].Kind == arabic.Punct && isDirectionMark(toks[j].Key) {
		j--
	}
	spaced := j >= 0 && toks[j].Kind == arabic.Space && toks[j].Breaks == 0 && len(toks[j].Key) == 1
	if spaced {
		j--
	}
	if j < 1 {
		return false
	}
	t := toks[j]
	var ok bool
	switch {
	case t.Kind == arabic.Punct:
		switch t.Key {
		case ".", "-", "–", "*", "×":
			ok = true // 6. 7 and 3 - 5 are written with a space
		case ",", "،", "٫", "/", ":", "’", "'":
			ok = !spaced // 2015، 5 أشخاص: another phrase; 8’8 is a decimal
		}
	case t.Kind == arabic.Word:
		ok = !spaced && (t.Key == "ر" || t.Key == "x" || t.Key == "X")
	}
	if !ok {
		return false
	}
	j--
	if j >= 0 && toks[j].Kind == arabic.Space && toks[j].Breaks == 0 && len(toks[j].Key) == 1 && (spaced || t.Key == ".") {
		j-- // 3 - 5, and 40 .48 with the space before the point
	}
	return j >= 0 && toks[j].Kind == arabic.Number
}

// isDirectionMark reports whether a mark is an invisible direction mark
// (LRM, RLM, ALM), which copy from some systems carries inside numbers.
func isDirectionMark(k string) bool {
	return k == "\u200e" || k == "\u200f" || k == "\u061c"
}

// What follows a counted noun (after).
const (
	afterPhrase    = iota // nothing on the line, a mark, a number, a listed word: the noun's phrase is over
	afterAdjective        // an adjective that agrees with the noun
	afterWord             // another word: the second term of an idafa, an adjective or a verb
)

// after says what follows the noun at token i on its line, and the index
// of that word.
func (d *countedData) after(toks []arabic.Token, i int) (int, int) {
	j := i + 1
	if j < len(toks) && toks[j].Kind == arabic.Space {
		if toks[j].Breaks > 0 {
			return afterPhrase, -1
		}
		j++
	}
	if j < len(toks) && toks[j].Kind == arabic.Number && j > i+1 {
		return afterWord, j // 4663 عام 2009: the noun labels the number after it
	}
	if j >= len(toks) || toks[j].Kind != arabic.Word || !toks[j].Arabic || j == i+1 {
		return afterPhrase, -1
	}
	k := toks[j].Key
	switch {
	case d.follow[k]:
		return afterPhrase, j
	case d.adjective(k) || strings.HasSuffix(k, "ا") && d.adjective(strings.TrimSuffix(k, "ا")):
		return afterAdjective, j
	}
	for _, c := range []string{"", "و", "ف"} {
		r, ok := strings.CutPrefix(k, c)
		if !ok {
			continue
		}
		if r == "" || d.follow[r] {
			return afterPhrase, j // و 700, وحتى
		}
		for _, a := range []string{"ال", "لل", "بال", "كال"} {
			if strings.HasPrefix(r, a) {
				return afterPhrase, j // للبرميل، والعشرين: a definite word starts another phrase
			}
		}
	}
	return afterWord, j
}

// adjective reports whether an indefinite word is an adjective that can
// agree with a counted noun: listed, or a nisba of four letters or more
// (سعودي، أمريكي، إضافي).
func (d *countedData) adjective(k string) bool {
	if d.adjectives[k] {
		return true
	}
	return strings.HasSuffix(k, "ي") && !strings.HasPrefix(k, "ال") && arabic.RuneCount(k) >= 4 && !d.follow[k]
}

// agree returns the adjective k in the form its noun takes: "" when it
// has that form already, false when the rule cannot tell (after 3–10 the
// adjective follows the plural: ريالات سعودية، أشخاص مصابون).
func (d *countedData) agree(k string, form int) (string, bool) {
	acc := strings.HasSuffix(k, "ا") && d.adjective(strings.TrimSuffix(k, "ا"))
	switch form {
	case formAccusative:
		if acc {
			return "", true
		}
		return k + "ا", true // ريالا سعوديا، مترا مربعا
	case formSingular:
		if acc {
			return strings.TrimSuffix(k, "ا"), true // 100 كيلومتر مربع
		}
		return "", true
	}
	return "", false
}

// followedByWord reports whether the word at i is directly followed, on
// the same line, by another Arabic word, perhaps in quotation marks (an
// idafa: 30 ألف دولار، 180 ألف «متهرب»).
func followedByWord(toks []arabic.Token, i int) bool {
	if i+2 >= len(toks) || toks[i+1].Kind != arabic.Space || toks[i+1].Breaks > 0 {
		return false
	}
	j := i + 2
	if toks[j].Kind == arabic.Punct && (toks[j].Key == "«" || toks[j].Key == "“" || toks[j].Key == `"`) {
		j++
	}
	return j < len(toks) && toks[j].Kind == arabic.Word && toks[j].Arabic
}
