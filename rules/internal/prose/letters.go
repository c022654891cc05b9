package prose

// letterNames are the Arabic spellings of the names of Latin letters
// (arabic.Key forms), as acronyms are written in Arabic copy: سي إن إن
// (CNN), بي كيه كيه (PKK), إم.إتش.370 (MH370), كيه كيه آر (KKR).
var letterNames = map[string]bool{}

// commonWords are letter names that are also Arabic words of their own
// (في، أن، إن، أو، أي، كي): next to them a doubled word or a dot is not yet
// evidence of an acronym.
var commonWords = map[string]bool{
	"في": true, "فى": true, "أن": true, "ان": true, "إن": true, "أو": true, "او": true,
	"أي": true, "اي": true, "كي": true, "زي": true, "دي": true, "دى": true,
}

func init() {
	for _, w := range []string{
		"إيه", "ايه", "آيه", "اي", "إي", "بي", "سي", "سى", "دي", "دى", "إف", "اف", "أف", "جي", "جى", "إتش", "اتش", "إيتش",
		"آي", "أي", "جيه", "كيه", "كي", "إل", "إم", "ام", "إن", "ان", "أن", "أو", "او", "كيو", "آر", "ار",
		"إس", "اس", "تي", "تى", "يو", "في", "فى", "دبليو", "إكس", "اكس", "واي", "زد", "زي",
	} {
		letterNames[w] = true
	}
}

// LetterName reports whether key (an arabic.Key) spells the name of a
// Latin letter.
func LetterName(key string) bool { return letterNames[key] }

// PlainLetterName reports whether key spells the name of a Latin letter
// and is not also a common Arabic word (في، أن، إن، أو).
func PlainLetterName(key string) bool { return letterNames[key] && !commonWords[key] }
