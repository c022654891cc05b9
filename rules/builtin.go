package rules

import (
	"fmt"
	"sort"
	"sync"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/rules/consistency"
	"github.com/daqiq/daqiq/rules/dates"
	"github.com/daqiq/daqiq/rules/entities"
	"github.com/daqiq/daqiq/rules/facts"
	"github.com/daqiq/daqiq/rules/grammar"
	"github.com/daqiq/daqiq/rules/lexicon"
	"github.com/daqiq/daqiq/rules/orthography"
	"github.com/daqiq/daqiq/rules/punctuation"
	"github.com/daqiq/daqiq/rules/repetition"
	"github.com/daqiq/daqiq/rules/source"
	"github.com/daqiq/daqiq/rules/spelling"
	"github.com/daqiq/daqiq/rules/typography"
	"github.com/daqiq/daqiq/rules/usage"
)

// builtin lists every built-in rule by the function that makes it (its
// data parsed). A new rule is one file in its family's package and one
// line here.
var builtin = []func() (*lint.Rule, error){
	consistency.PersonName,
	consistency.Variants,

	dates.HijriMismatch,
	dates.EventDate,
	dates.ImpossibleDate,
	dates.RelativeDay,
	dates.RelativePeriod,
	dates.WeekdayMismatch,

	entities.ConfusableCountry,
	entities.KnowledgeClaim,
	entities.TitleChange,

	facts.AgeBirth,
	facts.CountList,
	facts.PercentSum,
	facts.TotalParts,

	grammar.CountedNoun,
	grammar.InnaAnna,

	lexicon.AlefMaqsura,
	lexicon.Hamza,
	lexicon.RunTogether,
	lexicon.SplitClitic,
	lexicon.TaaMarbuta,
	lexicon.VerbTaa,

	orthography.FinalYeh,

	punctuation.DoubledMark,
	punctuation.LatinMarks,
	punctuation.QuoteColon,
	punctuation.Spacing,
	punctuation.Unbalanced,

	repetition.RepeatedLine,
	repetition.RepeatedWord,

	source.Date,
	source.Name,
	source.Number,
	source.Quote,

	spelling.HamzatWasl,
	spelling.MissingHamza,
	spelling.Misspelling,

	typography.DigitConsistency,
	typography.HiddenCharacters,
	typography.MixedDigits,
	typography.RunTogether,
	typography.Tatweel,
	typography.Whitespace,

	usage.AnnaBa,
	usage.Collocation,
	usage.CompoundNumbers,
	usage.Decades,
	usage.HamzatWaslMasdar,
	usage.NumberCase,
	usage.NumberGender,
	usage.WordForm,
}

// Builtin returns the built-in rules sorted by id, made the first time it
// is called: the makers parse their data side by side (a process checking
// one short file spends most of its time here). The slice and the rules
// are shared: callers must not modify them. Safe for concurrent use.
var Builtin = sync.OnceValues(func() ([]*lint.Rule, error) {
	made := make([]*lint.Rule, len(builtin))
	errs := make([]error, len(builtin))
	var wg sync.WaitGroup
	for i, mk := range builtin {
		wg.Go(func() { made[i], errs[i] = mk() })
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, r := range made {
		// the first error in list order wins, as it would in a loop
		if errs[i] != nil {
			return nil, errs[i]
		}
		if seen[r.ID] {
			return nil, fmt.Errorf("rule %s listed twice", r.ID)
		}
		seen[r.ID] = true
	}
	sort.Slice(made, func(i, j int) bool { return made[i].ID < made[j].ID })
	return made, nil
})
