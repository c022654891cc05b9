// Package entities holds the fact checks on the countries, capitals and
// people an article names:
//
//	confusable-country  a country written for another one a letter or a dot
//	                    away (ألمانيا for ألبانيا) in an article about the other
//	knowledge-claim     a capital or a leader given the wrong country
//	                    (العاصمة الألمانية تيرانا، رئيس الوزراء الألماني إيدي راما)
//
// Both read one body of knowledge: the gazetteer data/countries.toml (names,
// adjectives, demonyms and capitals of every sovereign state),
// data/people.toml (public figures and their country), data/leaders_*.toml
// (leaders and their terms of office; a person in several files is merged
// by first name) and data/cities.toml (major cities), embedded, plus any
// TOML given to LoadKnowledge. Every form is matched through one
// arabic.Lexicon with the proclitics its class allows, so a document is read
// with one lexicon lookup per word.
package entities

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/gendata"
)

//go:embed data/countries.toml
var countriesData []byte

//go:embed data/people.toml
var peopleData []byte

// dataDir holds the other data files: the terms of office of leaders
// (data/leaders_*.toml) and the major cities (data/cities.toml).
//
//go:embed data/*.toml
var dataDir embed.FS

// dataFile is one embedded data file.
type dataFile struct {
	name string
	data []byte
}

// builtinFiles are the embedded data files in the order they are read:
// countries.toml, people.toml, then leaders_*.toml sorted, then
// cities.toml.
var builtinFiles = sync.OnceValue(func() []dataFile {
	files := []dataFile{{"rules/entities/data/countries.toml", countriesData}, {"rules/entities/data/people.toml", peopleData}}
	leaders, _ := fs.Glob(dataDir, "data/leaders_*.toml")
	sort.Strings(leaders)
	for _, name := range append(leaders, "data/cities.toml") {
		if b, err := dataDir.ReadFile(name); err == nil {
			files = append(files, dataFile{"rules/entities/" + name, b})
		}
	}
	return files
})

// builtinData is the contents of builtinFiles, for the snapshot's checksum.
func builtinData() [][]byte {
	var out [][]byte
	for _, f := range builtinFiles() {
		out = append(out, f.data)
	}
	return out
}

// Kind is what a form of a country is.
type Kind uint8

const (
	KindName    Kind = iota // ألبانيا، الإمارات العربية المتحدة
	KindAdjM                // ألباني (the article is a proclitic)
	KindAdjF                // ألبانية
	KindAdjPl               // derived sound plurals: ألبانيين، ألبانيون، ألبانيات
	KindPeople              // broken-plural demonym: ألبان
	KindCapital             // تيرانا
	KindPlace               // another place of the country (extra data)
	KindPerson              // a person of the country
	KindCity                // a major city of the country (data/cities.toml)
)

var kindNames = [...]string{"name", "adjective", "adjective", "adjective", "people", "capital", "place", "person", "city"}

func (k Kind) String() string { return kindNames[k] }

// adjective reports whether the kind is a singular adjective.
func (k Kind) adjective() bool { return k == KindAdjM || k == KindAdjF }

// Country is one state of the gazetteer. AdjM and AdjF are paired by index.
type Country struct {
	Code     string
	Names    []string
	AdjM     []string
	AdjF     []string
	People   []string
	Capitals []string
	Places   []string // other places of the country (extra knowledge only)
}

// Name is the country's press name.
func (c *Country) Name() string { return c.Names[0] }

// Person is a public figure with a known country, and the offices they
// held, when the data gives them.
type Person struct {
	Names   []string
	Country int // index into Knowledge.Countries
	Role    string
	Terms   []Term
}

// City is a major city (data/cities.toml). A name that is also an ordinary
// word (Common) is read as the city only after مدينة or العاصمة.
type City struct {
	Names   []string
	Country int
	Common  bool
}

// cue marks lexicon entries that are not countries but matter to the rules.
type cue uint8

const (
	cueCapital   cue = 1 << iota // عاصمة، العاصمة
	cueTitle                     // رئيس، وزير، المستشار … before a country adjective
	cueHonorific                 // الملك، الأمير، الشيخ between an adjective and a name
	cueLanguage                  // اللغة: the adjective after it names a language
	cueBlock                     // a phrase that names no country (أمريكا اللاتينية)
	cueVerb                      // a verb whose object may follow its subject: استقبل الرئيس الألماني إيدي راما
)

// cues are built in: they are grammar, not knowledge.
var cues = map[cue][]string{
	cueCapital: {"عاصمة"},
	cueTitle: {"رئيس", "رئيسة", "وزير", "وزيرة", "مستشار", "مستشارة", "زعيم", "زعيمة",
		"ملك", "ملكة", "عاهل", "أمير", "أميرة", "ولي", "نظير", "نظيرة", "نظيره", "نظيرته",
		"نظيرها", "نظيرتها", "مرشد", "سلطان", "نائب", "نائبة"},
	cueHonorific: {"ملك", "ملكة", "أمير", "أميرة", "شيخ", "سلطان", "رئيس", "رئيسة"},
	cueLanguage:  {"لغة"},
	// past tense, masculine and feminine; و ف ل may attach
	cueVerb: {"استقبل", "استقبلت", "التقى", "التقت", "هنأ", "هنأت", "دعا", "دعت", "انتقد", "انتقدت",
		"هاجم", "هاجمت", "وصف", "وصفت", "اتهم", "اتهمت", "حث", "حثت", "طالب", "طالبت", "أبلغ", "أبلغت",
		"زار", "زارت", "شكر", "شكرت", "حذر", "حذرت", "ناشد", "ناشدت", "استدعى", "استدعت", "رافق", "رافقت",
		"خاطب", "خاطبت", "سأل", "سألت", "أقال", "أقالت", "عين", "عينت", "دعم", "دعمت", "أيد", "أيدت",
		"يستقبل", "تستقبل", "يلتقي", "تلتقي", "سيستقبل", "ستستقبل", "سيلتقي", "ستلتقي",
		"يزور", "تزور", "سيزور", "ستزور", "يهنئ", "تهنئ", "يدعو", "تدعو", "ينتقد", "تنتقد", "يهاجم", "تهاجم",
		"يتهم", "تتهم", "يرافق", "ترافق", "يشكر", "تشكر", "يخاطب", "تخاطب"},
}

// sense is one meaning of a lexicon entry.
type sense struct {
	country int // index into Countries; for KindPerson the person's country
	kind    Kind
	form    int // index of the form in its list (Names, AdjM, AdjF …) or of the person
}

// target is a confusable form of another country.
type target struct {
	country int
	kind    Kind
	text    string // the form to suggest, as in the data
}

// entry is what a lexicon key means.
type entry struct {
	senses  []sense
	cue     cue
	targets []target // forms of other countries this one may be a slip for
}

// countries returns the distinct countries of the entry's senses.
func (e *entry) countries() []int {
	var out []int
	for _, s := range e.senses {
		if !containsInt(out, s.country) {
			out = append(out, s.country)
		}
	}
	return out
}

func (e *entry) has(pred func(sense) bool) bool {
	for _, s := range e.senses {
		if pred(s) {
			return true
		}
	}
	return false
}

// Knowledge is the gazetteer and the people data, indexed for matching.
type Knowledge struct {
	Countries []Country
	Persons   []Person
	Cities    []City
	byCode    map[string]int

	lex     *arabic.Lexicon
	entries []entry
	// forms: every lexicon key (a spelling variant) with its entry, before
	// the lexicon is built
	keys    map[string]int
	classes map[string]arabic.Class
	maksura map[string]bool // ى-forms that are other words
	notCtry []string
	memoKey string // Pass.Memo key of the mentions
	// snap is the snapshot the knowledge was read from, which holds the
	// keys instead of the maps above (nil: built by LoadKnowledge)
	snap *snapshot
	// filter is a Bloom filter (two bits per key) over the hash of every
	// key's first word, as arabic.Analyze hashes the readings of a word:
	// tighter than the lexicon's own, so that most words cost two bit tests.
	filter [filterWords]uint64
}

const (
	filterBits  = 16 // 65,536 bits, 8 KB
	filterWords = 1 << filterBits / 64
)

func filterIndexes(h uint32) (uint32, uint32) {
	return h & (1<<filterBits - 1), (h * 0x9E3779B1) >> (32 - filterBits)
}

func (k *Knowledge) mark(h uint32) {
	a, b := filterIndexes(h)
	k.filter[a>>6] |= 1 << (a & 63)
	k.filter[b>>6] |= 1 << (b & 63)
}

// mayMatch reports whether some reading of a word may be a key.
func (k *Knowledge) mayMatch(cands []arabic.Cand) bool {
	for _, c := range cands {
		a, b := filterIndexes(c.Hash)
		if k.filter[a>>6]&(1<<(a&63)) != 0 && k.filter[b>>6]&(1<<(b&63)) != 0 {
			return true
		}
	}
	return false
}

// file is the TOML of the data files and of extra knowledge.
type file struct {
	MaksuraWords []string      `toml:"maksura_words"`
	NotCountry   []string      `toml:"not_country"`
	Country      []countryData `toml:"country"`
	Person       []personData  `toml:"person"`
	Entity       []entityData  `toml:"entity"`
	City         []cityData    `toml:"city"`
}

type cityData struct {
	Names      []string `toml:"names"`
	Country    string   `toml:"country"`
	CommonWord bool     `toml:"common_word"`
}

type countryData struct {
	Code       string   `toml:"code"`
	Names      []string `toml:"names"`
	Adjectives []string `toml:"adjectives"`
	People     []string `toml:"people"`
	Capital    []string `toml:"capital"`
	Leaders    []string `toml:"leaders"`
}

type personData struct {
	Names   []string   `toml:"names"`
	Country string     `toml:"country"`
	Role    string     `toml:"role"`
	Term    []termData `toml:"term"`
}

// entityData is the [[entity]] table of extra knowledge: a person (the
// default), a capital or another place of a country.
type entityData struct {
	Names   []string `toml:"names"`
	Country string   `toml:"country"`
	Kind    string   `toml:"kind"` // person | capital | place
	Role    string   `toml:"role"`
}

var (
	builtinOnce sync.Once
	builtinK    *Knowledge
	builtinErr  error
)

// builtin returns the knowledge of the embedded data, built once: read
// from the snapshot go generate wrote (knowledge_generated.go) when it was
// made from the same data, else built from the data.
func builtin() (*Knowledge, error) {
	builtinOnce.Do(func() {
		builtinK, builtinErr = gendata.Build(generated, (*snapshot).knowledge,
			func() (*Knowledge, error) { return LoadKnowledge() }, builtinData()...)
	})
	return builtinK, builtinErr
}

// newRule makes an entities rule over the built-in knowledge and the extra
// documents. Its Extend adds one more document (the [[entity]] tables of a
// configuration, or a file named under wordlists).
func newRule(meta lint.Rule, run func(*lint.Pass, *Knowledge), extra [][]byte) (*lint.Rule, error) {
	k, err := builtin()
	if len(extra) > 0 {
		k, err = LoadKnowledge(extra...)
	}
	if err != nil {
		return nil, err
	}
	r := meta
	r.Size = k.Size()
	r.Run = func(p *lint.Pass) { run(p, k) }
	r.Extend = func(name string, data []byte) (*lint.Rule, error) {
		more := append(append([][]byte{}, extra...), data)
		r, err := newRule(meta, run, more)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return r, nil
	}
	return &r, nil
}

// LoadKnowledge builds the knowledge from the embedded data and any extra
// TOML documents, read in order. An extra document may hold
//
//	[[country]]  a new country, or more forms for a code already known
//	             (code, names, adjectives, people, capital, leaders)
//	[[person]]   names, country, role
//	[[entity]]   names, country, kind = "person" (default), "capital" or
//	             "place", role
//	not_country  phrases that contain a country word but name no country
//
// so that the [[entity]] tables of a configuration can be passed straight in.
func LoadKnowledge(extra ...[]byte) (*Knowledge, error) {
	k := &Knowledge{byCode: map[string]int{}, keys: map[string]int{}, classes: map[string]arabic.Class{}, maksura: map[string]bool{}}
	docs := append([]dataFile(nil), builtinFiles()...)
	for i, d := range extra {
		docs = append(docs, dataFile{fmt.Sprintf("extra knowledge #%d", i+1), d})
	}
	var persons []personData
	var personDoc []string
	var cities []cityData
	var cityDoc []string
	for _, d := range docs {
		var f file
		md, err := toml.Decode(string(d.data), &f)
		if err != nil {
			var pe toml.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s:%d:%d: %s", d.name, pe.Position.Line, pe.Position.Col, pe.Message)
			}
			return nil, fmt.Errorf("%s: %v", d.name, err)
		}
		if und := md.Undecoded(); len(und) > 0 {
			return nil, fmt.Errorf("%s: unknown key %s", d.name, und[0])
		}
		for _, w := range f.MaksuraWords {
			k.maksura[arabic.Key(w)] = true
		}
		k.notCtry = append(k.notCtry, f.NotCountry...)
		for _, c := range f.Country {
			if err := k.addCountry(c); err != nil {
				return nil, fmt.Errorf("%s: %v", d.name, err)
			}
		}
		for _, p := range f.Person {
			persons = append(persons, p)
			personDoc = append(personDoc, d.name)
		}
		for _, c := range f.City {
			cities = append(cities, c)
			cityDoc = append(cityDoc, d.name)
		}
		for _, e := range f.Entity {
			switch e.Kind {
			case "", "person":
				persons = append(persons, personData{Names: e.Names, Country: e.Country, Role: e.Role})
				personDoc = append(personDoc, d.name)
			case "capital", "place":
				i, ok := k.byCode[e.Country]
				if !ok {
					return nil, fmt.Errorf("%s: entity %v: unknown country %q", d.name, e.Names, e.Country)
				}
				if len(e.Names) == 0 {
					return nil, fmt.Errorf("%s: entity of %s has no names", d.name, e.Country)
				}
				if e.Kind == "capital" {
					k.Countries[i].Capitals = append(k.Countries[i].Capitals, e.Names...)
				} else {
					k.Countries[i].Places = append(k.Countries[i].Places, e.Names...)
				}
			default:
				return nil, fmt.Errorf("%s: entity %v: unknown kind %q (want person, capital or place)", d.name, e.Names, e.Kind)
			}
		}
	}
	if err := k.addPersons(persons, personDoc); err != nil {
		return nil, err
	}
	for i, c := range cities {
		ci, ok := k.byCode[c.Country]
		if !ok {
			return nil, fmt.Errorf("%s: city %v: unknown country %q", cityDoc[i], c.Names, c.Country)
		}
		if len(c.Names) == 0 {
			return nil, fmt.Errorf("%s: a city of %s has no names", cityDoc[i], c.Country)
		}
		k.Cities = append(k.Cities, City{Names: c.Names, Country: ci, Common: c.CommonWord})
	}
	k.index()
	k.memoKey = fmt.Sprintf("entities/mentions/%p", k)
	return k, nil
}

func (k *Knowledge) addCountry(c countryData) error {
	if len(c.Code) != 2 || strings.ToUpper(c.Code) != c.Code {
		return fmt.Errorf("country code %q: want two capital letters (ISO 3166-1)", c.Code)
	}
	i, ok := k.byCode[c.Code]
	if !ok {
		if len(c.Names) == 0 {
			return fmt.Errorf("country %s has no names", c.Code)
		}
		i = len(k.Countries)
		k.byCode[c.Code] = i
		k.Countries = append(k.Countries, Country{Code: c.Code})
	}
	ct := &k.Countries[i]
	ct.Names = append(ct.Names, c.Names...)
	var masc, fem []string
	for _, a := range c.Adjectives {
		a = strings.Join(strings.Fields(a), " ")
		if strings.HasPrefix(a, "ال") {
			return fmt.Errorf("country %s: adjective %q: write it without the article", c.Code, a)
		}
		switch {
		case strings.HasSuffix(a, "ة"):
			fem = append(fem, a)
		case strings.HasSuffix(a, "ي"):
			masc = append(masc, a)
		default:
			return fmt.Errorf("country %s: adjective %q ends in neither ي nor ة", c.Code, a)
		}
	}
	if len(masc) != len(fem) {
		return fmt.Errorf("country %s: adjectives come in masculine and feminine pairs (%d and %d)", c.Code, len(masc), len(fem))
	}
	ct.AdjM = append(ct.AdjM, masc...)
	ct.AdjF = append(ct.AdjF, fem...)
	ct.People = append(ct.People, c.People...)
	ct.Capitals = append(ct.Capitals, c.Capital...)
	for _, l := range c.Leaders {
		k.Persons = append(k.Persons, Person{Names: []string{l}, Country: i})
	}
	return nil
}

// nameClass is the proclitic class of a name: with the article it takes
// every proclitic (والأردن، للأردن), without it و ف ب ك ل (وبألمانيا).
func nameClass(s string) arabic.Class {
	if strings.HasPrefix(arabic.Key(s), "ال") {
		return arabic.ClassAll
	}
	return arabic.ClassNoArt
}

// index fills the lexicon with every form and its spelling variants and
// computes the confusable forms.
func (k *Knowledge) index() {
	for ci := range k.Countries {
		c := &k.Countries[ci]
		for i, n := range c.Names {
			k.addForm(n, sense{country: ci, kind: KindName, form: i}, nameClass(n))
		}
		for i, a := range c.AdjM {
			k.addAdjective(a, sense{country: ci, kind: KindAdjM, form: i})
			if !strings.Contains(a, " ") {
				k.addForm(a+"ين", sense{country: ci, kind: KindAdjPl}, arabic.ClassAll)
				k.addForm(a+"ون", sense{country: ci, kind: KindAdjPl}, arabic.ClassAll)
			}
		}
		for i, a := range c.AdjF {
			k.addAdjective(a, sense{country: ci, kind: KindAdjF, form: i})
			if !strings.Contains(a, " ") {
				k.addForm(strings.TrimSuffix(a, "ة")+"ات", sense{country: ci, kind: KindAdjPl}, arabic.ClassAll)
			}
		}
		for i, p := range c.People {
			k.addForm(p, sense{country: ci, kind: KindPeople, form: i}, arabic.ClassAll)
		}
		for i, cp := range c.Capitals {
			k.addForm(cp, sense{country: ci, kind: KindCapital, form: i}, nameClass(cp))
		}
		for i, pl := range c.Places {
			k.addForm(pl, sense{country: ci, kind: KindPlace, form: i}, nameClass(pl))
		}
	}
	for pi, p := range k.Persons {
		for _, n := range p.Names {
			k.addForm(n, sense{country: p.Country, kind: KindPerson, form: pi}, arabic.ClassNoArt)
		}
	}
	for ci, c := range k.Cities {
		for _, n := range c.Names {
			k.addForm(n, sense{country: c.Country, kind: KindCity, form: ci}, nameClass(n))
		}
	}
	cueKinds := make([]cue, 0, len(cues))
	for c := range cues {
		cueKinds = append(cueKinds, c)
	}
	sort.Slice(cueKinds, func(i, j int) bool { return cueKinds[i] < cueKinds[j] })
	for _, c := range cueKinds {
		class := arabic.ClassAll
		if c == cueVerb {
			class = arabic.ClassVerb
		}
		for _, w := range cues[c] {
			k.entries[k.entryFor(arabic.Key(w), class)].cue |= c
		}
	}
	for _, b := range k.notCtry {
		for _, v := range k.variants(b) {
			k.entries[k.entryFor(v, nameClass(b))].cue |= cueBlock
		}
	}
	k.confusables()
	keys := k.sortedKeys()
	k.lex = arabic.NewLexicon()
	var first strings.Builder
	for _, key := range keys {
		k.lex.Add(key, k.classes[key], k.keys[key])
		w, _, _ := strings.Cut(key, " ")
		first.WriteString(w)
		first.WriteByte(' ')
	}
	// the hash of a whole word is the first reading Analyze gives it
	toks := arabic.Tokenize(first.String())
	sp := arabic.Analyze(toks)
	for i, t := range toks {
		if t.Kind == arabic.Word {
			k.mark(sp.Of(i)[0].Hash)
		}
	}
}

func (k *Knowledge) sortedKeys() []string {
	keys := make([]string, 0, len(k.keys))
	for key := range k.keys {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}

// addAdjective adds a singular adjective. One of several words (كوري
// شمالي) is also added with the article on the words after the first, the
// first taking it as a proclitic (الكوري الشمالي).
func (k *Knowledge) addAdjective(a string, s sense) {
	k.addForm(a, s, arabic.ClassAll)
	words := strings.Fields(a)
	if len(words) > 1 {
		for i := 1; i < len(words); i++ {
			words[i] = "ال" + words[i]
		}
		k.addForm(strings.Join(words, " "), s, arabic.ClassAll)
	}
}

// addForm records a form under all its spelling variants.
func (k *Knowledge) addForm(form string, s sense, class arabic.Class) {
	for _, v := range k.variants(form) {
		e := &k.entries[k.entryFor(v, class)]
		dup := false
		for _, o := range e.senses {
			if o == s {
				dup = true
				break
			}
		}
		if !dup {
			e.senses = append(e.senses, s)
		}
	}
}

// entryFor returns the entry of a key, creating it; a key reached with
// two classes keeps the more permissive one.
func (k *Knowledge) entryFor(key string, class arabic.Class) int {
	i, ok := k.keys[key]
	if !ok {
		i = len(k.entries)
		k.entries = append(k.entries, entry{})
		k.keys[key] = i
		k.classes[key] = class
	} else if class < k.classes[key] {
		k.classes[key] = class
	}
	return i
}

// variants returns the spellings a form is matched in: as written
// (normalised with arabic.Key, one space between words), with the hamza on
// alef folded (ألمانيا → المانيا), and with each final ي written ى
// (الألمانى), unless that gives a word listed in maksura_words.
func (k *Knowledge) variants(form string) []string {
	words := strings.Fields(form)
	for i, w := range words {
		words[i] = arabic.Key(w)
	}
	base := strings.Join(words, " ")
	out := []string{base}
	add := func(s string) {
		if !containsStr(out, s) {
			out = append(out, s)
		}
	}
	add(arabic.FoldHamza(base))
	for _, s := range append([]string(nil), out...) {
		ws := strings.Fields(s)
		changed := false
		for i, w := range ws {
			if strings.HasSuffix(w, "ي") {
				if m := strings.TrimSuffix(w, "ي") + "ى"; !k.maksura[m] && !k.maksura[arabic.FoldHamza(m)] {
					ws[i] = m
					changed = true
				}
			}
		}
		if changed {
			add(strings.Join(ws, " "))
		}
	}
	return out
}

// Pair is two countries with forms one slip apart.
type Pair struct {
	A, B       string // country codes, A < B
	FormA      string
	FormB      string
	Kind       Kind
	Similarity string // "edit" (one letter substituted, inserted or deleted) or "skeleton" (same letters without their dots)
}

// confusables finds, for every name and singular adjective, the forms of
// the same kind of other countries that are one letter away or share its
// dotless skeleton, and stores them on the entries of every variant.
// Countries are confusable only when their NAMES are (ألبانيا/ألمانيا);
// their adjectives then follow (ألباني/ألماني). Adjectives alike by
// accident (صيني/كيني، مصري/مجري، كندي/هندي) belong to countries whose
// names are far apart, which a writer does not mix up, and which often
// share an article for real.
func (k *Knowledge) confusables() {
	type form struct {
		country    int
		kind       Kind
		text       string
		norm, skel string
		runes      []rune // norm
	}
	var forms []form
	for ci, c := range k.Countries {
		add := func(kind Kind, list []string) {
			for _, t := range list {
				n := foldForm(t)
				forms = append(forms, form{ci, kind, t, n, skeleton(n), []rune(n)})
			}
		}
		add(KindName, c.Names)
		add(KindAdjM, c.AdjM)
		add(KindAdjF, c.AdjF)
	}
	// the folded forms of each country, to skip a form two countries share
	own := make([]map[string]bool, len(k.Countries))
	for _, f := range forms {
		if own[f.country] == nil {
			own[f.country] = map[string]bool{}
		}
		own[f.country][f.norm] = true
	}
	// the cheap tests first: the pairs are a million
	similar := func(a, b *form) bool {
		if d := len(a.runes) - len(b.runes); d > 1 || d < -1 || a.kind != b.kind || a.country == b.country ||
			!confusable(a.runes, b.runes, a.skel, b.skel) {
			return false
		}
		return a.norm != b.norm && !own[a.country][b.norm]
	}
	n := len(k.Countries)
	namePairs := make([]bool, n*n)
	for i := range forms {
		a := &forms[i]
		if a.kind != KindName {
			continue
		}
		for j := range forms {
			if b := &forms[j]; similar(a, b) {
				namePairs[a.country*n+b.country] = true
			}
		}
	}
	for i := range forms {
		a := &forms[i]
		var ts []target
		for j := range forms {
			b := &forms[j]
			if !namePairs[a.country*n+b.country] || !similar(a, b) {
				continue
			}
			dup := false
			for _, t := range ts {
				if t.country == b.country {
					dup = true
				}
			}
			if !dup {
				ts = append(ts, target{country: b.country, kind: b.kind, text: b.text})
			}
		}
		if len(ts) == 0 {
			continue
		}
		for _, v := range k.variants(forms[i].text) {
			if ei, ok := k.keys[v]; ok {
				e := &k.entries[ei]
				for _, t := range ts {
					e.targets = appendTarget(e.targets, t)
				}
			}
		}
	}
}

func appendTarget(ts []target, t target) []target {
	for _, o := range ts {
		if o == t {
			return ts
		}
	}
	return append(ts, t)
}

// Pairs lists the confusable forms the data gives, one row per pair of
// forms, sorted.
func (k *Knowledge) Pairs() []Pair {
	seen := map[string]bool{}
	var out []Pair
	for _, c := range k.Countries {
		for kind, list := range map[Kind][]string{KindName: c.Names, KindAdjM: c.AdjM, KindAdjF: c.AdjF} {
			for _, t := range list {
				ei, ok := k.entryOf(strings.Join(strings.Fields(arabic.Key(t)), " "))
				if !ok {
					continue
				}
				for _, tg := range k.entries[ei].targets {
					if tg.kind != kind {
						continue
					}
					p := Pair{A: c.Code, B: k.Countries[tg.country].Code, FormA: t, FormB: tg.text, Kind: kind}
					if p.A > p.B {
						p.A, p.B, p.FormA, p.FormB = p.B, p.A, p.FormB, p.FormA
					}
					na, nb := foldForm(p.FormA), foldForm(p.FormB)
					if editDistance1([]rune(na), []rune(nb)) {
						p.Similarity = "edit"
					} else {
						p.Similarity = "skeleton"
					}
					key := p.A + p.B + p.FormA + p.FormB
					if !seen[key] {
						seen[key] = true
						out = append(out, p)
					}
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		if out[i].B != out[j].B {
			return out[i].B < out[j].B
		}
		if out[i].FormA != out[j].FormA {
			return out[i].FormA < out[j].FormA
		}
		if out[i].FormB != out[j].FormB {
			return out[i].FormB < out[j].FormB
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

var hamzaSeats = strings.NewReplacer("ؤ", "و", "ئ", "ي")

// foldForm is the form compared for confusability: normalised, hamza
// folded (أ إ آ ٱ → ا, ؤ → و, ئ → ي), final ى read as ي.
func foldForm(s string) string {
	words := strings.Fields(arabic.Key(s))
	for i, w := range words {
		w = arabic.FoldHamza(w)
		w = hamzaSeats.Replace(w)
		words[i] = arabic.FoldYeh(w)
	}
	return strings.Join(words, " ")
}

// dotClass maps a letter to its rasm: the letters that differ only by
// their dots share a class.
var dotClass = map[rune]rune{
	'ب': 'ٮ', 'ت': 'ٮ', 'ث': 'ٮ', 'ن': 'ٮ', 'ي': 'ٮ', 'ى': 'ٮ', 'ئ': 'ٮ',
	'ج': 'ح', 'خ': 'ح',
	'ذ': 'د',
	'ز': 'ر',
	'ش': 'س',
	'ض': 'ص',
	'ظ': 'ط',
	'غ': 'ع',
	'ق': 'ف',
	'ة': 'ه',
}

// skeleton writes a folded form without its dots.
func skeleton(s string) string {
	return strings.Map(func(r rune) rune {
		if c, ok := dotClass[r]; ok {
			return c
		}
		return r
	}, s)
}

// confusable: one letter substituted, inserted or deleted, or the same
// skeleton. Forms of three letters or fewer are too short to tell a slip
// from another word.
func confusable(a, b []rune, skelA, skelB string) bool {
	if len(a) < 4 || len(b) < 4 {
		return false
	}
	return skelA == skelB || editDistance1(a, b)
}

// editDistance1 reports whether a and b differ by exactly one letter
// substituted, inserted or deleted.
func editDistance1(ra, rb []rune) bool {
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		diff := 0
		for i := range ra {
			if ra[i] != rb[i] {
				diff++
			}
		}
		return diff == 1
	case 1:
		i := 0
		for i < len(rb) && ra[i] == rb[i] {
			i++
		}
		for ; i < len(rb); i++ {
			if ra[i+1] != rb[i] {
				return false
			}
		}
		return true
	}
	return false
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Size is the number of countries and persons, shown by daqiq rules.
func (k *Knowledge) Size() int { return len(k.Countries) + len(k.Persons) }

// mention is a lexicon match in a document.
type mention struct {
	first, last int // token indexes of the first and last word
	start, end  int // byte span
	stem        int // where the first word's stem starts, after its proclitic
	prefix      string
	article     bool // ل + the article written لل (arabic.Match.Article)
	entry       int
	language    bool // an adjective right after اللغة: a language, not a country
}

// definite reports whether the mention carries the article, as a proclitic
// or in its form.
func (m *mention) definite(p *lint.Pass) bool {
	if m.article || strings.HasSuffix(m.prefix, "ال") || strings.HasSuffix(m.prefix, "لل") {
		return true
	}
	return strings.HasPrefix(p.Tokens[m.first].Key[len(m.prefix):], "ال")
}

// replacement writes form in place of the mention's stem, keeping the
// proclitic as written, the لل contraction, and a final ى for ي when the
// writer used it.
func (m *mention) replacement(p *lint.Pass, form string) string {
	written := p.Text[m.start:m.end]
	if strings.HasSuffix(arabic.Key(written), "ى") && strings.HasSuffix(form, "ي") && !strings.Contains(form, " ") {
		form = strings.TrimSuffix(form, "ي") + "ى"
	}
	match := arabic.Match{Article: m.article}
	return match.Join(p.Text[m.start:m.stem], form)
}

// mentions returns the mentions of the document, scanned once for all the
// rules that read the same knowledge.
func (k *Knowledge) mentions(p *lint.Pass) []mention {
	return p.Memo(k.memoKey, func() any { return k.scan(p) }).([]mention)
}

// scan finds every form of the knowledge in the pass's tokens. A cue word
// (رئيس، العاصمة …) far from any country is dropped as soon as the next
// mention shows it is alone: news copy is full of them.
func (k *Knowledge) scan(p *lint.Pass) []mention {
	toks := p.Tokens
	out := make([]mention, 0, 8)
	// the words the lexicon's filter lets through (MatchAt would turn
	// the others down), then the stricter filter of the knowledge
	for i := k.lex.NextMayMatch(p.Splits, 0); i >= 0; i = k.lex.NextMayMatch(p.Splits, i+1) {
		t := toks[i]
		if t.Kind != arabic.Word || !t.Arabic || !k.mayMatch(p.Splits.Of(i)) {
			continue
		}
		m, ok := k.lex.MatchAt(toks, p.Splits, i)
		if !ok {
			continue
		}
		start, end := toks[m.First].Start, toks[m.Last].End
		mn := mention{
			first: m.First, last: m.Last, start: start, end: end,
			stem:   start + arabic.SplitPrefix(p.Text[start:toks[m.First].End], m.Prefix),
			prefix: m.Prefix, article: m.Article, entry: m.Value,
		}
		sensed := len(k.entries[mn.entry].senses) > 0
		if n := len(out); n > 0 {
			last := &out[n-1]
			if sensed && k.entries[last.entry].cue&cueLanguage != 0 && follows(toks, last.last, mn.first, false) &&
				k.entries[mn.entry].has(func(s sense) bool { return s.kind.adjective() }) {
				mn.language = true
			}
			if len(k.entries[last.entry].senses) == 0 && mn.first > last.last+6 && !(n > 1 && last.first <= out[n-2].last+3) {
				out = out[:n-1] // a cue with no country before or after it
			}
		}
		out = append(out, mn)
		i = m.Last
	}
	return out
}

// follows reports whether token b is the next word after token a: only
// whitespace without a line break between them, or, when comma is true, a
// comma and whitespace.
func follows(toks []arabic.Token, a, b int, comma bool) bool {
	if b <= a {
		return false
	}
	for i := a + 1; i < b; i++ {
		t := toks[i]
		switch {
		case t.Kind == arabic.Space && t.Breaks == 0:
		case comma && t.Kind == arabic.Punct && (t.Key == "،" || t.Key == ","):
		default:
			return false
		}
	}
	return b-a <= 3
}

// support is what a document says about one country.
type support struct {
	total   int      // mentions of any kind
	strong  int      // mentions of a name or an adjective
	capital string   // the first capital mentioned, as written
	persons []string // persons mentioned, as in the data
}

// tally counts the support of every country in the mentions.
func (k *Knowledge) tally(p *lint.Pass, ms []mention) map[int]*support {
	sup := map[int]*support{}
	for j, m := range ms {
		e := &k.entries[m.entry]
		if len(e.senses) == 0 || m.language || k.contradicted(p, ms, j) {
			continue
		}
		if e.senses[0].kind == KindCity && !e.has(func(s sense) bool { return s.kind != KindCity }) {
			if _, ok := k.city(p, &m); !ok {
				continue // an ordinary word, or a name two countries share
			}
		}
		for _, c := range e.countries() {
			s := sup[c]
			if s == nil {
				s = &support{}
				sup[c] = s
			}
			s.total++
			strong := false
			for _, sn := range e.senses {
				if sn.country != c {
					continue
				}
				switch sn.kind {
				case KindName, KindAdjM, KindAdjF:
					strong = true
				case KindCapital:
					if s.capital == "" {
						s.capital = k.Countries[c].Capitals[sn.form]
					}
				case KindPerson:
					if n := k.Persons[sn.form].Names[0]; !containsStr(s.persons, n) {
						s.persons = append(s.persons, n)
					}
				}
			}
			if strong {
				s.strong++
			}
		}
	}
	return sup
}

// PersonNames returns the names of every person of the built-in people
// and leaders data, each person's full name first: the consistency rule
// on names reads first names and surnames from them.
func PersonNames() ([][]string, error) {
	k, err := builtin()
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(k.Persons))
	for i := range k.Persons {
		out[i] = k.Persons[i].Names
	}
	return out, nil
}
