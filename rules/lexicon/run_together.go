package lexicon

import "github.com/daqiq/daqiq/lint"

// RunTogether makes the rule lexicon/run-together.
func RunTogether() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "lexicon/run-together",
		Level:   lint.Warning,
		Summary: "a two-letter particle glued to the next word (مايعادل، لايعمل)",
		Doc: lint.Doc{
			What: "Flags a word that the Hunspell dictionary rejects while it is a particle of two letters (ما، لا، لم، لن، قد، من، في، عن، أن، إن، كل، أو، يا) and a word: the second half must be a frequent news form, or an imperfect verb after ما، لا، لم، لن; after ما or لا an imperfect verb with ي that the dictionary conjugates in every person (لايتجزأ), and after لا one of three letters too when it is a frequent news form or in data/short_verbs.txt (لايقل، لايصح; not the loans لاينر، لايبل); after ما only a particle or one of the verbs it is glued to in news (مالم، مازالت، ماحدث), since names start with ما (مانويل، ماستر). " +
				"Also a frequent word glued to a frequent word with the article (رئيسالوزراء → رئيس الوزراء), never a compound name's first half (عبدالله، أبوظبي) nor before الله. " +
				"Other longer halves are typography/run-together's (قرارتأجيل).",
			Why:   "ما and لا end in a letter that does not join the next one, so a missing space does not show on screen and survives editing.",
			Wrong: "تبلغ قيمة الصفقة مايعادل مليار دولار، والمصنع لايعمل منذ شهر.",
			Right: "تبلغ قيمة الصفقة ما يعادل مليار دولار، والمصنع لا يعمل منذ شهر.",
			Fix:   docFix,
		},
	})
}
