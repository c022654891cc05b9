package entities

import (
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint/arabic"
)

// NameWords returns the words of the built-in gazetteer's names (countries,
// their capitals and places, cities, public figures), each as a key with
// its hamza seats and final ى folded (arabic.FoldHamza, arabic.FoldYeh) and
// without ال: the source rules read a word that differs from the wire's as
// a name when it is one of these. Built once; callers must not modify it.
var NameWords = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	k, err := builtin()
	if err != nil {
		return out
	}
	add := func(names []string) {
		for _, n := range names {
			for _, w := range strings.Fields(n) {
				w = arabic.FoldYeh(arabic.FoldHamza(arabic.Key(w)))
				w = strings.TrimPrefix(w, "ال")
				if arabic.RuneCount(w) >= 3 {
					out[w] = true
				}
			}
		}
	}
	for _, c := range k.Countries {
		add(c.Names)
		add(c.Capitals)
		add(c.Places)
	}
	for _, p := range k.Persons {
		add(p.Names)
	}
	for _, c := range k.Cities {
		if !c.Common {
			add(c.Names)
		}
	}
	return out
})
