package lexicon

import (
	"fmt"
	"sync"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
)

// classOf maps each rule id to its confusion class.
var classOf = map[string]class{
	"lexicon/hamza":        hamza,
	"lexicon/taa-marbuta":  taaMarbuta,
	"lexicon/alef-maqsura": alefMaqsura,
	"lexicon/verb-taa":     verbTaa,
	"lexicon/run-together": runTogether,
	"lexicon/split-clitic": splitClitic,
}

// defaultLexicon is the lexicon of a configuration without [spelling]:
// the system's Arabic dictionary, if it has one (or DAQIQ_DICTIONARIES).
var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) { return Find(nil, ".") })

// newRule makes a lexicon rule bound to the default lexicon.
func newRule(r lint.Rule) (*lint.Rule, error) {
	lx, err := defaultLexicon()
	if err != nil {
		return nil, err
	}
	r.Kind = lint.Code
	r.Category = "lexicon"
	return bind(&r, lx), nil
}

// bind returns a copy of r that reads lx.
func bind(r *lint.Rule, lx *Lexicon) *lint.Rule {
	out := *r
	c := classOf[r.ID]
	out.Unavailable = lx.Unavailable()
	out.Run = func(p *lint.Pass) { report(p, lx, c) }
	return &out
}

// Configure returns r, a lexicon rule, bound to the dictionaries and the
// accepted words of a configuration's [spelling] table (nil: the
// defaults); dir is the configuration's directory.
func Configure(r *lint.Rule, sp *config.Spelling, dir string) (*lint.Rule, error) {
	if _, ok := classOf[r.ID]; !ok {
		return nil, fmt.Errorf("%s is not a lexicon rule", r.ID)
	}
	lx, err := Find(sp, dir)
	if err != nil {
		return nil, err
	}
	return bind(r, lx), nil
}

// docFix is the Fix section every lexicon rule shares.
const docFix = "One replacement: a safe fix. Several (اما: أما or إما): unsafe suggestions, best first. " +
	"A word the dictionary accepts is never flagged, nor one whose only replacements are rare words (a name or a transliteration one letter from a word: لاهور، فاين). " +
	"Words a curated list flags (spelling/*, orthography/final-yeh, typography/run-together, usage/word-form) are left to it. " +
	"Needs a Hunspell dictionary: `[spelling] dictionaries` in .daqiq.toml, else the system's `ar` (apt-get install hunspell-ar); without one the rule is off. " +
	"`[spelling] accept` and `accept_files` list words never flagged (a newsroom's names); the words of a hashtag (#لاتجعل_نفسك) are the tag's and are left alone too."
