package lexicon

import (
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/prose"
	"github.com/daqiq/daqiq/rules/orthography"
	"github.com/daqiq/daqiq/rules/spelling"
	"github.com/daqiq/daqiq/rules/typography"
	"github.com/daqiq/daqiq/rules/usage"
)

// finding is one flagged span of a document.
type finding struct {
	start, end int
	word       string   // the text flagged
	fixes      []string // replacements of the span, best first
	class      class
	safe       bool
}

// findings returns the document's findings of every class, computed once
// per document for all the lexicon rules.
func (lx *Lexicon) findings(p *lint.Pass) *[nClasses][]finding {
	return p.Memo("lexicon\x00"+lx.key, func() any { return lx.analyze(p) }).(*[nClasses][]finding)
}

var loadWarning sync.Map // lexicon key → struct{}: the load error was printed

// maxWord is the longest word (in bytes of its key) the rules look at: 32
// letters, twice the longest Arabic word with all its clitics. A longer
// "word" (a run of letters in a hostile or broken text) is no misspelling
// of a word, and its candidates would cost time and memory as the square
// of its length.
const maxWord = 64

func (lx *Lexicon) analyze(p *lint.Pass) *[nClasses][]finding {
	var out [nClasses][]finding
	if err := lx.Load(); err != nil {
		if _, done := loadWarning.LoadOrStore(lx.key, struct{}{}); !done {
			fmt.Fprintf(os.Stderr, "daqiq: the lexicon rules are off: %v\n", err)
		}
		return &out
	}
	var all []finding
	toks := p.Tokens
	hashtag := false // inside a hashtag: after # through words joined by _
	for i := range toks {
		t := &toks[i]
		switch {
		case t.Kind == arabic.Punct && t.Key == "#":
			hashtag = true
			continue
		case t.Kind == arabic.Punct && t.Key == "_", t.Kind == arabic.Number:
			continue
		case t.Kind != arabic.Word:
			hashtag = false
			continue
		}
		if hashtag || !t.Arabic || len(t.Key) > maxWord {
			// the words of a hashtag (#لاتجعل_نفسك_اضحوكة) are the
			// tag's, spelled as it is searched for
			continue
		}
		if f, ok := lx.splitAt(p, i); ok {
			all = append(all, f)
			continue
		}
		v := lx.verdictOf(t.Key)
		if v == nil || arabic.RuneCount(t.Key) == 2 && besideLetterName(toks, i) {
			continue
		}
		word := p.Text[t.Start:t.End]
		if harakat(word) >= 2 {
			continue // poetry and scripture, spelled as their own tradition spells them
		}
		if v.class == verbTaa && !verbContext(p, i) {
			continue
		}
		all = append(all, finding{
			start: t.Start, end: t.End, word: word, fixes: v.cands, class: v.class,
			// harakat on the word are lost by the fix
			safe: len(v.cands) == 1 && len(word) == len(t.Key),
		})
	}
	if len(all) == 0 {
		return &out
	}
	curated := curatedSpans(p)
	for _, f := range all {
		if overlaps(curated, f.start, f.end) {
			continue
		}
		out[f.class] = append(out[f.class], f)
	}
	return &out
}

// besideLetterName reports whether the word token i stands next to the
// name of a Latin letter spelled in Arabic script, one space apart on the
// same line: a word of two letters there is a letter too (ام in اف ام is
// FM's M, not أم).
func besideLetterName(toks []arabic.Token, i int) bool {
	for _, j := range []int{i - 2, i + 2} {
		if j < 0 || j >= len(toks) || toks[j].Kind != arabic.Word {
			continue
		}
		sp := toks[(i+j)/2]
		if sp.Kind == arabic.Space && sp.Breaks == 0 && prose.PlainLetterName(toks[j].Key) {
			return true
		}
	}
	return false
}

func harakat(w string) int {
	n := 0
	for _, r := range w {
		if arabic.IsHaraka(r) {
			n++
		}
	}
	return n
}

// verbContext reports whether word token i, a noun ending in ة the
// dictionary rejects whose ت form is a verb, stands where a verb does: it
// opens a clause with و or ف, and the subject with its article follows
// (واستمرة المفاوضات). Elsewhere ة is more often a slip for ه (شكرة →
// شكره) or a noun the dictionary lacks (أتمتة، ومضة).
func verbContext(p *lint.Pass, i int) bool {
	k := p.Tokens[i].Key
	if !strings.HasPrefix(k, "و") && !strings.HasPrefix(k, "ف") {
		return false
	}
	if i+2 >= len(p.Tokens) || p.Tokens[i+1].Kind != arabic.Space || p.Tokens[i+2].Kind != arabic.Word {
		return false
	}
	return strings.HasPrefix(p.Tokens[i+2].Key, "ال")
}

// splitAt finds a proclitic set apart from its word by a space: token i
// is و, ف, ب, ل, ك or the future's س alone, then one space, then a word
// that the proclitic joins into an accepted word (و سوريا → وسوريا، ل
// المرة → للمرة، س يعقد → سيعقد).
func (lx *Lexicon) splitAt(p *lint.Pass, i int) (finding, bool) {
	toks := p.Tokens
	t := toks[i]
	switch t.Key {
	case "و", "ف", "ب", "ل", "ك", "س":
	default:
		return finding{}, false
	}
	if p.Text[t.Start:t.End] != t.Key || i+2 >= len(toks) {
		return finding{}, false
	}
	// before it: the start of the text, a space, or a mark that opens
	// a sentence or a clause (و قال at the head of a paragraph)
	if i > 0 {
		switch prev := toks[i-1]; {
		case prev.Kind == arabic.Space:
		case prev.Kind == arabic.Punct && strings.Contains(".،؛:«\"“(", prev.Key) && (t.Key == "و" || t.Key == "ف"):
			// only و and ف: «ك تلفزيوني» is a ticker
		default:
			return finding{}, false
		}
	}
	sp, w := toks[i+1], toks[i+2]
	if sp.Kind != arabic.Space || sp.Breaks > 0 || sp.End-sp.Start != 1 ||
		w.Kind != arabic.Word || !w.Arabic || !plainArabic(w.Key) {
		return finding{}, false
	}
	if i+3 < len(toks) && toks[i+3].Kind == arabic.Word {
		return finding{}, false
	}
	// a list of letters (أ و ب) or a letter named in a sentence
	if i >= 2 && toks[i-2].Kind == arabic.Word && arabic.RuneCount(toks[i-2].Key) == 1 {
		return finding{}, false
	}
	joined, wText := t.Key+w.Key, p.Text[w.Start:w.End]
	if t.Key == "ل" && strings.HasPrefix(w.Key, "ال") {
		// ل before the article takes its alef: ل المرة → للمرة
		joined, wText = "ل"+w.Key[len("ا"):], wText[len("ا"):]
	}
	if !lx.accepted(joined) || lx.verdictOf(joined) != nil {
		return finding{}, false
	}
	switch t.Key {
	case "و", "ف":
	case "س":
		// the future's س before an imperfect verb the dictionary knows
		// alone (س يعقد); elsewhere a lone س is a letter (س: for a
		// question, a variable)
		if !strings.ContainsRune("يتنأ", firstRune(w.Key)) || !lx.accepted(w.Key) || arabic.RuneCount(w.Key) < 3 {
			return finding{}, false
		}
	default:
		// ب, ل, ك: before a word with the article (ب الإجماع), or
		// making a frequent news word (ب نسبة)
		if !strings.HasPrefix(w.Key, "ال") && !typography.NewsWord(joined) {
			return finding{}, false
		}
	}
	word := p.Text[t.Start:w.End]
	return finding{start: t.Start, end: w.End, word: word, class: splitClitic, safe: true,
		fixes: []string{t.Key + wText}}, true
}

// curated are the rules whose word lists keep priority over the
// dictionary: a word one of them flags is theirs.
var curated = sync.OnceValue(func() []*lint.Rule {
	var out []*lint.Rule
	for _, mk := range []func() (*lint.Rule, error){
		spelling.HamzatWasl, spelling.MissingHamza, spelling.Misspelling,
		orthography.FinalYeh, typography.RunTogether, usage.WordForm,
	} {
		if r, err := mk(); err == nil {
			out = append(out, r)
		}
	}
	return out
})

// curatedSpans runs the curated rules over the document (only one with a
// finding of the lexicon rules gets here) and returns what they flag.
func curatedSpans(p *lint.Pass) [][2]int {
	var spans [][2]int
	for _, r := range curated() {
		pass := lint.NewPass(r, p.Doc, p.Tokens, p.Splits, nil, &lint.Facts{}, nil, func(d lint.Diagnostic) {
			spans = append(spans, [2]int{d.Start, d.End})
		})
		r.Run(pass)
	}
	return spans
}

func overlaps(spans [][2]int, start, end int) bool {
	for _, s := range spans {
		if s[0] < end && start < s[1] {
			return true
		}
	}
	return false
}

// report reports the findings of one class.
func report(p *lint.Pass, lx *Lexicon, c class) {
	for _, f := range lx.findings(p)[c] {
		fixes := make([]lint.SuggestedFix, len(f.fixes))
		for j, s := range f.fixes {
			a := lint.Unsafe
			if f.safe {
				a = lint.Safe
			}
			fixes[j] = lint.Replace(f.start, f.end, s, a)
		}
		p.Report(lint.Diagnostic{Start: f.start, End: f.end, Message: message(p, f), Fixes: fixes})
	}
}

// message is the finding's message: the word and its replacements, each
// quoted (the catalogue's "or" closes one quotation and opens the next).
func message(p *lint.Pass, f finding) string {
	return p.T("message", f.word, strings.Join(f.fixes, p.T("or")))
}
