package typography

// NewsWord reports whether key (a word's arabic.Key) is a frequent news
// form of data/words.toml, with any proclitic, regular ending or pronoun
// taken off (الحكومة، وقراراتهم، سيقول): the run-together rule's lexicon,
// which the lexicon rules use to rank a dictionary's candidates. The
// lexicon's hash sets may answer yes for a word they do not hold, about
// once in a few thousand words.
func NewsWord(key string) bool {
	lx, err := builtinLexicon()
	if err != nil {
		return false
	}
	return lx.knownDeep(key)
}

// NewsForm reports whether key is a frequent news form of
// data/words.toml or a regular inflection of one (ـات، ـون، ـية, the
// persons of a verb), alone or after a proclitic: stricter than
// NewsWord, which also takes pronouns and endings off.
func NewsForm(key string) bool {
	lx, err := builtinLexicon()
	if err != nil {
		return false
	}
	return lx.knownWord(key)
}
