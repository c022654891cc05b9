package punctuation

import (
	"github.com/daqiq/daqiq/lint"
)

// Unbalanced makes the rule punctuation/unbalanced.
func Unbalanced() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "punctuation/unbalanced",
		Kind:     lint.Code,
		Category: "punctuation",
		Level:    lint.Error,
		Summary:  "a quotation mark or bracket with no partner in its paragraph",
		Doc: lint.Doc{
			What: "Flags a quotation mark or bracket that is not balanced within its paragraph (paragraphs end at a blank line; a quotation may run over several lines): " +
				"\" \", « », “ ”, ( ) and [ ]. A closing mark with nothing open is flagged, and so is an opening mark never closed. " +
				"An ASCII \" opens when it has a letter after it and none before (وكالة \"رويترز), closes when it has a letter or a final mark before it and no letter after (رويترز\" للأنباء، الدولة\".); " +
				"one that could be either (إن :\" followed by a space) opens when no quotation is open and closes one otherwise. " +
				"“ and ” are read the same way, since right-to-left text often types them the other way round; ″ (the inch mark publishing systems put for a \" after a digit) closes an open “. A quote written onto a proclitic (لـ\"سبق\"، بـ\"نسف\") opens. " +
				"List numbers (1) أ)) and smileys are not brackets.",
			Why:   "A quotation that never closes, or closes twice, leaves the reader unsure of who is speaking: in news copy that is an attribution error, not a typo.",
			Wrong: "وقال المتحدث إن \"الوزارة ستعلن النتائج خلال أسبوع\" وإن الطلاب سيتسلمون شهاداتهم في اليوم نفسه\".",
			Right: "وقال المتحدث إن \"الوزارة ستعلن النتائج خلال أسبوع\" وإن الطلاب سيتسلمون شهاداتهم في اليوم نفسه.",
			Fix:   "None: only the writer knows where the quotation was meant to start or end.",
		},
		Run: runUnbalanced,
	}, nil
}

func runUnbalanced(p *lint.Pass) {
	_, strays := scanOf(p).pairing(p.Tokens)
	for _, s := range strays {
		t := p.Tokens[s.tok]
		var msg string
		switch {
		case s.unclosed && t.Key == `"`:
			msg = p.T("unclosed-ascii")
		case s.unclosed:
			msg = p.T("unclosed", t.Key)
		case t.Key == `"`:
			msg = p.T("unopened-ascii")
		default:
			msg = p.T("unopened", t.Key)
		}
		p.Report(lint.Diagnostic{Start: t.Start, End: t.End, Message: msg})
	}
}
