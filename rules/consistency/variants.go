// Package consistency holds the rules that keep one article to one spelling
// of words that have several accepted ones.
package consistency

import (
	_ "embed"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/rules/internal/gendata"
	"github.com/daqiq/daqiq/rules/kinds"
)

//go:embed data/variants.toml
var variantsData []byte

// Variants makes the rule consistency/variants.
func Variants() (*lint.Rule, error) {
	sets, err := gendata.Load(variantsData, generated, parseVariantSets)
	if err != nil {
		return nil, err
	}
	return kinds.NewConsistency(kinds.Consistency{
		Rule: lint.Rule{
			ID:       "consistency/variants",
			Category: "consistency",
			Level:    lint.Warning,
			Summary:  "one article, one spelling of words with accepted variants (مسؤول/مسئول، مئة/مائة)",
			Doc: lint.Doc{
				What:  "When a text uses two accepted spellings of one word (مسؤول and مسئول, أمريكا and أميركا, يونيو and يونيه), flags the less frequent one and suggests the other.",
				Why:   "Either spelling is right; both in one article look careless. The majority spelling wins, the first-listed one on a tie.",
				Wrong: "قال مسؤول في الوزارة إن المسئولين اجتمعوا أمس، وأكد مسؤول آخر ذلك.",
				Right: "قال مسؤول في الوزارة إن المسؤولين اجتمعوا أمس، وأكد مسؤول آخر ذلك.",
				Fix:   "Safe: both spellings are accepted, the fix only aligns the minority with the majority.",
			},
		},
		Sets: sets,
	})
}
