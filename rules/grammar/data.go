package grammar

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/daqiq/daqiq/rules/internal/gendata"
	"github.com/daqiq/daqiq/rules/internal/tomldata"

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

const (
	particlesName = "rules/grammar/data/particles.toml"
	countedName   = "rules/grammar/data/counted_nouns.toml"
)

// particlesFile is the layout of data/particles.toml.
type particlesFile struct {
	Qala        []string `toml:"qala"`
	Others      []string `toml:"others"`
	Stop        []string `toml:"stop"`
	Before      []string `toml:"before"`
	Conditional []string `toml:"conditional"`
	Hatta       []string `toml:"hatta"`
	Subjunctive []string `toml:"subjunctive"`
}

// countedFile is the layout of data/counted_nouns.toml.
type countedFile struct {
	Follow     []string      `toml:"follow"`
	Adjectives []string      `toml:"adjectives"`
	Noun       []countedNoun `toml:"noun"`
}

// The data files are also written, decoded, into data_generated.go by go
// generate, so that a process checking one short file does not parse them
// again; the TOML files stay the source, and
//
//	go generate ./rules/...
//
// rewrites data_generated.go after an edit (TestGenerated fails until
// then). Data generated from another version of a file, or none, is not
// used: the file is parsed, only slower (gendata.Load).
//
//go:generate go test -tags daqiq_nogen -run ^TestGenerated$ . -args -update

// The files as data_generated.go holds them, nil without it.
var (
	generatedParticles *gendata.Data[particlesFile]
	generatedCounted   *gendata.Data[countedFile]
)

// parseParticles parses data/particles.toml.
func parseParticles(data []byte) (particlesFile, error) {
	var f particlesFile
	err := tomldata.Decode(particlesName, data, &f)
	return f, err
}

// parseCounted parses data/counted_nouns.toml.
func parseCounted(data []byte) (countedFile, error) {
	var f countedFile
	err := tomldata.Decode(countedName, data, &f)
	return f, err
}

type particleData struct {
	verbs       *arabic.Lexicon
	conditional map[string]bool
	before      map[string]bool
	hatta       map[string]bool
	subjunctive map[string]bool
}

var loadParticles = sync.OnceValues(func() (*particleData, error) {
	const name = particlesName
	raw, err := gendata.Load(particlesData, generatedParticles, parseParticles)
	if err != nil {
		return nil, err
	}
	d := &particleData{verbs: arabic.NewLexicon(), conditional: map[string]bool{}, before: map[string]bool{},
		hatta: map[string]bool{}, subjunctive: map[string]bool{}}
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
	for _, l := range []struct {
		words []string
		m     map[string]bool
	}{{raw.Hatta, d.hatta}, {raw.Subjunctive, d.subjunctive}} {
		for _, w := range l.words {
			k := arabic.Key(w)
			if l.m[k] {
				return nil, fmt.Errorf("%s: %q listed twice", name, w)
			}
			l.m[k] = true
			l.m[arabic.FoldYeh(k)] = true // حتي
		}
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
	nouns      []countedNoun
	forms      map[string][2]int // key → noun index, form
	follow     map[string]bool   // words that open a new phrase after the noun
	adjectives map[string]bool   // adjectives that agree with a counted noun
}

var loadCounted = sync.OnceValues(func() (*countedData, error) {
	const name = countedName
	raw, err := gendata.Load(countedBytes, generatedCounted, parseCounted)
	if err != nil {
		return nil, err
	}
	d := &countedData{nouns: raw.Noun, forms: map[string][2]int{}, follow: map[string]bool{}, adjectives: map[string]bool{}}
	for _, l := range []struct {
		words []string
		m     map[string]bool
	}{{raw.Follow, d.follow}, {raw.Adjectives, d.adjectives}} {
		for _, w := range l.words {
			k := arabic.Key(w)
			if l.m[k] {
				return nil, fmt.Errorf("%s: %q listed twice", name, w)
			}
			l.m[k] = true
		}
	}
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
