// Package repetition holds the rules that catch text written twice: a word
// doubled in typing, a line or paragraph pasted twice.
package repetition

import (
	_ "embed"
	"fmt"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/rules/kinds"
)

//go:embed data/repetition.toml
var data []byte

type lists struct {
	Allow []string `toml:"allow"`
	Short []string `toml:"short"`
}

// RepeatedWord makes the rule repetition/repeated-word.
func RepeatedWord() (*lint.Rule, error) {
	var l lists
	if _, err := toml.Decode(string(data), &l); err != nil {
		return nil, fmt.Errorf("rules/repetition/data/repetition.toml: %v", err)
	}
	return kinds.NewRepeatedWord(kinds.RepeatedWord{
		Rule: lint.Rule{
			ID:       "repetition/repeated-word",
			Category: "repetition",
			Level:    lint.Warning,
			Summary:  "the same word twice in a row (في في)",
			Doc: lint.Doc{
				What:  "Flags a word that directly repeats the word before it.",
				Why:   "Doubled words are typing slips that the eye skips. Deliberate reduplication (رويدا رويدا، خطوة خطوة) and short transliterations (بي بي سي) stay silent.",
				Wrong: "أعلنت الوزارة الوزارة أمس عن خطة جديدة.",
				Right: "أعلنت الوزارة أمس عن خطة جديدة.",
				Fix:   "Unsafe: deleting the second word is usually right but a quotation may repeat on purpose.",
			},
		},
		Allow: l.Allow,
		Short: l.Short,
	}), nil
}

// RepeatedLine makes the rule repetition/repeated-line.
func RepeatedLine() (*lint.Rule, error) {
	return kinds.NewRepeatedLine(kinds.RepeatedLine{Rule: lint.Rule{
		ID:       "repetition/repeated-line",
		Category: "repetition",
		Level:    lint.Warning,
		Summary:  "a line or paragraph repeated right after itself",
		Doc: lint.Doc{
			What:  "Flags a line identical to the line above it, and a paragraph identical to the paragraph above it (ignoring harakat, tatweel and spacing).",
			Why:   "Captions and paragraphs pasted twice survive into print when the CMS strips layout.",
			Wrong: "اجتماع طارئ في الرياض\nاجتماع طارئ في الرياض",
			Right: "اجتماع طارئ في الرياض",
			Fix:   "Unsafe: deletes the second copy with its line break.",
		},
	}}), nil
}
