package lexicon

import "github.com/daqiq/daqiq/lint"

// SplitClitic makes the rule lexicon/split-clitic.
func SplitClitic() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "lexicon/split-clitic",
		Level:   lint.Warning,
		Summary: "a proclitic set apart from its word by a space (و سوريا، ل المرة، س يعقد)",
		Doc: lint.Doc{
			What:  "Flags و or ف standing alone before a word they join into a dictionary word (و سوريا → وسوريا), also at the head of a paragraph or after a comma; ب, ل or ك before a word with the article or when the joined word is a frequent news form (ب الإجماع → بالإجماع، ل المرة → للمرة); the future's س before an imperfect verb (س يعقد → سيعقد). A list of letters (أ و ب), a letter after a quote mark («ك تلفزيون») and س: asking a question are left alone.",
			Why:   "A proclitic is one word with what follows; a space after it breaks search, line breaking and every tool that counts words.",
			Wrong: "زار الوفد لبنان و سوريا الأسبوع الماضي.",
			Right: "زار الوفد لبنان وسوريا الأسبوع الماضي.",
			Fix:   docFix,
		},
	})
}
