package lexicon

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint/arabic"
)

// The curated word lists of data/: frequent news words that make a
// candidate trusted, beside the team's news forms (typography.NewsForm).
var (
	//go:embed data/hamza_words.txt
	hamzaWordsTxt string
	//go:embed data/root_heh.txt
	rootHehTxt string
	//go:embed data/not_hamza.txt
	notHamzaTxt string
	//go:embed data/short_verbs.txt
	shortVerbsTxt string
)

var (
	hamzaWords = sync.OnceValue(func() map[string]bool { return readWords(hamzaWordsTxt) })
	rootHeh    = sync.OnceValue(func() map[string]bool { return readWords(rootHehTxt) })
	notHamza   = sync.OnceValue(func() map[string]bool { return readWords(notHamzaTxt) })
	shortVerbs = sync.OnceValue(func() map[string]bool { return readWords(shortVerbsTxt) })
)

// readWords reads a data file: words separated by spaces and line breaks,
// # starting a comment line. A word ending in ة is also kept with ت, its
// form before a pronoun (مسألة → مسألته). A word written =إلا is exact:
// it takes و or ف and nothing else (إلانا is no word).
func readWords(txt string) map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(txt, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			if e, ok := strings.CutPrefix(w, "="); ok {
				k := arabic.Key(e)
				out["="+k], out["=و"+k], out["=ف"+k] = true, true, true
				continue
			}
			k := arabic.Key(w)
			out[k] = true
			if stem, ok := strings.CutSuffix(k, "ة"); ok {
				out[stem+"ت"] = true
			}
		}
	}
	return out
}

// listPrefixes are what may stand before a listed word: the proclitics,
// and the future's س on a verb.
var listPrefixes = append([]string{"", "س", "وس", "فس"}, allClitics...)

// listSuffixes are what may follow a listed word: the pronouns and the
// regular endings.
var listSuffixes = []string{"", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ي",
	"ات", "ين", "ون", "ية", "يات", "يين", "يون", "وا"}

// inList reports whether key is a word of list, after one of the
// prefixes and before one of the suffixes (والمؤتمرات، وتأثيرها،
// لمسألته).
func inList(list map[string]bool, key string) bool {
	return inListAfter(list, key, listPrefixes)
}

// hehPrefixes are the proclitics a word of data/root_heh.txt may take:
// not ك nor two letters ending in ل, which read the word's start as a
// proclitic too easily (كنبة is no ك+نبه, فلوجة no ف+ل+وجه).
var hehPrefixes = []string{"", "و", "ف", "ب", "ل", "ال", "وال", "فال", "بال", "لل", "ولل", "فلل", "وب", "فب"}

func inListAfter(list map[string]bool, key string, prefixes []string) bool {
	if list["="+key] {
		return true
	}
	for _, p := range prefixes {
		rest, ok := strings.CutPrefix(key, p)
		if !ok || rest == "" {
			continue
		}
		for _, s := range listSuffixes {
			core, ok := strings.CutSuffix(rest, s)
			if ok && core != "" && list[core] {
				return true
			}
		}
	}
	return false
}
