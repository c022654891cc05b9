package usage

import (
	"sync"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/rules/internal/gendata"
)

var loadWordForm = sync.OnceValues(func() (*phrases, error) {
	f, err := gendata.Load(wordFormData, generatedWordForm, parsePhrases("word_form.toml"))
	if err != nil {
		return nil, err
	}
	return buildPhrases("rules/usage/data/word_form.toml", f)
})

// WordForm makes the rule usage/word-form.
func WordForm() (*lint.Rule, error) {
	ps, err := loadWordForm()
	if err == nil {
		err = checkNotes("usage/word-form", "rules/usage/data/word_form.toml", ps)
	}
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "usage/word-form",
		Kind:     lint.Code,
		Category: "usage",
		Level:    lint.Warning,
		Summary:  "a word in the wrong form: ملفت للنظر، مضطرد، رفاة، على حدى، إيلول، اليمين القانوني، جمادى الأول",
		Doc: lint.Doc{
			What: "Flags words that have one right form and are often written in another: ملفت للنظر (لافت للنظر), مضطرد and اضطراد (مطرد، اطراد), رفاة (رفات, or رفاه), على حدى or على حدا (على حدة), إيلول (أيلول), اليمين القانوني and الدستوري (القانونية، الدستورية: the oath is feminine), جمادى الأول and الآخر (الأولى، الآخرة).",
			Why: "The verb of the phrase is لفت, whose doer is لافت; اطّرد is form VIII of طرد, with no ض; رفات is from رفت; حِدَة is from وحد, like عِدَة from وعد; اليمين, the oath, and جمادى are feminine and take feminine adjectives. " +
				"Source: محمد العدناني، «معجم الأخطاء الشائعة» (لافت للنظر); the dictionaries under the roots: ابن منظور، «لسان العرب» and مجمع اللغة العربية، «المعجم الوسيط» (لفت، طرد، رفت، وحد، يمن — اليمين مؤنثة — جمد — جمادى مؤنثة).",
			Wrong: "وأدى الوزراء اليمين القانوني أمام الملك في جمادى الأول، وسط نمو مضطرد وحضور ملفت للنظر.",
			Right: "وأدى الوزراء اليمين القانونية أمام الملك في جمادى الأولى، وسط نمو مطرد وحضور لافت للنظر.",
			Fix:   "Safe: each entry has one right form; proclitics are kept. جمادى الثاني gets جمادى الآخرة (جمادى الثانية as an alternative). رفاة is unsafe: it stands for رفات (remains) or for رفاه (welfare), and both are suggested.",
		},
		Size: len(ps.list),
		Run: func(p *lint.Pass) {
			ps.run(p, func(word, fix, note string) string { return fixMessage(p, word, fix, note) })
		},
	}, nil
}
