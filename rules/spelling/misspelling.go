// Package spelling holds the misspelling rules: each is a substitution list
// in data/, matched word by word with the proclitics each entry allows.
package spelling

import (
	_ "embed"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/rules/internal/gendata"
	"github.com/daqiq/daqiq/rules/kinds"
)

//go:embed data/misspelling.toml
var misspellingData []byte

// Misspelling makes the rule spelling/misspelling.
func Misspelling() (*lint.Rule, error) {
	return substitution(lint.Rule{
		ID:       "spelling/misspelling",
		Category: "spelling",
		Level:    lint.Error,
		Summary:  "common newsroom misspellings (مسؤل، هاذا، لاكن، مواليين، أدي)",
		Doc: lint.Doc{
			What:  "Flags words from a curated list of misspellings seen in news copy and suggests the correct spelling, keeping any attached و ف ب ك ل ال.",
			Why:   "A misspelled word in a published article costs the paper credibility; these are the slips spell checkers tuned to other text let through.",
			Wrong: "تحمل الوزير المسؤلية كاملة، لاكن المعارضة طالبت بالمزيد.",
			Right: "تحمل الوزير المسؤولية كاملة، لكن المعارضة طالبت بالمزيد.",
			Fix:   "Safe: each entry has only one reading. Add house entries with wordlists, silence one with ignore.",
		},
	}, "data/misspelling.toml", misspellingData, generatedMisspelling)
}

// substitution makes a substitution rule from the embedded word list
// data/name, whose generated entries are gen.
func substitution(r lint.Rule, name string, data []byte, gen *gendata.Data[[]kinds.WordEntry]) (*lint.Rule, error) {
	entries, err := gendata.Load(data, gen, wordListParser(name))
	if err != nil {
		return nil, err
	}
	return kinds.NewSubstitution(kinds.Substitution{Rule: r, Entries: entries})
}
