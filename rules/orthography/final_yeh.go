// Package orthography holds house-style spelling rules: how a paper writes
// letters that have more than one accepted form.
package orthography

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/gendata"
	"github.com/daqiq/daqiq/rules/internal/tomldata"
)

//go:embed data/final_yeh.toml
var finalYehData []byte

// Styles of the final-yeh rule.
const (
	StyleStandard   = "standard"   // final ي is written ي: فى is flagged
	StyleConsistent = "consistent" // only a mix of the two styles is flagged
	StyleOff        = "off"
)

type yehData struct {
	Yeh     map[string][]string `toml:"yeh"`
	Maksura struct {
		Words []string `toml:"words"`
	} `toml:"maksura"`
	Alef struct {
		Words []string `toml:"words"`
	} `toml:"alef"`
}

// lexicons of the rule: words that truly end in ى, words that end in ي
// (stored with ي) with the proclitics each accepts, and verbs in ا that
// copy writes with ى (stored with ى, their value an index into alefForms).
type lexicons struct {
	maksura   *arabic.Lexicon
	yeh       *arabic.Lexicon
	alef      *arabic.Lexicon
	alefForms []string
}

const yehName = "rules/orthography/data/final_yeh.toml"

// parseYeh parses data/final_yeh.toml.
func parseYeh(data []byte) (yehData, error) {
	var d yehData
	err := tomldata.Decode(yehName, data, &d)
	return d, err
}

// data/final_yeh.toml is also written, decoded, into data_generated.go by
// go generate, so that a process checking one short file does not parse it
// again; the TOML file stays the source, and
//
//	go generate ./rules/...
//
// rewrites data_generated.go after an edit (TestGenerated fails until
// then). Data generated from another version of the file, or none, is not
// used: the file is parsed, only slower (gendata.Load).
//
//go:generate go test -tags daqiq_nogen -run ^TestGenerated$ . -args -update

// generated is the data of data_generated.go, nil without it.
var generated *gendata.Data[yehData]

func loadLexicons(data []byte) (*lexicons, int, error) {
	const name = yehName
	d, err := gendata.Load(data, generated, parseYeh)
	if err != nil {
		return nil, 0, err
	}
	lx := &lexicons{maksura: arabic.NewLexicon(), yeh: arabic.NewLexicon(), alef: arabic.NewLexicon()}
	n := 0
	for _, w := range d.Alef.Words {
		if !strings.HasSuffix(w, "ا") {
			return nil, 0, fmt.Errorf("%s: alef word %q does not end in ا", name, w)
		}
		if !lx.alef.Add(strings.TrimSuffix(w, "ا")+"ى", arabic.ClassConj, len(lx.alefForms)) {
			return nil, 0, fmt.Errorf("%s: alef word %q listed twice", name, w)
		}
		lx.alefForms = append(lx.alefForms, w)
		n++
	}
	for _, w := range d.Maksura.Words {
		if !strings.HasSuffix(w, "ى") {
			return nil, 0, fmt.Errorf("%s: maksura word %q does not end in ى", name, w)
		}
		if !lx.maksura.Add(w, arabic.ClassAll, 0) {
			return nil, 0, fmt.Errorf("%s: maksura word %q listed twice", name, w)
		}
		n++
	}
	classes := make([]string, 0, len(d.Yeh))
	for c := range d.Yeh {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		class, ok := arabic.ClassNames[c]
		if !ok {
			return nil, 0, fmt.Errorf("%s: [yeh] has unknown class %q", name, c)
		}
		for _, w := range d.Yeh[c] {
			if !strings.HasSuffix(w, "ي") {
				return nil, 0, fmt.Errorf("%s: yeh word %q does not end in ي", name, w)
			}
			if lx.maksura.Has(arabic.Key(strings.TrimSuffix(w, "ي") + "ى")) {
				return nil, 0, fmt.Errorf("%s: %q is listed both as yeh and as maksura", name, w)
			}
			if !lx.yeh.Add(w, class, 0) {
				return nil, 0, fmt.Errorf("%s: yeh word %q listed twice", name, w)
			}
			n++
		}
	}
	return lx, n, nil
}

// FinalYeh makes the rule orthography/final-yeh.
func FinalYeh() (*lint.Rule, error) {
	lx, n, err := loadLexicons(finalYehData)
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "orthography/final-yeh",
		Kind:     lint.Code,
		Category: "orthography",
		Level:    lint.Warning,
		Summary:  "final ي written as ى (فى، التى، وهى، القومى) — house style: standard, consistent or off",
		Doc: lint.Doc{
			What:  "Flags a final yeh written as alef maksura. In the standard style, words known to end in ي (في، التي، الذي، هي، الماضي …) are always flagged; once a text shows the ى-for-ي habit, any other word ending in ى that is not a true alef-maksura word (على، إلى، مستشفى، الكبرى، أدى …) is flagged too. In the consistent style only a text that mixes the two habits is flagged, towards its majority. A word in ى that is a word of its own beside its ي-form is not flagged because the text also has the ي-form: passive participles of derived verbs (المعتدى عليه beside المعتدي) and passive imperfects (أن تُروى beside تروي). تلى, a common misspelling of the verb تلا (ثم تلا ذلك), gets تلا, except in a text that writes final ي as ى, where it may be تلي.",
			Why:   "Egyptian print writes the final ي without dots; most house styles and every search engine treat فى and في as different words. A text that mixes both looks unedited.",
			Wrong: "وقال المتحدث فى المؤتمر إن الخطة التى أقرتها الحكومة نهائية.",
			Right: "وقال المتحدث في المؤتمر إن الخطة التي أقرتها الحكومة نهائية.",
			Fix:   "Safe for listed words and for a word the same text also writes with ي; unsafe for words inferred from the text's habit (a rare name or verb ending in ى may be missing from the list) and for تلى → تلا.",
		},
		Options: map[string]lint.Option{
			"style": {Default: StyleStandard, Allowed: []string{StyleStandard, StyleConsistent, StyleOff}, Off: StyleOff,
				Help: "standard: final ي is written ي; consistent: flag only a mix of ى and ي; off"},
		},
		Size: n,
		Run:  func(p *lint.Pass) { run(p, lx) },
	}, nil
}

// occurrence is a word written with a final ى whose letter is in
// question.
type occurrence struct {
	tok    int32  // its token
	folded string // its key with the final letter as ي
	known  bool   // in the yeh list (with an accepted proclitic)
}

func run(p *lint.Pass, lx *lexicons) {
	style := p.Option("style")
	if style == StyleOff {
		return
	}
	var occ []occurrence
	var alef []alefOccurrence
	// the words written with a final ي, and those of them the yeh list
	// knows: token indexes (a text has many: في، التي، الذي)
	var yehWords, yehKnown []int32
	knownMaksura := 0
	for i, t := range p.Tokens {
		if t.Kind != arabic.Word || !t.Arabic {
			continue
		}
		switch {
		case strings.HasSuffix(t.Key, "ى"):
			if _, ok := lx.maksura.MatchAt(p.Tokens, p.Splits, i); ok {
				continue
			}
			if m, ok := lx.alef.MatchAt(p.Tokens, p.Splits, i); ok {
				alef = append(alef, alefOccurrence{tok: int32(i), form: lx.alefForms[m.Value]})
				continue
			}
			folded := arabic.FoldYeh(t.Key)
			_, _, known := lx.yeh.Lookup(folded)
			if known {
				knownMaksura++
			}
			occ = append(occ, occurrence{tok: int32(i), folded: folded, known: known})
		case strings.HasSuffix(t.Key, "ي"):
			yehWords = append(yehWords, int32(i))
			if _, ok := lx.yeh.MatchAt(p.Tokens, p.Splits, i); ok {
				yehKnown = append(yehKnown, int32(i))
			}
		}
	}
	if knownMaksura == 0 {
		// تلى for تلا, unless the text writes final ي as ى (تلى for تلي)
		for _, a := range alef {
			t := &p.Tokens[a.tok]
			word := p.Text[t.Start:t.End]
			fix := replaceFinal(word, "ا")
			p.Report(lint.Diagnostic{Start: t.Start, End: t.End,
				Message: p.T("verb-alef", word, a.form, fix),
				Fixes:   []lint.SuggestedFix{lint.Replace(t.Start, t.End, fix, lint.Unsafe)}})
		}
	}
	if len(occ) == 0 {
		return
	}
	knownYeh := len(yehKnown)
	// the ى words also written with ي in this text
	alsoYeh := make(map[string]bool, len(occ))
	for _, o := range occ {
		alsoYeh[o.folded] = false
	}
	for _, i := range yehWords {
		if _, ok := alsoYeh[p.Tokens[i].Key]; ok {
			alsoYeh[p.Tokens[i].Key] = true
		}
	}
	// the text's habit: does it write listed ي-words with ى?
	habit := knownMaksura > 0
	if style == StyleConsistent {
		if knownMaksura > knownYeh {
			flagYeh(p, yehKnown, knownMaksura, knownYeh)
			return
		}
		habit = knownMaksura > 0 && knownYeh > 0
	}
	for _, o := range occ {
		t := &p.Tokens[o.tok]
		word := p.Text[t.Start:t.End]
		fix := replaceFinal(word, "ي")
		var msg string
		app := lint.Safe
		switch {
		case alsoYeh[o.folded] && (o.known || !twoWords(t.Key)):
			msg = p.T("also-yeh", word, arabic.Key(fix), fix)
		case o.known && style == StyleConsistent && habit:
			msg = p.T("mostly-yeh", word, knownYeh, knownMaksura, fix)
		case o.known && style == StyleStandard:
			msg = p.T("standard", word, fix)
		case style == StyleStandard && habit && inferable(t.Key):
			msg = p.T("inferred", word, firstKnown(p, occ), fix)
			app = lint.Unsafe
		default:
			continue
		}
		p.Report(lint.Diagnostic{Start: t.Start, End: t.End, Message: msg,
			Fixes: []lint.SuggestedFix{lint.Replace(t.Start, t.End, fix, app)}})
	}
}

// alefOccurrence is a verb in ا written with ى (تلى).
type alefOccurrence struct {
	tok  int32
	form string // the verb as it is written: تلا
}

// definiteStem strips the proclitics before a word: و or ف when more than
// minConj letters are left with them, then ب ك ل before the article, and
// writes لل as ال (للمعتدى → المعتدى).
func definiteStem(key string, minConj int) string {
	stem := key
	for _, c := range []string{"و", "ف"} {
		if strings.HasPrefix(stem, c) && arabic.RuneCount(stem) > minConj {
			stem = stem[len(c):]
			break
		}
	}
	for _, c := range []string{"ب", "ك", "ل"} {
		if strings.HasPrefix(stem, c+"ال") {
			stem = stem[len(c):]
			break
		}
	}
	if strings.HasPrefix(stem, "لل") {
		stem = "ال" + stem[len("لل"):]
	}
	return stem
}

// twoWords reports whether a word in ى that no list knows may be a
// word of its own beside its ي-form, so that a text having both is no
// evidence of a slip: an imperfect verb, active in ي and passive in ى
// (تروي/تُروى، سنلقي/سنلقى), or a participle of a derived form, active in ي
// and passive in ى (المعتدي/المعتدى عليه، المدعي/المدعى عليه).
func twoWords(key string) bool {
	stem := definiteStem(key, 3)
	if s, ok := strings.CutPrefix(stem, "ال"); ok {
		return strings.HasPrefix(s, "م") && arabic.RuneCount(s) >= 4 // المعتدى، المدعى
	}
	if strings.HasPrefix(stem, "س") || strings.HasPrefix(stem, "ل") {
		stem = stem[len("س"):] // سنلقى، لتروى
	}
	switch []rune(stem)[0] {
	case 'ي', 'ت', 'ن', 'أ':
		return true // تروى، يلقى، نلقى
	case 'م':
		return arabic.RuneCount(stem) >= 4 // معتدى عليه
	}
	return false
}

// inferable reports whether a word ending in ى that no list knows may be
// taken for a ي-word in a text with the ى-for-ي habit: a definite noun or
// adjective (القومى، والإيرانى) or a participle in م (متحدثى), at least four
// letters without its proclitics. Other words may be verbs, which end in ى
// as often as not, so they are left alone.
func inferable(key string) bool {
	stem := definiteStem(key, 4)
	switch {
	case strings.HasPrefix(stem, "ال"):
		return arabic.RuneCount(stem) >= 6 // ال + at least four letters
	case strings.HasPrefix(stem, "م"):
		return arabic.RuneCount(stem) >= 5
	}
	return false
}

// flagYeh handles a consistent-style text whose majority writes ى: the
// listed words written with ي (yehKnown, token indexes) are the odd ones
// out.
func flagYeh(p *lint.Pass, yehKnown []int32, nMaksura, nYeh int) {
	for _, i := range yehKnown {
		t := &p.Tokens[i]
		word := p.Text[t.Start:t.End]
		fix := replaceFinal(word, "ى")
		p.Report(lint.Diagnostic{Start: t.Start, End: t.End,
			Message: p.T("mostly-maksura", word, nMaksura, nYeh, fix),
			Fixes:   []lint.SuggestedFix{lint.Replace(t.Start, t.End, fix, lint.Safe)}})
	}
}

func firstKnown(p *lint.Pass, occ []occurrence) string {
	for _, o := range occ {
		if o.known {
			t := &p.Tokens[o.tok]
			return p.Text[t.Start:t.End]
		}
	}
	return ""
}

// replaceFinal replaces the last letter of word (ى or ي), keeping harakat
// written after it.
func replaceFinal(word, letter string) string {
	i := strings.LastIndexAny(word, "ىي")
	if i < 0 {
		return word
	}
	return word[:i] + letter + word[i+len("ى"):]
}
