package usage

import (
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/gendata"
)

var loadAnnaBa = sync.OnceValues(func() (*arabic.Lexicon, error) {
	f, err := gendata.Load(annaBaData, generatedAnnaBa, parseAnnaBa)
	if err != nil {
		return nil, err
	}
	lex := arabic.NewLexicon()
	for i, v := range f.Verbs {
		lex.Add(v, arabic.ClassConj, i) // a key listed twice keeps its first entry
	}
	return lex, nil
})

// AnnaBa makes the rule usage/anna-ba.
func AnnaBa() (*lint.Rule, error) {
	lex, err := loadAnnaBa()
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "usage/anna-ba",
		Kind:     lint.Code,
		Category: "usage",
		Level:    lint.Info,
		Disabled: true,
		Summary:  "house style: أكد أن, not أكد بأن (off by default)",
		Doc: lint.Doc{
			What: "Flags بأنّ (بأن، بأنه، بأنها …) right after a form of أكّد (أكد، أكدت، يؤكد، مؤكدا …) and suggests أنّ. Off by default: turn it on for a house style that wants the verb's object clause without ب.",
			Why: "أكّد takes its object directly: أكّد الأمرَ، أكّد أنّ الوضع مستقر. The ب before أنّ is common in news copy and some editors accept it, so this is a matter of house style, not an error. Only the verb right before بأن is checked: after a noun (أكد ثقته بأن، أكد التزامه بأن) the ب belongs to the noun. " +
				"Source: the dictionaries under أكد (مجمع اللغة العربية، «المعجم الوسيط»: أكّد الشيءَ), where the verb is transitive without a preposition.",
			Wrong: "وأكد بأن الحكومة ماضية في خطتها.",
			Right: "وأكد أن الحكومة ماضية في خطتها.",
			Fix:   "Safe: the ب is dropped.",
		},
		Size: lex.Len(),
		Run:  func(p *lint.Pass) { runAnnaBa(p, lex) },
	}, nil
}

func runAnnaBa(p *lint.Pass, lex *arabic.Lexicon) {
	toks := p.Tokens
	for i := range toks {
		if !wordAt(toks, i) {
			continue
		}
		k := toks[i].Key
		if !strings.HasPrefix(k, "بأن") && !strings.HasPrefix(k, "بان") {
			continue
		}
		rest := strings.TrimPrefix(strings.TrimPrefix(k, "بأن"), "بان")
		if rest != "" && !isPronoun(rest) {
			continue
		}
		v := prevWord(toks, i)
		if v < 0 {
			continue
		}
		if _, ok := lex.MatchAt(toks, p.Splits, v); !ok {
			continue
		}
		if silent(p, toks[i].Start) {
			continue
		}
		word := p.Text[toks[i].Start:toks[i].End]
		n := arabic.SplitPrefix(word, "ب")
		fix := word[n:]
		p.Report(lint.Diagnostic{
			Start: toks[i].Start, End: toks[i].End,
			Message: p.T("message", word, fix),
			Fixes:   []lint.SuggestedFix{lint.Replace(toks[i].Start, toks[i].End, fix, lint.Safe)},
		})
	}
}

// isPronoun reports whether s is a pronoun attached to أنّ.
func isPronoun(s string) bool {
	for _, p := range pronounSuffixes {
		if s == p {
			return true
		}
	}
	return false
}
