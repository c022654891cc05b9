package lexicon

import "github.com/daqiq/daqiq/lint"

// Hamza makes the rule lexicon/hamza.
func Hamza() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "lexicon/hamza",
		Level:   lint.Warning,
		Summary: "a word the dictionary rejects whose hamza, written, makes a word (الاردن، لافريقيا، الطوارىء)",
		Doc: lint.Doc{
			What: "Flags a word that the Hunspell dictionary rejects while one spelling with its hamza changed is a word: a bare alef starting the stem, after any proclitics, written أ, إ or آ (والاردن → والأردن، لافريقيا → لأفريقيا); " +
				"a hamza on the wrong seat (الطوارىء → الطوارئ، شاطيء → شاطئ); a medial alef written أ (مسالة → مسألة); and a hamzat al-wasl written as a hamza, when the dictionary says so (إستقبال → استقبال).",
			Why:   "Hamzas are most of what copy editors correct in Arabic news, and no list can hold every word with every proclitic. Words with hamzat al-wasl (انتخابات، استقبال) are accepted without one and never flagged.",
			Wrong: "وصل وفد من الاردن الى القاهرة، وأعلنت حالة الطوارىء في المدينة.",
			Right: "وصل وفد من الأردن إلى القاهرة، وأعلنت حالة الطوارئ في المدينة.",
			Fix:   docFix,
		},
	})
}
