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
				"a hamza on the wrong seat (الطوارىء → الطوارئ، هدوئ → هدوء، يتضائل → يتضاءل); a hamza left off inside a word, its alef, و or ي written أ, ؤ or ئ (مسالة → مسألة، الموشرات → المؤشرات، الرييس → الرئيس); and a hamzat al-wasl written as a hamza, when the dictionary says so (إستقبال → استقبال). " +
				"A change inside a word is made only for a frequent news form or a word of data/hamza_words.txt, never in a word of three letters (راي) or, but for a listed word, one ending like a name in ا or ان; the older spelling before the plural's و (بدأوا) and a hamza before a pronoun, whose seat the case picks (آبائهم), are left alone. After proclitics without the article (و ف ب ل and their pairs) a stem of two letters is left alone (واي فاي، وكالة وام: loans and names far more often than أي، أم، أب), and so are the words of data/not_hamza.txt (واين، وادى) and a word of two letters beside a Latin letter spelled in Arabic script (اف ام: FM).",
			Why:   "Hamzas are most of what copy editors correct in Arabic news, and no list can hold every word with every proclitic. Words with hamzat al-wasl (انتخابات، استقبال) are accepted without one and never flagged.",
			Wrong: "وصل وفد من الاردن الى القاهرة، وأعلنت حالة الطوارىء في المدينة.",
			Right: "وصل وفد من الأردن إلى القاهرة، وأعلنت حالة الطوارئ في المدينة.",
			Fix:   docFix,
		},
	})
}
