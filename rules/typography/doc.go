// Package typography holds the typography rules: words and numbers run
// together, runs of spaces, hidden and bidi characters, tatweel, mixed
// digit sets.
//
// One file per rule:
//
//	run_together.go        typography/run-together       نحو150، الحكومةالجديدة، قرارتأجيل
//	whitespace.go          typography/whitespace         doubled spaces, trailing whitespace
//	hidden_characters.go   typography/hidden-characters  bidi controls, marks and joiners inside words
//	tatweel.go             typography/tatweel            الـحـكـومـة
//	mixed_digits.go        typography/mixed-digits       one number in two digit sets (20٢4)
//	digit_consistency.go   typography/digit-consistency  a minority digit set in a text (off by default)
//
// scan.go makes the one pass over a document's tokens that all six rules
// share (through lint.Pass.Memo): it notes the few tokens any of them has
// to look at, so that each rule only visits those. lexicon.go loads
// data/words.toml, the frequent news words that tell two words run
// together from one long word; digits.go holds what the two digit rules
// share.
package typography
