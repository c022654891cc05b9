package kinds

import (
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// Existence describes a rule that flags listed words and phrases (with
// their proclitics) and offers no fix. An entry's value, when not empty,
// is added to the message as a note.
type Existence struct {
	Rule    lint.Rule
	Entries []WordEntry
	Message string // template; {word} is the flagged text
}

// NewExistence builds the rule.
func NewExistence(e Existence) (*lint.Rule, error) {
	lex, err := buildLexicon(e.Rule.ID, e.Entries)
	if err != nil {
		return nil, err
	}
	r := e.Rule
	r.Kind = lint.Existence
	r.Size = len(e.Entries)
	msg := e.Message
	r.Run = func(p *lint.Pass) {
		forMatches(p, lex, func(m arabic.Match, start, end, _ int) {
			text := say(p, msg, "existence", p.Text[start:end], "")
			if note := e.Entries[m.Value].Value; note != "" {
				text += ": " + note
			}
			p.Report(lint.Diagnostic{Start: start, End: end, Message: text})
		})
	}
	r.Extend = func(name string, data []byte) (*lint.Rule, error) {
		more, err := ParseWordList(name, data)
		if err != nil {
			return nil, err
		}
		e2 := e
		e2.Entries = append(append([]WordEntry{}, e.Entries...), more...)
		return NewExistence(e2)
	}
	return &r, nil
}
