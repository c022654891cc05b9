package punctuation

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/gendata"
	"github.com/daqiq/daqiq/rules/internal/tomldata"
)

//go:embed data/quote_colon.toml
var quoteColonData []byte

// Styles of the quote-colon rule.
const (
	ColonAdd    = "add"    // قال: «…»: a missing colon is flagged (the default)
	ColonRemove = "remove" // قال «…»: a house style that drops the colon
	ColonOff    = "off"

	// Older names, still accepted: colon is add, none is remove, and
	// consistent (which once followed each text's majority, and so asked
	// to delete the colon from texts that mostly lacked it) is add.
	ColonRequired   = "colon"
	ColonNone       = "none"
	ColonConsistent = "consistent"
)

// what a word is to the rule (bits)
const (
	wSpeech   uint8 = 1 << iota // قال، أضاف …
	wReport                     // أكد، ذكر …
	wParticle                   // إن، أن …
	wPrep                       // عن، على …
	wName                       // حزب، صحيفة …
)

// maxBetween is how many words may stand between the verb and the colon
// or quotation mark: the subject and a short phrase (وقال رئيس الوزراء
// الألباني إيدي راما في كلمته).
const maxBetween = 7

type colonWords map[string]uint8

const colonName = "rules/punctuation/data/quote_colon.toml"

// colonFile is the layout of data/quote_colon.toml.
type colonFile struct {
	Speech       []string `toml:"speech"`
	Report       []string `toml:"report"`
	Particles    []string `toml:"particles"`
	Prepositions []string `toml:"prepositions"`
	Names        []string `toml:"names"`
}

// data/quote_colon.toml is also written, decoded, into data_generated.go by go
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

// generated is data/quote_colon.toml as data_generated.go holds it, nil
// without it.
var generated *gendata.Data[colonFile]

// parseColon decodes data/quote_colon.toml.
func parseColon(data []byte) (colonFile, error) {
	var raw colonFile
	err := tomldata.Decode(colonName, data, &raw)
	return raw, err
}

func loadColonWords(data []byte) (colonWords, int, error) {
	const name = colonName
	raw, err := gendata.Load(data, generated, parseColon)
	if err != nil {
		return nil, 0, err
	}
	w := colonWords{}
	n := 0
	for _, l := range []struct {
		words []string
		bit   uint8
	}{{raw.Speech, wSpeech}, {raw.Report, wReport}, {raw.Particles, wParticle}, {raw.Prepositions, wPrep}, {raw.Names, wName}} {
		for _, s := range l.words {
			k := arabic.Key(s)
			if k == "" || strings.ContainsAny(k, " \t") {
				return nil, 0, fmt.Errorf("%s: bad entry %q", name, s)
			}
			if w[k]&l.bit != 0 {
				return nil, 0, fmt.Errorf("%s: %q listed twice", name, s)
			}
			w[k] |= l.bit
			w[arabic.FoldHamza(k)] |= l.bit
			n++
		}
	}
	return w, n, nil
}

// of returns what a word key is, with و or ف before it, and for names
// also with ب ل ك.
func (w colonWords) of(k string) uint8 {
	f := w[k]
	if len(k) > len("و")+2 {
		switch k[:len("و")] {
		case "و", "ف":
			f |= w[k[len("و"):]]
		case "ب", "ل", "ك":
			f |= w[k[len("و"):]] & wName
		}
	}
	return f
}

// QuoteColon makes the rule punctuation/quote-colon.
func QuoteColon() (*lint.Rule, error) {
	words, n, err := loadColonWords(quoteColonData)
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "punctuation/quote-colon",
		Kind:     lint.Code,
		Category: "punctuation",
		Level:    lint.Info,
		Summary:  "the colon between a verb of speech and its quotation (قال: «…») — house style: add (default), remove or off",
		Doc: lint.Doc{
			What: "Looks at quotations opened by « “ or \" within a few words of a reporting verb (قال، أضاف، تابع، قائلا … and with a colon also أكد، ذكر، أوضح …, with و or ف before them). " +
				"The add style (the default) asks for the colon that Arabic punctuation puts between the verb of saying and the words said: قال الوزير: «…». It only ever suggests adding one, however many quotations of the text lack it; a colon is never flagged. " +
				"The remove style is for papers whose house style drops the colon before quotation marks (قال الوزير «…»): there the colon is flagged. " +
				"A quotation without a colon is only counted when it is a full statement: it follows a verb of speech and its subject with a space, holds three words or more and ends its sentence; " +
				"after إن or أن or when the quotation itself starts with أنّ (وأضافت «أنها …»: reported speech), after a preposition, after a noun that takes a name (حزب «…», صحيفة «…») or after verbs like أكد whose object is often quoted, it is left alone.",
			Why:   "Arabic punctuation puts a colon between the verb of saying and the words said (قال: «…»); much published copy leaves it out, which is a slip, not a style to follow, so the rule never asks to delete it unless the house style says so.",
			Wrong: "وقال الوزير «سنواصل العمل حتى آخر يوم». وتابع «لن نتراجع عن هذا القرار».",
			Right: "وقال الوزير: «سنواصل العمل حتى آخر يوم». وتابع: «لن نتراجع عن هذا القرار».",
			Fix:   "Inserting a colon is unsafe: the rule cannot be sure the quotation is the speaker's whole statement rather than a phrase of the sentence. Deleting one (style remove) is safe.",
		},
		Options: map[string]lint.Option{
			"style": {Default: ColonAdd, Allowed: []string{ColonAdd, ColonRemove, ColonOff, ColonRequired, ColonNone, ColonConsistent}, Off: ColonOff,
				Help: "add: a missing colon is flagged (قال: «…»); remove: the house style drops it (قال «…»); off. colon and consistent are older names of add, none of remove"},
		},
		Size: n,
		Run:  func(p *lint.Pass) { runQuoteColon(p, words) },
	}, nil
}

// quotation is a quotation introduced by a reporting verb.
type quotation struct {
	open  int // token index of the opening mark
	colon int // token index of the colon, or -1
	space int // token index of the whitespace before the opening mark (no colon)
	word  int // the word before the colon or the mark
}

func runQuoteColon(p *lint.Pass, words colonWords) {
	style := p.Option("style")
	switch style {
	case ColonOff:
		return
	case ColonNone:
		style = ColonRemove
	case ColonRequired, ColonConsistent, "":
		style = ColonAdd
	}
	toks := p.Tokens
	pairs, _ := scanOf(p).pairing(toks)
	for _, pr := range pairs {
		o := int(pr.open)
		switch toks[o].Key {
		case "«", "“", "”", `"`:
		default:
			continue
		}
		colon := afterColon(toks, o)
		if colon != (style == ColonRemove) || !colon && !fullStatement(toks, o, int(pr.close), words) {
			continue
		}
		qt, ok := introduced(toks, o, words)
		if !ok {
			continue
		}
		if style == ColonAdd {
			sp := toks[qt.space]
			p.Report(lint.Diagnostic{
				Start: sp.Start, End: sp.End,
				Message: p.T("add", p.Text[toks[qt.word].Start:toks[qt.word].End]+": "+toks[qt.open].Key),
				Fixes:   []lint.SuggestedFix{{Message: p.T("insert-colon"), Applicability: lint.Unsafe, Edits: []lint.TextEdit{{Start: sp.Start, End: sp.Start, New: ":"}}}},
			})
			continue
		}
		c := toks[qt.colon]
		edit := lint.TextEdit{Start: c.Start, End: c.End}
		spaceBefore, spaceAfter := isInlineSpace(toks, qt.colon-1), isInlineSpace(toks, qt.colon+1)
		switch {
		case spaceBefore && spaceAfter:
			edit.End = toks[qt.colon+1].End
		case !spaceBefore && !spaceAfter:
			edit.New = " "
		}
		p.Report(lint.Diagnostic{
			Start: c.Start, End: c.End,
			Message: p.T("remove"),
			Fixes:   []lint.SuggestedFix{{Message: p.T("delete-colon"), Applicability: lint.Safe, Edits: []lint.TextEdit{edit}}},
		})
	}
}

// afterColon reports whether a colon comes right before the opening mark
// at token o, perhaps with whitespace between.
func afterColon(toks []arabic.Token, o int) bool {
	if isInlineSpace(toks, o-1) {
		o--
	}
	return at(toks, o-1) == ':'
}

// introduced finds the reporting verb before the opening mark at token o:
// [verb] [words] [:] [space] mark, with at most maxBetween words between
// and no line break.
func introduced(toks []arabic.Token, o int, words colonWords) (quotation, bool) {
	qt := quotation{open: o, colon: -1, space: -1}
	k := o - 1
	if isInlineSpace(toks, k) {
		qt.space = k
		k--
	}
	if at(toks, k) == ':' {
		qt.colon, qt.space = k, -1
		k--
		if isInlineSpace(toks, k) {
			k--
		}
	} else if qt.space < 0 {
		return qt, false // glued to the word before: لـ«…»
	}
	qt.word = k
	if !isArabicWord(toks, k) {
		return qt, false
	}
	n := 0
	for ; k >= 0; k-- {
		t := toks[k]
		switch {
		case t.Kind == arabic.Space:
			if t.Breaks > 0 {
				return qt, false
			}
			continue
		case t.Kind == arabic.Word && t.Arabic:
			f := words.of(t.Key)
			if f&(wSpeech|wReport) != 0 {
				if qt.colon >= 0 {
					return qt, true
				}
				// no colon: only a verb of speech, and not when the
				// quotation is the object of a preposition or a name
				return qt, f&wSpeech != 0 && (k == qt.word || words.of(toks[qt.word].Key)&(wPrep|wName) == 0)
			}
			if f&wParticle != 0 && qt.colon < 0 {
				return qt, false // قال إن «…»: part of the sentence
			}
		case t.Kind == arabic.Number:
		case t.Key == "،":
			continue
		default:
			return qt, false
		}
		if n++; n > maxBetween {
			return qt, false
		}
	}
	return qt, false
}

// fullStatement reports whether the quotation between tokens o and c is a
// statement of its own: three words or more, and its closing mark ends the
// sentence (a final mark, the end of the line, or a comma not followed by
// إن or أن).
func fullStatement(toks []arabic.Token, o, c int, words colonWords) bool {
	n := 0
	for k := o + 1; k < c && n < 3; k++ {
		if toks[k].Kind == arabic.Word {
			if n == 0 && strings.HasPrefix(toks[k].Key, "أن") && words.of(toks[k].Key)&wParticle != 0 {
				return false // وأضافت «أنها …»: reported speech, no colon
			}
			n++
		}
	}
	if n < 3 {
		return false
	}
	k := c + 1
	if k >= len(toks) {
		return true
	}
	switch markOf(toks[k]) {
	case '.', '؟', '!', '؛':
		return true
	case '،':
		k++
		if isInlineSpace(toks, k) {
			k++
		}
		return k >= len(toks) || toks[k].Kind != arabic.Word || words.of(toks[k].Key)&wParticle == 0
	}
	return toks[k].Kind == arabic.Space && (toks[k].Breaks > 0 || k+1 >= len(toks))
}
