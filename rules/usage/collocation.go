package usage

import (
	"sync"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/rules/internal/gendata"
)

var loadCollocation = sync.OnceValues(func() (*phrases, error) {
	f, err := gendata.Load(collocationData, generatedCollocation, parsePhrases("collocation.toml"))
	if err != nil {
		return nil, err
	}
	return buildPhrases("rules/usage/data/collocation.toml", f)
})

// Collocation makes the rule usage/collocation.
func Collocation() (*lint.Rule, error) {
	ps, err := loadCollocation()
	if err == nil {
		err = checkNotes("usage/collocation", "rules/usage/data/collocation.toml", ps)
	}
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "usage/collocation",
		Kind:     lint.Code,
		Category: "usage",
		Level:    lint.Warning,
		Summary:  "a word too many in a set phrase: سوف لن، لا بد وأن، كما وأن، سبق وأن، عدا عن، لوحده",
		Doc: lint.Doc{
			What: "Flags set phrases written with a particle or a preposition the construction does not take: سوف لن and سوف لا (لن), لا بد وأن (لا بد أن), كما وأن (كما أن), سبق وأن (سبق أن), عدا عن (عدا), لوحده (وحده), with و or ف before them and, after أن, its attached pronouns.",
			Why: "سوف and لن both mark the future, and لن alone negates it; لا بد، كما and سبق take the clause of أنّ/أنْ directly, and the و put between them is a calque an editor removes; عدا excepts its noun directly (عدا ذلك) — عن belongs to فضلا عن; وحده is an accusative of state that never takes a preposition. " +
				"Source: مصطفى جواد، «قل ولا تقل» (لن أفعل، لا: سوف لا أفعل); محمد العدناني، «معجم الأخطاء الشائعة» (سوف لا); عباس حسن، «النحو الوافي» (أنْ المصدرية and its clause as subject or object; the exceptives عدا وخلا وحاشا; وحده in the chapter on الحال).",
			Wrong: "وقال الوزير إن الحكومة سوف لن تتراجع، ولا بد وأن يعرف الجميع ذلك، وسبق وأن أعلن خطته لوحده.",
			Right: "وقال الوزير إن الحكومة لن تتراجع، ولا بد أن يعرف الجميع ذلك، وسبق أن أعلن خطته وحده.",
			Fix:   "Safe: the extra word is dropped and the rest kept. سوف لا → لن is unsafe: a verb in the five forms must lose its ن after لن (سوف لا يحضرون → لن يحضروا).",
		},
		Size: len(ps.list),
		Run: func(p *lint.Pass) {
			ps.run(p, func(word, fix, note string) string { return fixMessage(p, word, fix, note) })
		},
	}, nil
}
