package usage

import (
	"sync"

	"github.com/daqiq/daqiq/lint"
)

var loadDecades = sync.OnceValues(func() (*phrases, error) {
	d, err := loadNumbers()
	if err != nil {
		return nil, err
	}
	var f phraseFile
	for _, t := range d.file.Decades {
		f.Entry = append(f.Entry, phraseEntry{Wrong: t + "ات", Right: []string{t + "يات"}, Class: "all"})
	}
	return buildPhrases("rules/usage/data/numbers.toml", f)
})

// Decades makes the rule usage/decades.
func Decades() (*lint.Rule, error) {
	ps, err := loadDecades()
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "usage/decades",
		Kind:     lint.Code,
		Category: "usage",
		Level:    lint.Warning,
		Summary:  "a decade written without its ي: الثلاثينات → الثلاثينيات, العشرينات … التسعينات",
		Doc: lint.Doc{
			What: "Flags the decades and decades of age written العشرينات، الثلاثينات … التسعينات (with any proclitic, definite or not: بالثمانينات، ستينات القرن) and suggests العشرينيات … التسعينيات.",
			Why: "A decade is named by the nisba of its tens (الثلاثيني: of the thirties) made plural with ات: الثلاثينيات. The tens themselves (ثلاثون، ثلاثين) are already plural in form and take no ات. " +
				"Source: عباس حسن، «النحو الوافي» (باب النسب: the nisba of ما أُلحق بجمع المذكر السالم, kept on its ين: عشريني، ثلاثيني).",
			Wrong: "انتشرت هذه الموسيقى في الثلاثينات، وعادت في ستينات القرن الماضي.",
			Right: "انتشرت هذه الموسيقى في الثلاثينيات، وعادت في ستينيات القرن الماضي.",
			Fix:   "Safe: ي is added before ات; proclitics are kept.",
		},
		Size: len(ps.list),
		Run: func(p *lint.Pass) {
			ps.run(p, func(word, fix, _ string) string { return p.T("message", word, fix) })
		},
	}, nil
}
