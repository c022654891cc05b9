package usage

import (
	_ "embed"

	"github.com/daqiq/daqiq/rules/internal/gendata"
	"github.com/daqiq/daqiq/rules/internal/tomldata"
)

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

var (
	//go:embed data/collocation.toml
	collocationData []byte
	//go:embed data/word_form.toml
	wordFormData []byte
	//go:embed data/hamzat_wasl_masdar.toml
	masdarData []byte
	//go:embed data/numbers.toml
	numbersData []byte
	//go:embed data/anna_ba.toml
	annaBaData []byte
)

// The files as data_generated.go holds them, nil without it.
var (
	generatedCollocation *gendata.Data[phraseFile]
	generatedWordForm    *gendata.Data[phraseFile]
	generatedMasdar      *gendata.Data[masdarFile]
	generatedNumbers     *gendata.Data[numbersFile]
	generatedAnnaBa      *gendata.Data[annaBaFile]
)

// phraseFile is the layout of a phrase list (collocation.toml,
// word_form.toml): wrong phrases and their corrections.
type phraseFile struct {
	Entry []phraseEntry `toml:"entry"`
}

// phraseEntry is one wrong word or phrase.
type phraseEntry struct {
	Wrong string   `toml:"wrong"`
	Right []string `toml:"right"` // the corrections, best first
	// Class names the proclitics the first word may carry: all, noart,
	// verb, conj, exact (as in the word lists).
	Class string `toml:"class"`
	// Unsafe: the correction may need more than this span (the verb's
	// mood after لن), so it is applied only with --unsafe-fixes.
	Unsafe bool `toml:"unsafe"`
	// Pronouns: the last word ends in أن (or ان); the forms with an
	// attached pronoun (أنه، أنها، أنهم …) are listed too.
	Pronouns bool `toml:"pronouns"`
	// Next, when set, lists the words one of which must follow.
	Next []string `toml:"next"`
	// Article: the first word must carry the article (الـ, لل).
	Article bool `toml:"article"`
	// Note ends the message: why the phrase is wrong, as the message
	// note-<Note> of the rule's catalogue (messages_*.toml).
	Note string `toml:"note"`
}

// masdarFile is the layout of hamzat_wasl_masdar.toml.
type masdarFile struct {
	// Masdars written right (اهتمام); the wrong form is the one with إ,
	// flagged bare and inflected.
	Masdar []string `toml:"masdar"`
	// Inflected: masdars whose bare wrong form spelling/hamzat-wasl
	// already flags; only their inflected forms are flagged here.
	Inflected []string `toml:"inflected"`
	// BeforeAla: masdars whose form with إ is also a real word (إطلاع,
	// form IV: informing someone); flagged only with the article and
	// followed directly by على, where only the form VIII reading fits.
	BeforeAla []string `toml:"before_ala"`
}

// numbersFile is the layout of numbers.toml.
type numbersFile struct {
	Masculine numberNouns `toml:"masculine"`
	Feminine  numberNouns `toml:"feminine"`
	// Decades: the tens whose decades take يات.
	Decades []string `toml:"decades"`
	// Prepositions after which the tens are genitive.
	Prepositions []string `toml:"prepositions"`
}

// numberNouns are counted nouns of one gender (the gender of the
// singular, which the numeral 3–10 disagrees with).
type numberNouns struct {
	Plurals   []string `toml:"plurals"`   // counted after 3–10
	Singulars []string `toml:"singulars"` // counted after 11–99, accusative
}

// annaBaFile is the layout of anna_ba.toml.
type annaBaFile struct {
	Verbs []string `toml:"verbs"`
}

func parsePhrases(name string) func([]byte) (phraseFile, error) {
	return func(data []byte) (phraseFile, error) {
		var f phraseFile
		err := tomldata.Decode("rules/usage/data/"+name, data, &f)
		return f, err
	}
}

func parseMasdar(data []byte) (masdarFile, error) {
	var f masdarFile
	err := tomldata.Decode("rules/usage/data/hamzat_wasl_masdar.toml", data, &f)
	return f, err
}

func parseNumbers(data []byte) (numbersFile, error) {
	var f numbersFile
	err := tomldata.Decode("rules/usage/data/numbers.toml", data, &f)
	return f, err
}

func parseAnnaBa(data []byte) (annaBaFile, error) {
	var f annaBaFile
	err := tomldata.Decode("rules/usage/data/anna_ba.toml", data, &f)
	return f, err
}
