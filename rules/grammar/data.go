package grammar

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint/arabic"
)

//go:embed data/particles.toml
var particlesData []byte

//go:embed data/counted_nouns.toml
var countedBytes []byte

// Values in the verbs lexicon.
const (
	verbQala  = 1 // قال and its forms: إنّ follows
	verbOther = 2 // other reporting verbs: أنّ follows
	verbStop  = 3 // words that end the search for the verb
)

type particleData struct {
	verbs       *arabic.Lexicon
	conditional map[string]bool
	before      map[string]bool
}

var loadParticles = sync.OnceValues(func() (*particleData, error) {
	const name = "rules/grammar/data/particles.toml"
	var raw struct {
		Qala        []string `toml:"qala"`
		Others      []string `toml:"others"`
		Stop        []string `toml:"stop"`
		Before      []string `toml:"before"`
		Conditional []string `toml:"conditional"`
	}
	md, err := toml.Decode(string(particlesData), &raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s", name, und[0])
	}
	d := &particleData{verbs: arabic.NewLexicon(), conditional: map[string]bool{}, before: map[string]bool{}}
	for _, l := range []struct {
		words []string
		value int
	}{{raw.Qala, verbQala}, {raw.Others, verbOther}, {raw.Stop, verbStop}} {
		for _, w := range l.words {
			if !d.verbs.Add(w, arabic.ClassConj, l.value) {
				return nil, fmt.Errorf("%s: %q listed twice", name, w)
			}
		}
	}
	for _, w := range raw.Conditional {
		d.conditional[arabic.Key(w)] = true
	}
	for _, w := range raw.Before {
		d.before[arabic.Key(w)] = true
		d.before[arabic.FoldYeh(arabic.Key(w))] = true // فى، حتى/حتي
	}
	return d, nil
})

// countedNoun is a noun counted after a numeral.
type countedNoun struct {
	Singular   string `toml:"singular"`
	Accusative string `toml:"accusative"`
	Plural     string `toml:"plural"`
	Construct  bool   `toml:"construct"`
}

// Forms of a counted noun, the values of the nouns lexicon.
const (
	formSingular = iota
	formAccusative
	formPlural
)

type countedData struct {
	nouns []countedNoun
	forms map[string][2]int // key → noun index, form
}

var loadCounted = sync.OnceValues(func() (*countedData, error) {
	const name = "rules/grammar/data/counted_nouns.toml"
	var raw struct {
		Noun []countedNoun `toml:"noun"`
	}
	md, err := toml.Decode(string(countedBytes), &raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s", name, und[0])
	}
	d := &countedData{nouns: raw.Noun, forms: map[string][2]int{}}
	for i, n := range raw.Noun {
		if n.Singular == "" || n.Plural == "" {
			return nil, fmt.Errorf("%s: noun %d needs a singular and a plural", name, i+1)
		}
		for form, w := range []string{n.Singular, n.Accusative, n.Plural} {
			if w == "" {
				continue
			}
			k := arabic.Key(w)
			if _, dup := d.forms[k]; dup {
				return nil, fmt.Errorf("%s: %q listed twice", name, w)
			}
			d.forms[k] = [2]int{i, form}
		}
	}
	return d, nil
})
