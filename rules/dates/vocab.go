// Package dates holds the date fact checks: a weekday against its date, a
// Gregorian date against its Hijri twin, dates that cannot exist, and
// relative days and months against the dateline. The rules share one parse
// of the document's dates (parse.go) and the vocabulary in data/dates.toml.
package dates

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/daqiq/daqiq/rules/internal/gendata"
	"github.com/daqiq/daqiq/rules/internal/tomldata"

	"github.com/daqiq/daqiq/lint/arabic"
)

//go:embed data/dates.toml
var datesData []byte

// Values stored in the names lexicon.
const (
	hijriBase = 100 // hijri month n is stored as hijriBase+n
	ambiguous = 1000
)

type wordKind uint8

const (
	wNone wordKind = iota
	wDay
	wHijriEra
	wGregorianEra
	wEquivalence
	wToday
	wYesterday
	wTomorrow
	wPast
	wFuture
	wCurrent
	wMonthWord
	wYearWord
	wOf            // من: "7 من سبتمبر"
	wReference     // رقم: the number after it is no date
	wDatelineLabel // words a dateline line may hold: نشر في
)

// vocab is the loaded vocabulary.
type vocab struct {
	months   *arabic.Lexicon // Gregorian n, hijriBase+n, +ambiguous
	weekdays *arabic.Lexicon // n (0 = Sunday), +ambiguous
	words    *arabic.Lexicon // relative and marker words (every written variant); value: wordKind
	phrases  []phrase        // أول أمس, أول من أمس, بعد غد: days two back or ahead
	// comparison holds the words that set two dates side by side
	// (مقابل، مقارنة), hamza folded, with their proclitics
	comparison map[string]bool
	ordinal    ordinals
	// trigger holds the first word of every name and word above: a word
	// that is not in it cannot start a date or a relative day.
	trigger *arabic.Lexicon
	// canonical names for messages and fixes
	weekdayName [7]string
	monthName   [13]string
	hijriName   [13]string
}

func fold(s string) string { return arabic.FoldYeh(arabic.FoldHamza(s)) }

// word returns the kind of a relative or marker word, proclitics allowed.
func (v *vocab) word(key string) wordKind {
	if e, _, ok := v.words.Lookup(key); ok {
		return wordKind(e.Value)
	}
	return wNone
}

// variants returns a name with every word in its written, hamza-folded,
// yeh-folded and doubly folded forms, in all combinations.
func variants(name string) []string {
	out := []string{""}
	for _, w := range strings.Fields(name) {
		w = arabic.Key(w)
		forms := unique(w, arabic.FoldHamza(w), arabic.FoldYeh(w), fold(w))
		var next []string
		for _, o := range out {
			for _, f := range forms {
				next = append(next, strings.TrimSpace(o+" "+f))
			}
		}
		out = next
	}
	return out
}

func unique(ss ...string) []string {
	var out []string
	for _, s := range ss {
		dup := false
		for _, o := range out {
			dup = dup || o == s
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

// phrase is a relative day of several words: words[i] holds the written
// variants of its i-th word.
type phrase struct {
	words  []map[string]bool
	offset int
}

// ordinals reads day numbers written as ordinal words (keys hamza-folded).
type ordinals struct {
	unit      map[string]int // الأول 1 … العاشر 10, الحادي 1
	one, teen string
	ten       map[string]int // العشرين 20, الثلاثين 30
}

// ordinalFile is the [ordinal] table of data/dates.toml.
type ordinalFile struct {
	Units []string `toml:"units"`
	One   string   `toml:"one"`
	Teen  string   `toml:"teen"`
	Tens  []string `toml:"tens"`
}

// vocabFile is the layout of data/dates.toml.
type vocabFile struct {
	Month   []entry             `toml:"month"`
	Hijri   []entry             `toml:"hijri"`
	Weekday []entry             `toml:"weekday"`
	Words   map[string][]string `toml:"words"`
	Ordinal ordinalFile         `toml:"ordinal"`
}

const vocabName = "rules/dates/data/dates.toml"

// data/dates.toml is also written, decoded, into data_generated.go by go
// generate: parsing it costs little, but with the other families' data it
// would push a process checking one short file past the garbage
// collector's first goal, and a collection of all the rules' data costs
// more than the parse (one 5 KB article: 30 → 38 million instructions
// without the generated dates and punctuation data). The TOML file stays
// the source, and
//
//	go generate ./rules/...
//
// rewrites data_generated.go after an edit (TestGenerated fails until
// then). Data generated from another version of the file, or none, is not
// used: the file is parsed, only slower (gendata.Load).
//
//go:generate go test -tags daqiq_nogen -run ^TestGenerated$ . -args -update

// generated is data/dates.toml as data_generated.go holds it, nil without it.
var generated *gendata.Data[vocabFile]

// parseVocab decodes data/dates.toml.
func parseVocab(data []byte) (vocabFile, error) {
	var raw vocabFile
	err := tomldata.Decode(vocabName, data, &raw)
	return raw, err
}

func loadVocab(data []byte) (*vocab, error) {
	const name = vocabName
	raw, err := gendata.Load(data, generated, parseVocab)
	if err != nil {
		return nil, err
	}
	v := &vocab{months: arabic.NewLexicon(), weekdays: arabic.NewLexicon(), words: arabic.NewLexicon(), trigger: arabic.NewLexicon()}
	add := func(lex *arabic.Lexicon, e entry, base int) {
		for _, n := range e.Names {
			for _, f := range variants(n) {
				lex.Add(f, arabic.ClassNoArt, base+e.N)
			}
		}
		for _, n := range e.Ambiguous {
			for _, f := range variants(n) {
				lex.Add(f, arabic.ClassNoArt, base+e.N+ambiguous)
			}
		}
	}
	for _, e := range raw.Month {
		if e.N < 1 || e.N > 12 || len(e.Names)+len(e.Ambiguous) == 0 {
			return nil, fmt.Errorf("%s: bad month %d", name, e.N)
		}
		add(v.months, e, 0)
		v.monthName[e.N] = first(e)
	}
	for _, e := range raw.Hijri {
		if e.N < 1 || e.N > 12 {
			return nil, fmt.Errorf("%s: bad hijri month %d", name, e.N)
		}
		add(v.months, e, hijriBase)
		v.hijriName[e.N] = first(e)
	}
	for _, e := range raw.Weekday {
		if e.N < 0 || e.N > 6 || len(e.Names) == 0 {
			return nil, fmt.Errorf("%s: bad weekday %d", name, e.N)
		}
		add(v.weekdays, e, 0)
		v.weekdayName[e.N] = e.Names[0]
	}
	kinds := map[string]wordKind{
		"day": wDay, "hijri_era": wHijriEra, "gregorian_era": wGregorianEra, "equivalence": wEquivalence,
		"today": wToday, "yesterday": wYesterday, "tomorrow": wTomorrow, "past": wPast, "future": wFuture,
		"current": wCurrent, "month_word": wMonthWord, "year_word": wYearWord,
		"of": wOf, "reference": wReference, "dateline_label": wDatelineLabel,
	}
	offsets := map[string]int{"day_before_yesterday": -2, "day_after_tomorrow": 2}
	v.comparison = map[string]bool{}
	for k, list := range raw.Words {
		if k == "comparison" {
			for _, w := range list {
				for _, p := range []string{"", "و", "ب", "ف"} {
					v.comparison[arabic.FoldHamza(arabic.Key(p+w))] = true
				}
			}
			continue
		}
		if off, ok := offsets[k]; ok {
			for _, w := range list {
				f := strings.Fields(w)
				if len(f) < 2 || len(f) > 3 {
					return nil, fmt.Errorf("%s: %s entry %q must be two or three words", name, k, w)
				}
				ph := phrase{offset: off}
				for _, word := range f {
					forms := map[string]bool{}
					for _, form := range variants(word) {
						forms[form] = true
					}
					ph.words = append(ph.words, forms)
				}
				v.phrases = append(v.phrases, ph)
			}
			continue
		}
		kind, ok := kinds[k]
		if !ok {
			return nil, fmt.Errorf("%s: unknown word list %q", name, k)
		}
		for _, w := range list {
			for _, form := range variants(w) {
				v.words.Add(form, arabic.ClassNoArt, int(kind))
			}
		}
	}
	var firsts []string
	for _, list := range [][]string{allNames(raw.Month), allNames(raw.Hijri), allNames(raw.Weekday)} {
		firsts = append(firsts, list...)
	}
	for k, list := range raw.Words {
		switch k {
		case "of", "reference", "dateline_label", "comparison": // they start nothing
		default:
			firsts = append(firsts, list...)
		}
	}
	firsts = append(append(firsts, raw.Ordinal.Units...), raw.Ordinal.One)
	firsts = append(firsts, raw.Ordinal.Tens...)
	for _, n := range firsts {
		for _, f := range variants(strings.Fields(n)[0]) {
			v.trigger.Add(f, arabic.ClassNoArt, 0)
		}
	}
	for i := 1; i <= 12; i++ {
		if v.monthName[i] == "" || v.hijriName[i] == "" {
			return nil, fmt.Errorf("%s: month %d missing", name, i)
		}
	}
	o := raw.Ordinal
	if len(o.Units) != 10 || o.One == "" || o.Teen == "" || len(o.Tens) != 2 {
		return nil, fmt.Errorf("%s: [ordinal] needs 10 units, one, teen and 2 tens", name)
	}
	v.ordinal = ordinals{unit: map[string]int{}, ten: map[string]int{}, one: fold(arabic.Key(o.One)), teen: fold(arabic.Key(o.Teen))}
	for i, u := range o.Units {
		v.ordinal.unit[fold(arabic.Key(u))] = i + 1
	}
	v.ordinal.unit[v.ordinal.one] = 1
	for i, t := range o.Tens {
		v.ordinal.ten[fold(arabic.Key(t))] = 20 + 10*i
	}
	return v, nil
}

// entry is a month or weekday in the data file.
type entry struct {
	N         int      `toml:"n"`
	Names     []string `toml:"names"`
	Ambiguous []string `toml:"ambiguous"`
	// Message is the name the messages write, when it is not the first
	// of Names.
	Message string `toml:"message"`
}

func allNames(es []entry) []string {
	var out []string
	for _, e := range es {
		out = append(append(out, e.Names...), e.Ambiguous...)
	}
	return out
}

func first(e entry) string {
	if e.Message != "" {
		return e.Message
	}
	if len(e.Names) > 0 {
		return e.Names[0]
	}
	return e.Ambiguous[0]
}
