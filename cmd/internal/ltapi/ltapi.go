// Package ltapi is the LanguageTool HTTP API, as far as its clients
// (ltex-ls, editor plugins, browser add-ons) use it: POST /v2/check (or
// GET, the parameters in the query string) and GET /v2/languages. daqiq serve (package serve) mounts it beside its own
// API; it shares the server's engine, body limit and check slots.
//
// The text comes as the form field text, or data: JSON annotations
// {"annotation":[{"text":"..."},{"markup":"<b>","interpretAs":""}]}. Text
// parts and the interpretAs of markup parts are concatenated and linted as
// plain text; offsets are mapped back to the whole annotation string (every
// text and markup part as sent), a span that starts or ends in a markup
// part taking in all of it, as LanguageTool does. Offsets and lengths
// count UTF-16 code units. LanguageTool's rule parameters (enabledRules,
// disabledRules, enabledCategories, disabledCategories, enabledOnly) become
// an engine.Selection. Spelling findings (the spelling and lexicon rules)
// are typeName "UnknownWord" and issueType "misspelling", as LanguageTool
// reports a misspelt word; with Options.RulePages each match links to its
// rule's page on the server (rule.urls).
package ltapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime/debug"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/daqiq/daqiq/cmd/internal/apijson"
	"github.com/daqiq/daqiq/cmd/internal/serve/jsonutf8"
	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/markup"
	"github.com/daqiq/daqiq/lint/output"
)

// DefaultMaxBody is the largest request body read when Options.MaxBody is
// not set.
const DefaultMaxBody = 1 << 20

// Options configure New.
type Options struct {
	Engine  *engine.Engine // nil: the built-in defaults
	Version string         // the software version in every answer
	MaxBody int64          // the largest request body read; 0: DefaultMaxBody
	// Acquire takes a check slot before a text is checked, waiting while
	// every slot is taken; false if ctx ended first (the request is then
	// answered 503). Release frees the slot. Nil: no limit.
	Acquire func(ctx context.Context) bool
	Release func()
	// RulePages, when set, is the path under which the server shows each
	// rule's documentation (RulePages + the rule id): every match links
	// to its rule's page in rule.urls, an absolute URL made from the
	// request's Host. Empty: no urls.
	RulePages string
}

// API answers LanguageTool's requests. Nothing in it changes after New.
type API struct {
	o    Options
	byID map[string]*lint.Rule // every rule, on or off
}

// New returns the API of an engine.
func New(o Options) *API {
	if o.Engine == nil {
		o.Engine = engine.Default()
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.Acquire == nil || o.Release == nil {
		o.Acquire, o.Release = func(context.Context) bool { return true }, func() {}
	}
	a := &API{o: o, byID: map[string]*lint.Rule{}}
	for _, r := range o.Engine.Rules().All(checkPath) {
		a.byID[r.ID] = r.Rule
	}
	return a
}

// checkPath is the name a text is linted under: the configuration's
// settings for *.txt apply.
const checkPath = "article.txt"

type ltSoftware struct {
	Name       string `json:"name"`
	Version    string `json:"version"`
	BuildDate  string `json:"buildDate"`
	APIVersion int    `json:"apiVersion"`
}

type ltDetected struct {
	Name       string  `json:"name"`
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
}

type ltLanguage struct {
	Name             string     `json:"name"`
	Code             string     `json:"code"`
	DetectedLanguage ltDetected `json:"detectedLanguage"`
}

type ltReplacement struct {
	Value string `json:"value"`
}

type ltContext struct {
	Text   string `json:"text"`
	Offset int    `json:"offset"`
	Length int    `json:"length"`
}

type ltCategory struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type ltURL struct {
	Value string `json:"value"`
}

type ltRule struct {
	ID          string     `json:"id"`
	Description string     `json:"description"`
	IssueType   string     `json:"issueType"`
	URLs        []ltURL    `json:"urls,omitempty"`
	Category    ltCategory `json:"category"`
}

type ltType struct {
	TypeName string `json:"typeName"`
}

type ltMatch struct {
	Message      string          `json:"message"`
	ShortMessage string          `json:"shortMessage"`
	Replacements []ltReplacement `json:"replacements"`
	Offset       int             `json:"offset"`
	Length       int             `json:"length"`
	Context      ltContext       `json:"context"`
	Sentence     string          `json:"sentence"`
	Type         ltType          `json:"type"`
	Rule         ltRule          `json:"rule"`
}

type ltResponse struct {
	Software ltSoftware `json:"software"`
	Warnings struct {
		IncompleteResults bool `json:"incompleteResults"`
	} `json:"warnings"`
	Language ltLanguage `json:"language"`
	Matches  []ltMatch  `json:"matches"`
}

// ltError answers as LanguageTool does: 400 (or the given code) and a
// plain-text "Error: ..." body.
func ltError(w http.ResponseWriter) func(int, string) {
	return func(code int, msg string) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(code)
		fmt.Fprintf(w, "Error: %s\n", msg)
	}
}

// Languages answers GET /v2/languages: Arabic only.
func (a *API) Languages(w http.ResponseWriter, r *http.Request) {
	apijson.Write(w, http.StatusOK, []map[string]string{{"name": "Arabic", "code": "ar", "longCode": "ar"}})
}

// ltPart is a piece of the annotation: text is linted as it is, markup
// is linted as its interpretAs.
type ltPart struct {
	plainStart, plainEnd int // in the linted text
	wholeStart, wholeEnd int // in the whole annotation string
	verbatim             bool
}

// ltText is what a request asks to check: whole is what offsets count in,
// plain what is linted.
type ltText struct {
	whole, plain string
	parts        []ltPart // nil: plain is whole
}

func parseAnnotation(data string) (ltText, error) {
	var a struct {
		Annotation []struct {
			Text        *string `json:"text"`
			Markup      *string `json:"markup"`
			InterpretAs *string `json:"interpretAs"`
		} `json:"annotation"`
	}
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		return ltText{}, fmt.Errorf("could not parse JSON from 'data' parameter: %v", err)
	}
	// encoding/json would put U+FFFD in their place: the offsets would
	// count a text the client did not send
	if err := jsonutf8.Check([]byte(data)); err != nil {
		return ltText{}, fmt.Errorf("the 'data' parameter is not valid UTF-8: %v", err)
	}
	if a.Annotation == nil {
		return ltText{}, fmt.Errorf("'data' parameter must be a JSON object {\"annotation\": [...]}")
	}
	var whole, plain strings.Builder
	var parts []ltPart
	for i, p := range a.Annotation {
		switch {
		case p.Text != nil && p.Markup == nil:
			parts = append(parts, ltPart{plain.Len(), plain.Len() + len(*p.Text), whole.Len(), whole.Len() + len(*p.Text), true})
			whole.WriteString(*p.Text)
			plain.WriteString(*p.Text)
		case p.Markup != nil && p.Text == nil:
			as := ""
			if p.InterpretAs != nil {
				as = *p.InterpretAs
			}
			parts = append(parts, ltPart{plain.Len(), plain.Len() + len(as), whole.Len(), whole.Len() + len(*p.Markup), false})
			whole.WriteString(*p.Markup)
			plain.WriteString(as)
		default:
			return ltText{}, fmt.Errorf("annotation %d must have either 'text' or 'markup' (with an optional 'interpretAs')", i)
		}
	}
	return ltText{whole: whole.String(), plain: plain.String(), parts: parts}, nil
}

// toWhole maps a byte offset of the linted text to the whole string. A
// start inside a markup part's interpretAs maps to the markup's start, an
// end to its end; on a seam a start belongs to the later part, an end to
// the earlier one.
func (t ltText) toWhole(off int, end bool) int {
	if t.parts == nil {
		return off
	}
	var i int
	if end {
		i = sort.Search(len(t.parts), func(i int) bool { return t.parts[i].plainEnd >= off })
		// markup that stands for nothing in the linted text ends no span
		for i < len(t.parts) && t.parts[i].plainStart == t.parts[i].plainEnd {
			i++
		}
	} else {
		i = sort.Search(len(t.parts), func(i int) bool { return t.parts[i].plainEnd > off })
	}
	if i == len(t.parts) {
		return len(t.whole)
	}
	p := t.parts[i]
	switch {
	case p.verbatim:
		return p.wholeStart + max(off-p.plainStart, 0)
	case end:
		return p.wholeEnd
	}
	return p.wholeStart
}

// utf16Index converts byte offsets of a string to UTF-16 offsets, with a
// checkpoint every 512 bytes so that each lookup scans little.
type utf16Index struct {
	s     string
	bytes []int // checkpoint byte offsets (rune starts)
	units []int // UTF-16 offsets there
}

func newUTF16Index(s string) *utf16Index {
	x := &utf16Index{s: s, bytes: []int{0}, units: []int{0}}
	u, next := 0, 512
	for i, r := range s {
		if i >= next {
			x.bytes = append(x.bytes, i)
			x.units = append(x.units, u)
			next = i + 512
		}
		u += u16len(r)
	}
	return x
}

func (x *utf16Index) at(off int) int {
	k := sort.SearchInts(x.bytes, off+1) - 1
	u := x.units[k]
	for _, r := range x.s[x.bytes[k]:off] {
		u += u16len(r)
	}
	return u
}

func u16len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

func u16count(s string) int {
	n := 0
	for _, r := range s {
		n += u16len(r)
	}
	return n
}

// ltIssueTypes map a rule family to LanguageTool's issue types (the ITS 2.0
// localization quality issue types).
var ltIssueTypes = map[string]string{
	"spelling":    "misspelling",
	"orthography": "misspelling",
	"grammar":     "grammar",
	"punctuation": "typographical",
	"typography":  "typographical",
	"consistency": "inconsistency",
	"repetition":  "duplication",
	"dates":       "inconsistency",
	"entities":    "inconsistent-entities",
}

var ltCategoryNames = map[string]string{
	"spelling":    "Spelling",
	"orthography": "Orthography",
	"grammar":     "Grammar",
	"punctuation": "Punctuation",
	"typography":  "Typography",
	"consistency": "Consistency",
	"repetition":  "Repetition",
	"dates":       "Dates",
	"entities":    "Names and places",
}

func ltCategoryOf(family string) ltCategory {
	name := ltCategoryNames[family]
	if name == "" && family != "" {
		name = strings.ToUpper(family[:1]) + family[1:]
	}
	return ltCategory{ID: strings.ToUpper(family), Name: name}
}

// ltLanguageOK accepts ar, ar-XX and auto.
func ltLanguageOK(lang string) bool {
	l := strings.ToLower(lang)
	return l == "ar" || l == "auto" || strings.HasPrefix(l, "ar-") && len(l) > 3
}

// arabicShare is the share of letters in s that are Arabic: the confidence
// reported for the detected language.
func arabicShare(s string) float64 {
	letters, arabic := 0, 0
	for i, r := range s {
		if i > 20000 {
			break
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Arabic, r) {
				arabic++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(arabic) / float64(letters)
}

func splitList(v string) []string {
	var out []string
	for _, f := range strings.Split(v, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// ltSelection reads LanguageTool's rule parameters: enabledRules,
// disabledRules, enabledCategories, disabledCategories (comma-separated)
// and enabledOnly.
func ltSelection(form func(string) string) *engine.Selection {
	return &engine.Selection{
		Only:              strings.EqualFold(form("enabledOnly"), "true"),
		EnableRules:       splitList(form("enabledRules")),
		DisableRules:      splitList(form("disabledRules")),
		EnableCategories:  splitList(form("enabledCategories")),
		DisableCategories: splitList(form("disabledCategories")),
	}
}

// Check answers POST /v2/check (form fields text or data, language, level
// and the rule parameters), or GET /v2/check with the same parameters in
// the query string: LanguageTool's JSON, or 400 and a plain-text
// "Error: ..." as LanguageTool answers a bad request.
func (a *API) Check(w http.ResponseWriter, r *http.Request) {
	fail := ltError(w)
	if r.ContentLength > a.o.MaxBody {
		fail(http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", a.o.MaxBody))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, a.o.MaxBody)
	if err := r.ParseForm(); err != nil {
		if apijson.TooLarge(err) {
			fail(http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", a.o.MaxBody))
		} else {
			fail(http.StatusBadRequest, err.Error())
		}
		return
	}
	form := r.Form.Get
	lang := form("language")
	if lang == "" {
		fail(http.StatusBadRequest, "Missing 'language' parameter, specify language or use language=auto")
		return
	}
	if !ltLanguageOK(lang) {
		fail(http.StatusBadRequest, fmt.Sprintf("'%s' is not a language code known to LanguageTool. Supported language codes are: ar. (daqiq checks Arabic only.)", lang))
		return
	}
	if l := form("level"); l != "" && l != "default" && l != "picky" {
		fail(http.StatusBadRequest, fmt.Sprintf("'level' must be 'default' or 'picky', not '%s'", l))
		return
	}
	_, hasText := r.Form["text"]
	_, hasData := r.Form["data"]
	var t ltText
	switch {
	case hasText && hasData:
		fail(http.StatusBadRequest, "Set only 'text' or 'data', not both")
		return
	case hasText:
		t = ltText{whole: form("text"), plain: form("text")}
	case hasData:
		var err error
		if t, err = parseAnnotation(form("data")); err != nil {
			fail(http.StatusBadRequest, err.Error())
			return
		}
	default:
		fail(http.StatusBadRequest, "Missing 'text' or 'data' parameter")
		return
	}
	if !utf8.ValidString(t.whole) || !utf8.ValidString(t.plain) {
		fail(http.StatusBadRequest, "the text is not valid UTF-8")
		return
	}
	sel := ltSelection(form)
	if sel.Only && len(sel.EnableRules) == 0 && len(sel.EnableCategories) == 0 {
		fail(http.StatusBadRequest, "enabledOnly=true needs enabledRules or enabledCategories")
		return
	}
	ctx := r.Context()
	if !a.o.Acquire(ctx) {
		fail(http.StatusServiceUnavailable, "cancelled while waiting for a free check slot")
		return
	}
	// The slot is held while the text is checked and the answer encoded,
	// not while it is written: a client that does not read its answer
	// must not keep others from being checked.
	held := true
	release := func() {
		if held {
			held = false
			a.o.Release()
		}
	}
	defer release()
	// the messages speak the user's language: motherTongue en (en-US…)
	// gives English, anything else Arabic, the language of the text
	msgLang := i18n.Ar
	if l, err := i18n.Parse(form("motherTongue")); err == nil {
		msgLang = l
	}
	body, err := a.check(ctx, t, sel, a.rulePageBase(r), msgLang)
	release()
	if err != nil {
		if ctx.Err() != nil {
			fail(http.StatusServiceUnavailable, "cancelled: "+err.Error())
		} else {
			fail(http.StatusBadRequest, err.Error())
		}
		return
	}
	apijson.WriteBody(w, http.StatusOK, body)
}

// check checks a text and encodes the answer. The loop over the matches
// stops when ctx ends (the client went away).
func (a *API) check(ctx context.Context, t ltText, sel *engine.Selection, pages string, lang i18n.Lang) ([]byte, error) {
	res, err := a.o.Engine.Check(ctx, engine.Input{Path: checkPath, Format: markup.Plain, Src: []byte(t.plain), Select: sel, Lang: lang})
	if err == nil {
		err = ctx.Err() // given up while the engine ran
	}
	if err != nil {
		return nil, err
	}
	matches, err := a.matches(ctx, t, res.Doc.Src, res.Diagnostics, pages, lang)
	if err != nil {
		return nil, err
	}
	conf := arabicShare(t.plain)
	return apijson.Encode(ltResponse{
		Software: ltSoftware{Name: "daqiq", Version: a.o.Version, BuildDate: buildDate(), APIVersion: 1},
		Language: ltLanguage{Name: "Arabic", Code: "ar", DetectedLanguage: ltDetected{Name: "Arabic", Code: "ar", Confidence: conf}},
		Matches:  matches,
	}), nil
}

// rulePageBase is the absolute URL of the rule pages for a request, from
// its scheme and Host ("http://localhost:8080/rules/"), or "" when the
// server has none or the request names no host.
func (a *API) rulePageBase(r *http.Request) string {
	if a.o.RulePages == "" || r.Host == "" {
		return ""
	}
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host + a.o.RulePages
}

// ruleURLs is rule.urls: the rule's page under base, each segment of its
// id escaped; nil when base is "".
func ruleURLs(base, id string, lang i18n.Lang) []ltURL {
	if base == "" {
		return nil
	}
	return []ltURL{{Value: output.RulePageURL(base, id, lang)}}
}

// spellingRule reports whether a rule finds misspelt words, which
// LanguageTool reports as typeName "UnknownWord" and issueType
// "misspelling": the spelling and lexicon families.
func spellingRule(id, family string) bool {
	f, _, _ := strings.Cut(id, "/")
	return f == "spelling" || f == "lexicon" || family == "spelling" || family == "lexicon"
}

// matches are the diagnostics of t.plain (src, as checked) as LanguageTool
// reports them, in time proportional to their number and the text's
// length; it stops when ctx ends. pages is the base URL of the rule pages
// (rulePageBase), "" for none.
func (a *API) matches(ctx context.Context, t ltText, src []byte, ds []lint.Diagnostic, pages string, lang i18n.Lang) ([]ltMatch, error) {
	out := make([]ltMatch, 0, len(ds))
	ix := newUTF16Index(t.whole)
	sents := &sentences{text: t.plain}
	for i, d := range ds {
		if i%1024 == 1023 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		ws, we := t.toWhole(d.Start, false), t.toWhole(d.End, true)
		if we < ws {
			we = ws
		}
		off := ix.at(ws)
		reps := []ltReplacement{}
		for _, sg := range lint.Suggestions(src, d) {
			reps = append(reps, ltReplacement{Value: sg})
		}
		family, _, _ := strings.Cut(d.Rule, "/")
		desc := ""
		if ru := a.byID[d.Rule]; ru != nil {
			desc, _ = ru.Localized(lang)
			if ru.Category != "" {
				family = ru.Category
			}
		}
		issue, typeName := ltIssueTypes[family], "Other"
		if spellingRule(d.Rule, family) {
			issue, typeName = "misspelling", "UnknownWord"
		}
		if issue == "" {
			issue = "style"
		}
		out = append(out, ltMatch{
			Message:      d.Message,
			ShortMessage: "",
			Replacements: reps,
			Offset:       off,
			Length:       ix.at(we) - off,
			Context:      ltContextOf(t.plain, d.Start, d.End),
			Sentence:     sents.of(d.Start, d.End),
			Type:         ltType{TypeName: typeName},
			Rule:         ltRule{ID: d.Rule, Description: desc, IssueType: issue, URLs: ruleURLs(pages, d.Rule, lang), Category: ltCategoryOf(family)},
		})
	}
	return out, nil
}

// ltContextOf is up to 40 code points of text on each side of the span,
// line breaks as spaces and "..." where the text was cut; offset and length
// count UTF-16 units in it.
func ltContextOf(text string, start, end int) ltContext {
	const size = 40
	flat := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == '\t' {
				return ' '
			}
			return r
		}, s)
	}
	a := start
	for n := 0; a > 0 && n < size; n++ {
		_, k := utf8.DecodeLastRuneInString(text[:a])
		a -= k
	}
	b := end
	for n := 0; b < len(text) && n < size; n++ {
		_, k := utf8.DecodeRuneInString(text[b:])
		b += k
	}
	pre := flat(text[a:start])
	if a > 0 {
		pre = "..." + pre
	}
	mid := flat(text[start:end])
	post := flat(text[end:b])
	if b < len(text) {
		post += "..."
	}
	return ltContext{Text: pre + mid + post, Offset: u16count(pre), Length: u16count(mid)}
}

// maxSentence is the longest sentence reported: a span in a longer one
// (a line with no sentence end) is reported as the sentence by itself.
const maxSentence = 2000

// sentences finds the sentence holding a span: from the end of the
// sentence before (. ! ? ؟ followed by a space, or a line break) to the end
// of this one. The places where sentences may begin and end are found in
// one pass over the text, on the first lookup; each lookup is then a
// binary search, so that a text with many findings on one long line costs
// no more than one with few (scanning the line for each finding was
// quadratic).
type sentences struct {
	text   string
	done   bool
	starts []int // where a sentence may start: after a line break, or after a space that follows an end mark
	// a sentence that runs on past stopAt[i] ends at endAt[i]: a line
	// break ends it before itself, an end mark followed by a space (or
	// the end of the text) after itself
	stopAt, endAt []int
}

func isSentenceEnd(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '؟' }

func (s *sentences) scan() {
	s.done = true
	text := s.text
	prev, prev2 := rune(-1), rune(-1) // the runes before i
	for i, r := range text {
		if prev == '\n' || unicode.IsSpace(prev) && isSentenceEnd(prev2) {
			s.starts = append(s.starts, i)
		}
		k := utf8.RuneLen(r)
		switch {
		case r == '\n':
			s.stopAt = append(s.stopAt, i)
			s.endAt = append(s.endAt, i)
		case isSentenceEnd(r) && (i+k == len(text) || strings.IndexByte(" \t\r\n", text[i+k]) >= 0):
			s.stopAt = append(s.stopAt, i)
			s.endAt = append(s.endAt, i+k)
		}
		prev, prev2 = r, prev
	}
	if len(text) > 0 && (prev == '\n' || unicode.IsSpace(prev) && isSentenceEnd(prev2)) {
		s.starts = append(s.starts, len(text))
	}
}

// of is the sentence holding text[start:end], trimmed; the span itself
// when its sentence is longer than maxSentence.
func (s *sentences) of(start, end int) string {
	if !s.done {
		s.scan()
	}
	a := 0
	if i := sort.SearchInts(s.starts, start+1); i > 0 {
		a = s.starts[i-1]
	}
	b := len(s.text)
	if i := sort.SearchInts(s.stopAt, end); i < len(s.stopAt) {
		b = s.endAt[i]
	}
	if b-a > maxSentence {
		return strings.TrimSpace(s.text[start:end])
	}
	return strings.TrimSpace(s.text[a:b])
}

// buildDate is the commit time recorded in the binary, as LanguageTool
// writes it ("2006-01-02 15:04"), or "".
func buildDate() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, st := range bi.Settings {
		if st.Key == "vcs.time" && len(st.Value) >= 16 {
			return strings.Replace(st.Value[:16], "T", " ", 1)
		}
	}
	return ""
}
