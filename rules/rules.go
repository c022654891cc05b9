// Package rules assembles the rule set for a file: the built-in rules
// (listed in builtin.go, made by the family packages below), the custom rules of
// .daqiq.toml, the word lists it adds, and its per-path settings.
//
// Families, one package each, one file per rule, data in <family>/data:
//
//	spelling      misspelling, hamzat-wasl, missing-hamza   (substitution lists)
//	orthography   final-yeh                                 (code + word lists)
//	consistency   variants                                  (variant sets)
//	repetition    repeated-word, repeated-line
//	dates         weekday-mismatch, hijri-mismatch, impossible-date,
//	              relative-day, relative-period       (code + calendar data)
//	entities      confusable-country, knowledge-claim (code + gazetteer)
//	grammar       inna-anna, counted-noun
//	punctuation   spacing, latin-marks, doubled-mark, unbalanced, quote-colon
//	typography    run-together, whitespace, hidden-characters, tatweel, digits
//	lexicon       hamza, taa-marbuta, alef-maqsura, verb-taa, run-together,
//	              split-clitic                        (a Hunspell dictionary)
//
// The generic kinds that data drives live in rules/kinds.
package rules

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint/i18n"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/rules/kinds"
	"github.com/daqiq/daqiq/rules/lexicon"
)

// Set is the rules of one configuration, ready to be narrowed to a file.
type Set struct {
	cfg   *config.Config
	rules []*lint.Rule          // built-in and custom, by id
	byID  map[string]*lint.Rule // the same
	// mu guards extended and cache, which For fills as files come
	mu sync.Mutex
	// extended holds rules with extra word lists, by id and list names
	extended map[string]*lint.Rule
	cache    map[string]resolved
}

// Load builds the rule set of a configuration (nil: the defaults) and
// checks every rule id, level, option and word list it names.
func Load(cfg *config.Config) (*Set, error) {
	if cfg == nil {
		cfg = &config.Config{Path: "(defaults)", Rules: map[string]config.RuleSettings{}}
	}

	builtin, err := Builtin()
	if err != nil {
		return nil, err
	}
	s := &Set{cfg: cfg, byID: map[string]*lint.Rule{}, extended: map[string]*lint.Rule{}, cache: map[string]resolved{}}
	for _, r := range builtin {
		s.add(r)
	}
	for _, cr := range cfg.Custom {
		if s.byID[cr.ID] != nil {
			return nil, &config.Error{Path: cfg.Path, Line: cr.Line, Col: 1, Msg: fmt.Sprintf("rule %s already exists", cr.ID)}
		}
		r, err := custom(cfg, cr)
		if err != nil {
			return nil, &config.Error{Path: cfg.Path, Line: cr.Line, Col: 1, Msg: err.Error()}
		}
		s.add(r)
	}
	if len(cfg.Entities) > 0 {
		if err := s.learnEntities(cfg); err != nil {
			return nil, err
		}
	}
	if cfg.Spelling != nil {
		if err := s.configureLexicon(cfg); err != nil {
			return nil, err
		}
	}
	sort.Slice(s.rules, func(i, j int) bool { return s.rules[i].ID < s.rules[j].ID })
	check := func(rs map[string]config.RuleSettings, errAt func(id, key, msg string) error) error {
		ids := make([]string, 0, len(rs))
		for id := range rs {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			st := rs[id]
			r := s.byID[id]
			if r == nil {
				return errAt(id, "", fmt.Sprintf("unknown rule %q (daqiq rules lists them)", id))
			}
			for k, v := range st.Options {
				o, ok := r.Options[k]
				if !ok {
					return errAt(id, k, fmt.Sprintf("rule %s has no option %q%s", id, k, optionNames(r)))
				}
				if len(o.Allowed) > 0 && !contains(o.Allowed, v) {
					return errAt(id, k, fmt.Sprintf("bad value %q for %s option %s: want %s", v, id, k, strings.Join(o.Allowed, ", ")))
				}
			}
			if len(st.WordLists) > 0 {
				if _, err := s.extend(r, st.WordLists); err != nil {
					return errAt(id, "wordlists", err.Error())
				}
			}
		}
		return nil
	}
	if err := check(cfg.Rules, cfg.RuleErr); err != nil {
		return nil, err
	}
	for i, o := range cfg.Overrides {
		errAt := func(id, key, msg string) error { return cfg.OverrideErr(i, id, key, msg) }
		if err := check(o.Rules, errAt); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// learnEntities gives the [[entity]] tables of the configuration to every
// rule of the entities family.
func (s *Set) learnEntities(cfg *config.Config) error {
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(map[string]any{"entity": cfg.Entities}); err != nil {
		return &config.Error{Path: cfg.Path, Line: cfg.EntityLine, Col: 1, Msg: err.Error()}
	}
	for i, r := range s.rules {
		if r.Category != "entities" || r.Extend == nil {
			continue
		}
		ext, err := r.Extend("[[entity]]", buf.Bytes())
		if err != nil {
			return &config.Error{Path: cfg.Path, Line: cfg.EntityLine, Col: 1, Msg: err.Error()}
		}
		s.rules[i], s.byID[r.ID] = ext, ext
	}
	return nil
}

// configureLexicon binds the rules of the lexicon family to the
// dictionaries and accepted words of the [spelling] table.
func (s *Set) configureLexicon(cfg *config.Config) error {
	for i, r := range s.rules {
		if r.Category != "lexicon" {
			continue
		}
		b, err := lexicon.Configure(r, cfg.Spelling, cfg.Dir)
		if err != nil {
			return &config.Error{Path: cfg.Path, Line: cfg.Spelling.Line, Col: 1, Msg: err.Error()}
		}
		s.rules[i], s.byID[r.ID] = b, b
	}
	return nil
}

func (s *Set) add(r *lint.Rule) {
	s.rules = append(s.rules, r)
	s.byID[r.ID] = r
}

// FailLevel is the configuration's fail-level, 0 when it sets none.
func (s *Set) FailLevel() lint.Level {
	l, _ := lint.ParseLevel(s.cfg.FailLevel)
	return l
}

// Rules returns every rule of the set, enabled or not, by id.
func (s *Set) Rules() []*lint.Rule { return s.rules }

// Enabled reports whether a rule is on for a file.
func (s *Set) Enabled(id, file string) bool {
	for _, a := range s.For(file) {
		if a.ID == id {
			return true
		}
	}
	return false
}

// Setting returns the settings the configuration gives a rule (no
// overrides applied).
func (s *Set) Setting(id string) config.RuleSettings { return s.cfg.Rules[id] }

// State says whether a rule is on and at what level as the configuration
// sets it outside any [[override]]: what `daqiq rules` shows. A rule whose
// option turns it off (final-yeh's style = "off") is off, as it is for
// the files it checks. An unknown id is off.
func (s *Set) State(id string) (on bool, level lint.Level) {
	r := s.byID[id]
	if r == nil {
		return false, 0
	}
	return effective(r, s.cfg.Rules[id])
}

// effective is whether a rule runs and at what level under settings st.
func effective(r *lint.Rule, st config.RuleSettings) (on bool, level lint.Level) {
	on = !r.Disabled
	if st.Enabled != nil {
		on = *st.Enabled
	}
	on = on && r.Unavailable == "" // no dictionary: off whatever the configuration says
	for name, o := range r.Options {
		v, set := st.Options[name]
		if !set {
			v = o.Default
		}
		if o.Off != "" && v == o.Off {
			on = false
		}
	}
	level = r.Level
	if st.Level != "" {
		level, _ = lint.ParseLevel(st.Level)
	}
	if level == 0 {
		level = lint.Warning
	}
	return on, level
}

// Known reports whether name is a rule id or a family of the set (the
// first part of a rule id: spelling, house): what a suppression comment
// may name.
func (s *Set) Known(name string) bool {
	if s.byID[name] != nil {
		return true
	}
	for _, r := range s.rules {
		if strings.HasPrefix(r.ID, name+"/") {
			return true
		}
	}
	return false
}

// Family returns the rules of a family (spelling: spelling/misspelling,
// spelling/hamzat-wasl ...), by id; none if name is not a family.
func (s *Set) Family(name string) []*lint.Rule {
	var out []*lint.Rule
	for _, r := range s.rules {
		if strings.HasPrefix(r.ID, name+"/") {
			out = append(out, r)
		}
	}
	return out
}

// For returns the active rules for one file, with their levels and
// options. Safe for concurrent use; the slice is shared and must not be
// modified.
func (s *Set) For(file string) []lint.Active { return s.resolve(file).on }

// All returns every rule, on or off, as the configuration sets it for one
// file (its level, options, word lists and ignored words): what a caller
// turning rules on by name (LanguageTool's enabledRules) runs. Safe for
// concurrent use; the slice is shared and must not be modified.
func (s *Set) All(file string) []lint.Active { return s.resolve(file).all }

// resolved is the rules of the files that the same overrides match.
type resolved struct{ on, all []lint.Active }

func (s *Set) resolve(file string) resolved {
	// files that the same overrides match have the same rules
	matching := s.cfg.Matching(file)
	key := fmt.Sprint(matching)
	s.mu.Lock()
	defer s.mu.Unlock()
	if rs, ok := s.cache[key]; ok {
		return rs
	}
	settings := s.cfg.ResolveMatching(matching)
	var rs resolved
	for _, r := range s.rules {
		st := settings[r.ID]
		on, level := effective(r, st)
		a := lint.Active{Rule: r, Level: level, Options: st.Options}
		if len(st.WordLists) > 0 {
			a.Rule, _ = s.extend(r, st.WordLists) // checked by Load
		}
		if len(st.Ignore) > 0 {
			a.Ignore = map[string]bool{}
			for _, w := range st.Ignore {
				a.Ignore[arabic.Key(w)] = true
			}
		}
		rs.all = append(rs.all, a)
		if on {
			rs.on = append(rs.on, a)
		}
	}
	s.cache[key] = rs
	return rs
}

// extend is called with s.mu held, or before s is shared (Load).
func (s *Set) extend(r *lint.Rule, lists []string) (*lint.Rule, error) {
	key := r.ID + "\x00" + strings.Join(lists, "\x00")
	if e, ok := s.extended[key]; ok {
		return e, nil
	}
	if r.Extend == nil {
		return nil, fmt.Errorf("rule %s does not take word lists", r.ID)
	}
	out := r
	for _, l := range lists {
		path := l
		if !filepath.IsAbs(path) {
			path = filepath.Join(s.cfg.Dir, l)
		}
		data, err := config.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if out, err = out.Extend(path, data); err != nil {
			return nil, err
		}
	}
	s.extended[key] = out
	return out, nil
}

func optionNames(r *lint.Rule) string {
	if len(r.Options) == 0 {
		return " (it has none; every rule takes enabled, level, wordlists, ignore)"
	}
	var names []string
	for k := range r.Options {
		names = append(names, k)
	}
	sort.Strings(names)
	return " (it has: " + strings.Join(names, ", ") + ")"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// custom makes a rule from a [[rule]] table.
func custom(cfg *config.Config, cr config.CustomRule) (*lint.Rule, error) {
	level := lint.Warning
	if cr.Level != "" {
		level, _ = lint.ParseLevel(cr.Level)
	}
	family, _, _ := strings.Cut(cr.ID, "/")
	meta := lint.Rule{
		ID: cr.ID, Category: family, Level: level, Summary: cr.Description, Link: cr.Link,
		Doc: lint.Doc{What: cr.Description},
	}
	if meta.Summary == "" {
		meta.Summary = customSummary(cr, i18n.En)
		meta.Summaries = map[i18n.Lang]string{i18n.Ar: customSummary(cr, i18n.Ar)}
	}
	if cr.Enabled != nil && !*cr.Enabled {
		meta.Disabled = true
	}
	class := arabic.ClassAll
	if cr.Class != "" {
		var ok bool
		if class, ok = arabic.ClassNames[cr.Class]; !ok {
			return nil, fmt.Errorf("rule %s: unknown class %q (want all, noart, verb, conj or exact)", cr.ID, cr.Class)
		}
	}
	var entries []kinds.WordEntry
	for _, w := range cr.Words {
		entries = append(entries, kinds.WordEntry{Key: w, Class: class})
	}
	keys := make([]string, 0, len(cr.Swap))
	for k := range cr.Swap {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		entries = append(entries, kinds.WordEntry{Key: k, Value: cr.Swap[k], Class: class})
	}
	for _, l := range cr.WordLists {
		path := l
		if !filepath.IsAbs(path) {
			path = filepath.Join(cfg.Dir, l)
		}
		data, err := config.ReadFile(path)
		if err != nil {
			return nil, err
		}
		more, err := kinds.ParseWordList(path, data)
		if err != nil {
			return nil, err
		}
		entries = append(entries, more...)
	}
	need := func(ok bool, what string) error {
		if !ok {
			return fmt.Errorf("rule %s (kind %s) needs %s", cr.ID, cr.Kind, what)
		}
		return nil
	}
	kind, _ := lint.ParseKind(cr.Kind) // checked by config
	switch kind {
	case lint.Substitution:
		if err := need(len(entries) > 0, "swap = {\"wrong\" = \"right\"} or wordlists"); err != nil {
			return nil, err
		}
		return kinds.NewSubstitution(kinds.Substitution{Rule: meta, Entries: entries, Message: cr.Message, Unsafe: cr.Unsafe})
	case lint.Existence:
		if err := need(len(entries) > 0, "words = [...] or wordlists"); err != nil {
			return nil, err
		}
		return kinds.NewExistence(kinds.Existence{Rule: meta, Entries: entries, Message: cr.Message})
	case lint.Consistency:
		if err := need(len(cr.Sets) > 0, "sets = [[\"variant\", \"variant\"], ...]"); err != nil {
			return nil, err
		}
		return kinds.NewConsistency(kinds.Consistency{Rule: meta, Sets: kinds.SetsFromLists(cr.Sets, class)})
	case lint.Pattern:
		if err := need(cr.Pattern != "", "pattern = \"RE2 expression\""); err != nil {
			return nil, err
		}
		return kinds.NewPattern(kinds.Pattern{Rule: meta, Expr: cr.Pattern, Replacement: cr.Replacement, Message: cr.Message, Unsafe: cr.Unsafe})
	case lint.Repetition:
		switch cr.Scope {
		case "", "word":
			return kinds.NewRepeatedWord(kinds.RepeatedWord{Rule: meta, Allow: cr.Words}), nil
		case "line":
			return kinds.NewRepeatedLine(kinds.RepeatedLine{Rule: meta}), nil
		}
		return nil, fmt.Errorf("rule %s: scope must be word or line, not %q", cr.ID, cr.Scope)
	}
	return nil, fmt.Errorf("rule %s: unknown kind %q", cr.ID, cr.Kind)
}

// customSummary is the one line `daqiq rules` shows for a custom rule
// without a description, in lang: its message with the placeholders
// described rather than printed raw, else its kind.
func customSummary(cr config.CustomRule, lang i18n.Lang) string {
	if cr.Message == "" {
		return i18n.Text(lang, "custom.summary", cr.Kind)
	}
	return strings.NewReplacer("{word}", i18n.Text(lang, "custom.word"), "{fix}", i18n.Text(lang, "custom.fix")).Replace(cr.Message)
}
