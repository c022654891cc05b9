package usage

import (
	"testing"

	"github.com/daqiq/daqiq/lint/arabic"
)

// TestStemFilters: every word splits reads as a numeral with a proclitic,
// with and without the article, passes the filters the number rules walk
// the words by.
func TestStemFilters(t *testing.T) {
	for _, c := range []struct {
		name    string
		filters []*stemFilter
		stems   []string
	}{
		{"tens", []*stemFilter{tensFilter}, keys(tensNominative)},
		{"numerals", []*stemFilter{numeralFilter}, append(keys(numeralMasc), keys(numeralFem)...)},
		{"ten", nil, []string{"عشر", "عشرة"}},
	} {
		n := 0
		for _, stem := range c.stems {
			for _, p := range leading {
				for _, key := range []string{p + stem, p + "ال" + stem, p + "ل" + stem} {
					var buf [maxSplits]split
					found := false
					for _, s := range splits(&buf, key) {
						found = found || s.stem == stem
					}
					if !found {
						continue // not a reading of key (لل only after ل)
					}
					n++
					// the walk of usageWords passes it
					toks := arabic.Tokenize(key)
					if len(toks) != 1 || !usageIndex().others.MayMatch(arabic.Analyze(toks), 0) {
						t.Errorf("%s: the filter of others does not pass %q", c.name, key)
					}
					for k, f := range c.filters {
						if !f.may(key) {
							t.Errorf("%s: filter %d does not pass %q", c.name, k, key)
						}
					}
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no readings", c.name)
		}
	}
}
