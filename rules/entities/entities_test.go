package entities

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
)

func load(t *testing.T, extra ...[]byte) *Knowledge {
	t.Helper()
	k, err := LoadKnowledge(extra...)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestData checks the size of the gazetteer and the people data.
func TestData(t *testing.T) {
	k := load(t)
	adj, capital := 0, 0
	for _, c := range k.Countries {
		if len(c.AdjM) > 0 {
			adj++
		}
		if len(c.Capitals) > 0 {
			capital++
		}
	}
	if len(k.Countries) < 197 || adj < 140 || capital < 185 || len(k.Persons) < 40 {
		t.Errorf("%d countries, %d with adjectives, %d with capitals, %d persons", len(k.Countries), adj, capital, len(k.Persons))
	}
	t.Logf("%d countries, %d with adjectives, %d with capitals, %d persons, %d lexicon keys",
		len(k.Countries), adj, capital, len(k.Persons), k.lex.Len())
}

// TestConfusablePairs: the pairs come out of the data.
func TestConfusablePairs(t *testing.T) {
	k := load(t)
	type key struct {
		a, b string
		kind Kind
	}
	got := map[key]bool{}
	for _, p := range k.Pairs() {
		got[key{p.A, p.B, p.Kind}] = true
		t.Logf("%s-%s %s: %s / %s (%s)", p.A, p.B, p.Kind, p.FormA, p.FormB, p.Similarity)
	}
	for _, w := range [][2]string{{"AL", "DE"}, {"NL", "PL"}, {"GN", "KE"}, {"KR", "SY"}, {"KP", "SY"}, {"GM", "ZM"}, {"IE", "IS"}, {"AL", "ES"}} {
		for _, kind := range []Kind{KindName, KindAdjM, KindAdjF} {
			if !got[key{w[0], w[1], kind}] {
				t.Errorf("pair %s-%s (%s) not found", w[0], w[1], kind)
			}
		}
	}
	for _, w := range [][2]string{{"EG", "QA"}, {"KP", "KR"}, {"SK", "SI"}, {"LB", "LY"}} {
		for _, kind := range []Kind{KindName, KindAdjM, KindAdjF} {
			if got[key{w[0], w[1], kind}] {
				t.Errorf("pair %s-%s (%s) should not be confusable", w[0], w[1], kind)
			}
		}
	}
}

func TestSimilarity(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"ألبانيا", "ألمانيا", true},    // one letter substituted
		{"آيسلندا", "إيرلندا", true},    // after the hamza is folded
		{"غانا", "غيانا", true},         // one letter inserted
		{"بوتاني", "يوناني", true},      // same skeleton, two letters apart
		{"مصر", "قطر", false},           // two letters, and too short
		{"سلوفاكيا", "سلوفينيا", false}, // two letters, different skeleton
		{"ليبيا", "لبنان", false},
	} {
		a, b := foldForm(c.a), foldForm(c.b)
		if got := confusable([]rune(a), []rune(b), skeleton(a), skeleton(b)); got != c.want {
			t.Errorf("confusable(%s, %s) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// scanText returns what each mention of a text is, as "written:CODE/kind".
func scanText(t *testing.T, k *Knowledge, text string) []string {
	t.Helper()
	doc, err := source.New("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	toks := arabic.Tokenize(doc.Text)
	p := lint.NewPass(&lint.Rule{ID: "t"}, doc, toks, arabic.Analyze(toks), nil, nil, nil, func(lint.Diagnostic) {})
	var out []string
	for _, m := range k.scan(p) {
		e := k.entries[m.entry]
		for _, s := range e.senses {
			out = append(out, p.Text[m.start:m.end]+":"+k.Countries[s.country].Code+"/"+s.kind.String())
			break
		}
	}
	return out
}

// TestMatching: proclitics, the final ى, the no-break space, a missing
// hamza, and phrases that hide a country word.
func TestMatching(t *testing.T) {
	k := load(t)
	for text, want := range map[string]string{
		"فى ألمانيا":                 "ألمانيا:DE/name",
		"وألمانيا":                   "وألمانيا:DE/name",
		"بألمانيا":                   "بألمانيا:DE/name",
		"للألمانية":                  "للألمانية:DE/adjective",
		"والألمانية":                 "والألمانية:DE/adjective",
		"الألمانى":                   "الألمانى:DE/adjective",
		"المانيا":                    "المانيا:DE/name",
		"الألمان":                    "الألمان:DE/people",
		"الألمانيين":                 "الألمانيين:DE/adjective",
		"للأردن":                     "للأردن:JO/name",
		"إيدي\u00a0راما":             "إيدي\u00a0راما:AL/person",
		"إيدى راما":                  "إيدى راما:AL/person",
		"الكوري الشمالي":             "الكوري الشمالي:KP/adjective",
		"والجنوب أفريقي":             "والجنوب أفريقي:ZA/adjective",
		"جورجيا ميلوني":              "جورجيا ميلوني:IT/person",
		"كوريا الجنوبية":             "كوريا الجنوبية:KR/name",
		"الولايات المتحدة الأمريكية": "الولايات المتحدة الأمريكية:US/name",
	} {
		got := scanText(t, k, text)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
	for _, text := range []string{"أمريكا اللاتينية", "المحيط الهندي", "مجرى النهر", "اليد اليمنى", "مالي", "كيف", "جنوب"} {
		for _, m := range scanText(t, k, text) {
			t.Errorf("%q: unexpected mention %s", text, m)
		}
	}
}

// TestVariantsAreNotOtherWords: no ى spelling the matcher accepts is a
// word of the orthography rule's list of true ى words (مجرى، يمنى).
func TestVariantsAreNotOtherWords(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "orthography", "data", "final_yeh.toml"))
	if err != nil {
		t.Skip(err)
	}
	var d struct {
		Maksura struct{ Words []string } `toml:"maksura"`
	}
	if _, err := toml.Decode(string(data), &d); err != nil {
		t.Skip(err)
	}
	words := map[string]bool{}
	for _, w := range d.Maksura.Words {
		words[arabic.Key(w)] = true
	}
	k := load(t)
	for key := range k.keys {
		if !strings.HasSuffix(key, "ى") || strings.Contains(key, " ") || len(k.entries[k.keys[key]].senses) == 0 {
			continue
		}
		for _, p := range []string{"", "و", "ف", "ب", "ك", "ل"} {
			if words[p+key] {
				t.Errorf("%q is matched as a country form but %q is a word", key, p+key)
			}
		}
	}
}

func run(t *testing.T, k *Knowledge, f func(*lint.Pass, *Knowledge), text string) []string {
	t.Helper()
	doc, err := source.New("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r := &lint.Rule{ID: "t", Level: lint.Warning, Run: func(p *lint.Pass) { f(p, k) }}
	var out []string
	for _, d := range runner.Run(doc, []lint.Active{{Rule: r, Level: r.Level}}) {
		s := string(doc.Src[d.Start:d.End])
		if sug := lint.Suggestions(doc.Src, d); len(sug) > 0 {
			s += "→" + sug[0]
		}
		out = append(out, s)
	}
	return out
}

// TestExtraKnowledge: extra TOML adds people, capitals, places and
// countries' forms, as the [[entity]] tables of a configuration will.
func TestExtraKnowledge(t *testing.T) {
	extra := []byte(`
[[entity]]
names = ["أرديان ماركاي"]
country = "AL"
role = "الرئيس"

[[entity]]
names = ["دوريس"]
country = "AL"
kind = "place"

[[country]]
code = "NR"
capital = ["يارين"]
`)
	k := load(t, extra)
	// Nauru has no adjective in the data: the capital claim has no fix
	got := run(t, k, runClaims, "وقال الرئيس الألماني أرديان ماركاي إن العاصمة الألمانية يارين بعيدة.")
	if strings.Join(got, " ") != "الألماني→الألباني الألمانية" {
		t.Errorf("claims with extra knowledge: %q", got)
	}
	if m := scanText(t, k, "ميناء دوريس"); len(m) != 1 || m[0] != "دوريس:AL/place" {
		t.Errorf("place: %q", m)
	}
	base := load(t)
	if got := run(t, base, runClaims, "وقال الرئيس الألماني أرديان ماركاي إن الحكومة مستعدة."); len(got) != 0 {
		t.Errorf("without the extra data: %q", got)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"[[country]]\ncode = \"xx\"\nnames = [\"س\"]", "two capital letters"},
		{"[[country]]\ncode = \"QQ\"", "has no names"},
		{"[[country]]\ncode = \"QQ\"\nnames = [\"س\"]\nadjectives = [\"سي\"]", "pairs"},
		{"[[country]]\ncode = \"QQ\"\nnames = [\"س\"]\nadjectives = [\"السي\", \"السية\"]", "without the article"},
		{"[[person]]\nnames = [\"س\"]\ncountry = \"QQ\"", "unknown country"},
		{"[[entity]]\nnames = [\"س\"]\ncountry = \"AL\"\nkind = \"river\"", "unknown kind"},
		{"[[country]]\ncode = \"AL\"\nflag = \"red\"", "unknown key"},
		{"[[country]\n", "extra knowledge #1:"},
	} {
		_, err := LoadKnowledge([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.data, err, c.want)
		}
	}
}

// TestClaimsAndSlips exercises both rules on one article.
func TestClaimsAndSlips(t *testing.T) {
	k := load(t)
	text := "أعلنت الحكومة الألبانية خطة جديدة. وقال رئيس الوزراء إيدي راما في تيرانا إن الخطة ستطبق في ألمانيا."
	if got := run(t, k, runConfusable, text); len(got) != 1 || got[0] != "ألمانيا→ألبانيا" {
		t.Errorf("confusable: %q", got)
	}
	if got := run(t, k, runClaims, text); len(got) != 0 {
		t.Errorf("claims: %q", got)
	}
	text = "وزار رئيس الوزراء الكوري الجنوبي يون سوك يول العاصمة الكورية الجنوبية سول، ثم التقى الزعيم الكوري كيم جونغ أون."
	if got := run(t, k, runClaims, text); len(got) != 0 {
		t.Errorf("claims on a shared adjective: %q", got)
	}
}

// TestLeadersSchema: the [[person.term]] tables are checked at load, and
// a person given in two documents is merged by first name.
func TestLeadersSchema(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"[[person]]\nnames = [\"س ص\"]\ncountry = \"NL\"\n[[person.term]]\noffice = \"mayor\"\nfrom = 2010-01-01", "office \"mayor\""},
		{"[[person]]\nnames = [\"س ص\"]\ncountry = \"NL\"\n[[person.term]]\noffice = \"head_of_state\"\nfrom = 2010-01-01\nto = 2009-01-01", "not before"},
		{"[[person]]\nnames = [\"س ص\"]\ncountry = \"NL\"\n[[person.term]]\noffice = \"head_of_state\"", "no from date"},
		{"[[person]]\nnames = [\"س ص\"]\ncountry = \"QQ\"", "unknown country"},
		{"[[person]]\nnames = []\ncountry = \"NL\"", "no names"},
		{"[[person]]\nnames = [\"مارك روته\"]\ncountry = \"BE\"", "elsewhere"},
		{"[[city]]\nnames = [\"س\"]\ncountry = \"QQ\"", "unknown country"},
	} {
		_, err := LoadKnowledge([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.data, err, c.want)
		}
	}
	k := load(t, []byte("[[person]]\nnames = [\"مارك روته\", \"م. روته\"]\ncountry = \"NL\"\n[[person.term]]\noffice = \"foreign_minister\"\ntitle = \"وزير الخارجية\"\nfrom = 2030-01-01\nfuzzy = true\n"))
	n := 0
	for _, p := range k.Persons {
		if p.Names[0] == "مارك روته" {
			n++
			if !containsStr(p.Names, "م. روته") || len(p.Terms) < 2 || p.Terms[len(p.Terms)-1].To != Open || !p.Terms[len(p.Terms)-1].Fuzzy {
				t.Errorf("merged person: %+v", p)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d persons named مارك روته, want 1", n)
	}
}
