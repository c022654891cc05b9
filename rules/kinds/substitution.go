package kinds

import (
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// Substitution describes a rule that flags listed words and phrases and
// suggests their replacement. Words are found with the proclitics their
// class allows; the fix keeps the proclitic as written.
type Substitution struct {
	Rule    lint.Rule   // metadata; Kind, Run and Extend are filled in
	Entries []WordEntry // wrong → right
	// Message is a template: {word} is the flagged text, {fix} the suggestion.
	Message string
	// Unsafe marks the fixes as needing --unsafe-fixes.
	Unsafe bool
}

// NewSubstitution builds the rule.
func NewSubstitution(s Substitution) (*lint.Rule, error) {
	lex, err := buildLexicon(s.Rule.ID, s.Entries)
	if err != nil {
		return nil, err
	}
	r := s.Rule
	r.Kind = lint.Substitution
	r.Size = len(s.Entries)
	msg := s.Message
	app := lint.Safe
	if s.Unsafe {
		app = lint.Unsafe
	}
	r.Run = func(p *lint.Pass) {
		forMatches(p, lex, func(m arabic.Match, start, end, stem int) {
			fix, sure := replaceStem(p.Text, m, start, end, stem, s.Entries[m.Value].Value)
			word := p.Text[start:end]
			a := app
			if !sure {
				a = lint.Unsafe
			}
			p.Report(lint.Diagnostic{
				Start: start, End: end,
				Message: say(p, msg, "substitution", word, fix),
				Fixes:   []lint.SuggestedFix{lint.Replace(start, end, fix, a)},
			})
		})
	}
	r.Extend = func(name string, data []byte) (*lint.Rule, error) {
		more, err := ParseWordList(name, data)
		if err != nil {
			return nil, err
		}
		s2 := s
		s2.Entries = append(append([]WordEntry{}, s.Entries...), more...)
		return NewSubstitution(s2)
	}
	return &r, nil
}

// replaceStem returns the text that replaces the match text[start:end]:
// its proclitic as written, then word with the harakat the text wrote on
// the stem carried over (CarryMarks). sure is false when they could not be
// placed with certainty: the fix is then unsafe.
func replaceStem(text string, m arabic.Match, start, end, stem int, word string) (fix string, sure bool) {
	carried, sure := CarryMarks(text[stem:end], m.Join("", word))
	return text[start:stem] + carried, sure
}

// forMatches calls f for each lexicon match in the pass's tokens with the
// byte span of the match and the offset where the first word's stem starts
// (after its proclitic).
func forMatches(p *lint.Pass, lex *arabic.Lexicon, f func(m arabic.Match, start, end, stem int)) {
	toks := p.Tokens
	for i := lex.NextMayMatch(p.Splits, 0); i >= 0; i = lex.NextMayMatch(p.Splits, i+1) {
		m, ok := lex.MatchAt(toks, p.Splits, i)
		if !ok {
			continue
		}
		start, end := toks[m.First].Start, toks[m.Last].End
		stem := start + arabic.SplitPrefix(p.Text[start:toks[m.First].End], m.Prefix)
		f(m, start, end, stem)
		i = m.Last
	}
}
