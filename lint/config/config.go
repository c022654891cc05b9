// Package config reads .daqiq.toml: which rules run, how loud, with which
// house-style options, custom rules of every kind, extra word lists, and
// overrides by path glob. Every error names the file, line and column.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// FileName is the configuration file looked up from each checked file's
// directory upwards.
const FileName = ".daqiq.toml"

// EnvVar names a configuration file to use instead of the lookup.
const EnvVar = "DAQIQ_CONFIG"

// Config is one configuration file, decoded.
type Config struct {
	Path      string // the file; "" for the built-in defaults
	Dir       string // relative paths and globs are resolved against it
	FailLevel string
	Lang      string                  // the language of the messages: "ar" (the default) or "en"
	Rules     map[string]RuleSettings // by rule id
	Custom    []CustomRule
	Overrides []Override
	// Entities are the [[entity]] tables: people, capitals and places the
	// entity rules learn (names, country, kind, role), kept as decoded.
	Entities   []map[string]any
	EntityLine int // line of the first [[entity]]
	// Spelling is the [spelling] table: the dictionaries of the lexicon
	// rules and the words they accept; nil when the file has none.
	Spelling *Spelling
	// Exclude are globs (relative to Dir, ** for any folders, a trailing /
	// for directories) of paths a directory walk skips, like .gitignore.
	Exclude []string
	src     []byte
	scope   int              // while decoding an [[override]], the line of its header
	tables  map[string][]int // the lines of the [[name]] headers, by name
}

// Spelling is the [spelling] table of a configuration.
type Spelling struct {
	// Dictionaries names Hunspell dictionaries ("ar", found with
	// hunspell.Find), .aff/.dic pairs and plain word lists, paths relative
	// to the configuration's directory; nil: the default ("ar" if the
	// system has it), empty: none.
	Dictionaries []string
	Accept       []string // words never flagged
	AcceptFiles  []string // word lists (one word a line, # comments) never flagged
	Line         int      // line of the [spelling] header
}

// RuleSettings turns a rule on or off, sets its level, options, extra word
// lists and words it must never flag.
type RuleSettings struct {
	Enabled   *bool
	Level     string
	Options   map[string]string
	WordLists []string // data files (paths relative to the config) added to the rule
	Ignore    []string // words the rule never flags
}

// CustomRule is a rule defined in the configuration.
type CustomRule struct {
	ID          string            `toml:"id"`
	Kind        string            `toml:"kind"`
	Level       string            `toml:"level"`
	Message     string            `toml:"message"`
	Description string            `toml:"description"`
	Link        string            `toml:"link"`
	Enabled     *bool             `toml:"enabled"`
	Class       string            `toml:"class"`       // proclitics for word lists: all, noart, verb, conj, exact
	Words       []string          `toml:"words"`       // existence
	Swap        map[string]string `toml:"swap"`        // substitution: wrong → right
	Unsafe      bool              `toml:"unsafe"`      // substitution, pattern: fixes need --unsafe-fixes
	Sets        [][]string        `toml:"sets"`        // consistency: each set lists variants
	Pattern     string            `toml:"pattern"`     // pattern: RE2
	Replacement string            `toml:"replacement"` // pattern: template, $1 for groups
	Scope       string            `toml:"scope"`       // repetition: word or line
	WordLists   []string          `toml:"wordlists"`

	Line int `toml:"-"` // where the rule starts in the file
}

// Override applies rule settings to files matching any of Paths.
type Override struct {
	Paths []string
	Rules map[string]RuleSettings
}

// Error is a configuration error at a place in a file.
type Error struct {
	Path      string
	Line, Col int
	Msg       string
	// Err is the cause, for errors.Is: ErrTooLarge, ErrTooDeep or nil.
	Err error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Unwrap returns the cause, if any.
func (e *Error) Unwrap() error { return e.Err }

// Load reads and decodes a configuration file. It must be a regular file
// (links followed) of at most MaxFileSize bytes (see ReadFile).
func Load(path string) (*Config, error) {
	src, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, src)
}

// Parse decodes configuration text: at most MaxSize bytes, arrays and
// inline tables nested at most MaxNesting deep, keys of at most
// MaxKeyParts parts.
func Parse(path string, src []byte) (*Config, error) {
	if err := checkLimits(path, src); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	c := &Config{Path: path, Dir: filepath.Dir(abs), Rules: map[string]RuleSettings{}, src: src}
	c.tables = arrayTables(src)
	var raw map[string]any
	_, err = toml.Decode(string(src), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col := lineCol(src, pe.Position.Start)
			return nil, &Error{Path: path, Line: line, Col: col, Msg: pe.Message}
		}
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := raw[k]
		switch k {
		case "fail-level":
			s, ok := v.(string)
			if !ok || !validLevel(s) {
				return nil, c.errAt([]string{k}, fmt.Sprintf("bad fail-level %v: want \"error\", \"warning\" or \"info\"", v))
			}
			c.FailLevel = s
		case "lang":
			s, ok := v.(string)
			if _, err := i18n.Parse(s); !ok || err != nil {
				return nil, c.errAt([]string{k}, fmt.Sprintf("bad lang %v: want \"ar\" or \"en\"", v))
			}
			c.Lang = s
		case "rules":
			t, ok := v.(map[string]any)
			if !ok {
				return nil, c.errAt([]string{k}, "rules must be a table: [rules.\"family/name\"]")
			}
			rs, err := c.ruleTable([]string{"rules"}, t)
			if err != nil {
				return nil, err
			}
			c.Rules = rs
		case "rule":
			arr, ok := v.([]map[string]any)
			if !ok {
				return nil, c.errAt([]string{k}, "custom rules are written as [[rule]] tables")
			}
			for i, t := range arr {
				cr, err := c.customRule(i, t)
				if err != nil {
					return nil, err
				}
				c.Custom = append(c.Custom, cr)
			}
		case "override":
			arr, ok := v.([]map[string]any)
			if !ok {
				return nil, c.errAt([]string{k}, "overrides are written as [[override]] tables")
			}
			for i, t := range arr {
				o, err := c.override(i, t)
				if err != nil {
					return nil, err
				}
				c.Overrides = append(c.Overrides, o)
			}
		case "exclude":
			list, err := c.strings([]string{k}, v)
			if err != nil {
				return nil, err
			}
			c.Exclude = list
		case "entity":
			arr, ok := v.([]map[string]any)
			if !ok {
				return nil, c.errAt([]string{k}, "entities are written as [[entity]] tables")
			}
			c.Entities, c.EntityLine = arr, c.nthTableLine("entity", 0)
		case "spelling":
			sp, err := c.spelling(v)
			if err != nil {
				return nil, err
			}
			c.Spelling = sp
		default:
			return nil, c.errAt([]string{k}, fmt.Sprintf("unknown key %q (known: fail-level, lang, exclude, rules, rule, override, entity, spelling)", k))
		}
	}
	return c, nil
}

// lineCol turns the decoder's byte offset (counted after a byte order
// mark, which it drops: UTF-8's, or either of UTF-16's, as it does) into a
// 1-based line and column: its own Line is wrong after a CR inside a
// string or a backslash at the end of the file.
func lineCol(src []byte, start int) (int, int) {
	text := string(src)
	if strings.HasPrefix(text, "\xff\xfe") || strings.HasPrefix(text, "\xfe\xff") {
		text = text[2:]
	} else {
		text = strings.TrimPrefix(text, "\uFEFF")
	}
	if start < 0 {
		start = 0
	}
	if start > len(text) {
		start = len(text)
	}
	before := text[:start]
	line := strings.Count(before, "\n") + 1
	col := len([]rune(before[strings.LastIndexByte(before, '\n')+1:])) + 1
	return line, col
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (c *Config) ruleTable(at []string, t map[string]any) (map[string]RuleSettings, error) {
	out := map[string]RuleSettings{}
	for _, id := range sortedKeys(t) {
		v := t[id]
		path := append(append([]string{}, at...), id)
		rt, ok := v.(map[string]any)
		if !ok {
			return nil, c.errAt(path, fmt.Sprintf("settings of rule %q must be a table", id))
		}
		var rs RuleSettings
		for _, k := range sortedKeys(rt) {
			v := rt[k]
			kp := append(append([]string{}, path...), k)
			switch k {
			case "enabled":
				b, ok := v.(bool)
				if !ok {
					return nil, c.errAt(kp, "enabled must be true or false")
				}
				rs.Enabled = &b
			case "level":
				s, ok := v.(string)
				if !ok || !validLevel(s) {
					return nil, c.errAt(kp, fmt.Sprintf("bad level %v: want \"error\", \"warning\" or \"info\"", v))
				}
				rs.Level = s
			case "wordlists", "ignore":
				list, err := c.strings(kp, v)
				if err != nil {
					return nil, err
				}
				if k == "wordlists" {
					rs.WordLists = list
				} else {
					rs.Ignore = list
				}
			default:
				s, ok := v.(string)
				if !ok {
					return nil, c.errAt(kp, fmt.Sprintf("option %q of rule %q must be a string", k, id))
				}
				if rs.Options == nil {
					rs.Options = map[string]string{}
				}
				rs.Options[k] = s
			}
		}
		out[id] = rs
	}
	return out, nil
}

// validLevel accepts what lint.ParseLevel reads, as --fail-level does.
func validLevel(s string) bool {
	_, err := lint.ParseLevel(s)
	return err == nil
}

// spelling decodes the [spelling] table.
func (c *Config) spelling(v any) (*Spelling, error) {
	t, ok := v.(map[string]any)
	if !ok {
		return nil, c.errAt([]string{"spelling"}, "spelling must be a table: [spelling]")
	}
	sp := &Spelling{}
	for _, k := range sortedKeys(t) {
		at := []string{"spelling", k}
		list, err := c.strings(at, t[k])
		if err != nil {
			return nil, err
		}
		switch k {
		case "dictionaries":
			sp.Dictionaries = list
		case "accept":
			sp.Accept = list
		case "accept_files":
			sp.AcceptFiles = list
		default:
			return nil, c.errAt(at, fmt.Sprintf("unknown key %q in [spelling] (known: dictionaries, accept, accept_files)", k))
		}
	}
	sp.Line, _ = c.locate([]string{"spelling"})
	return sp, nil
}

func (c *Config) strings(at []string, v any) ([]string, error) {
	arr, ok := v.([]any)
	if !ok {
		return nil, c.errAt(at, fmt.Sprintf("%s must be a list of strings", at[len(at)-1]))
	}
	out := make([]string, 0, len(arr))
	for _, x := range arr {
		s, ok := x.(string)
		if !ok {
			return nil, c.errAt(at, fmt.Sprintf("%s must be a list of strings, found %v", at[len(at)-1], x))
		}
		out = append(out, s)
	}
	return out, nil
}

var customKeys = map[string]bool{
	"id": true, "kind": true, "level": true, "message": true, "description": true, "link": true,
	"enabled": true, "class": true, "words": true, "swap": true, "unsafe": true, "sets": true,
	"pattern": true, "replacement": true, "scope": true, "wordlists": true,
}

// Kinds are the rule kinds a custom rule may have: every lint.Kind but
// code, which only a built-in rule has.
var Kinds = func() []string {
	var out []string
	for k := lint.Code + 1; !strings.HasPrefix(k.String(), "Kind("); k++ {
		out = append(out, k.String())
	}
	return out
}()

func (c *Config) customRule(i int, t map[string]any) (CustomRule, error) {
	line := c.nthTableLine("rule", i)
	fail := func(key, msg string) error {
		if key != "" {
			if l, col := c.findKeyAfter(key, line); l > 0 {
				return &Error{Path: c.Path, Line: l, Col: col, Msg: msg}
			}
		}
		return &Error{Path: c.Path, Line: line, Col: 1, Msg: msg}
	}
	for _, k := range sortedKeys(t) {
		if !customKeys[k] {
			return CustomRule{}, fail(k, fmt.Sprintf("unknown key %q in [[rule]]", k))
		}
	}
	cr, badKey, err := decodeCustom(t)
	if err != nil {
		return cr, fail(badKey, fmt.Sprintf("bad value for %s in [[rule]]: %v", badKey, err))
	}
	cr.Line = line
	if cr.ID == "" {
		return cr, fail("", "[[rule]] needs an id, e.g. id = \"house/banned-words\"")
	}
	if !strings.Contains(cr.ID, "/") {
		return cr, fail("id", fmt.Sprintf("rule id %q must be family/name", cr.ID))
	}
	known := false
	for _, k := range Kinds {
		known = known || k == cr.Kind
	}
	if !known {
		return cr, fail("kind", fmt.Sprintf("rule %s: unknown kind %q (want one of %s)", cr.ID, cr.Kind, strings.Join(Kinds, ", ")))
	}
	if cr.Level != "" && !validLevel(cr.Level) {
		return cr, fail("level", fmt.Sprintf("rule %s: bad level %q: want error, warning or info", cr.ID, cr.Level))
	}
	return cr, nil
}

func (c *Config) override(i int, t map[string]any) (Override, error) {
	line := c.nthTableLine("override", i)
	c.scope = line // place errors inside this override's tables
	defer func() { c.scope = 0 }()
	var o Override
	for _, k := range sortedKeys(t) {
		v := t[k]
		switch k {
		case "paths":
			list, err := c.strings([]string{"override", "paths"}, v)
			if err != nil {
				return o, err
			}
			o.Paths = list
		case "rules":
			rt, ok := v.(map[string]any)
			if !ok {
				return o, &Error{Path: c.Path, Line: line, Col: 1, Msg: "override rules must be a table"}
			}
			rs, err := c.ruleTable([]string{"override", "rules"}, rt)
			if err != nil {
				return o, err
			}
			o.Rules = rs
		default:
			l, col := c.findKeyAfter(k, line)
			return o, &Error{Path: c.Path, Line: l, Col: col, Msg: fmt.Sprintf("unknown key %q in [[override]] (known: paths, rules)", k)}
		}
	}
	if len(o.Paths) == 0 {
		return o, &Error{Path: c.Path, Line: line, Col: 1, Msg: "[[override]] needs paths = [\"glob\", ...]"}
	}
	return o, nil
}

// Find returns the configuration file for a checked file: explicit (the
// --config flag), else $DAQIQ_CONFIG, else the nearest .daqiq.toml in the
// file's directory or above. "" means none: built-in defaults.
func Find(explicit, file string) string {
	if explicit != "" {
		return explicit
	}
	if env := os.Getenv(EnvVar); env != "" {
		return env
	}
	dir := file
	if fi, err := os.Stat(file); err != nil || !fi.IsDir() {
		dir = filepath.Dir(file)
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Resolve returns the rule settings for one file: the [rules] table with
// every matching override applied in order.
func (c *Config) Resolve(file string) map[string]RuleSettings {
	return c.ResolveMatching(c.Matching(file))
}

// Matching returns the indexes of the overrides whose paths match file, in
// order: files with the same indexes have the same settings.
func (c *Config) Matching(file string) []int {
	if len(c.Overrides) == 0 {
		return nil
	}
	rel := file
	if abs, err := filepath.Abs(file); err == nil {
		if r, err := filepath.Rel(c.Dir, abs); err == nil {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	var out []int
	for i, o := range c.Overrides {
		for _, g := range o.Paths {
			if MatchGlob(g, rel) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// ResolveMatching returns the rule settings of a file that the overrides
// with these indexes (from Matching) match.
func (c *Config) ResolveMatching(matching []int) map[string]RuleSettings {
	out := map[string]RuleSettings{}
	for id, rs := range c.Rules {
		out[id] = rs
	}
	for _, i := range matching {
		for id, rs := range c.Overrides[i].Rules {
			out[id] = merge(out[id], rs)
		}
	}
	return out
}

func merge(a, b RuleSettings) RuleSettings {
	if b.Enabled != nil {
		a.Enabled = b.Enabled
	}
	if b.Level != "" {
		a.Level = b.Level
	}
	if len(b.Options) > 0 {
		opts := map[string]string{}
		for k, v := range a.Options {
			opts[k] = v
		}
		for k, v := range b.Options {
			opts[k] = v
		}
		a.Options = opts
	}
	a.WordLists = append(append([]string{}, a.WordLists...), b.WordLists...)
	a.Ignore = append(append([]string{}, a.Ignore...), b.Ignore...)
	return a
}

// Excluded reports whether a path met in a directory walk is excluded.
// A glob without a slash matches a file or folder name at any depth, as
// in .gitignore; one with a slash matches the path relative to Dir.
func (c *Config) Excluded(path string, dir bool) bool {
	if len(c.Exclude) == 0 {
		return false
	}
	rel := path
	if abs, err := filepath.Abs(path); err == nil {
		if r, err := filepath.Rel(c.Dir, abs); err == nil {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	for _, g := range c.Exclude {
		if strings.HasSuffix(g, "/") {
			if !dir {
				continue
			}
			g = strings.TrimSuffix(g, "/")
		}
		if !strings.Contains(g, "/") {
			g = "**/" + g
		}
		if MatchGlob(strings.TrimPrefix(g, "/"), rel) {
			return true
		}
	}
	return false
}

// MatchGlob matches a slash-separated path against a glob in which * and ?
// stay inside one path segment and ** spans any number of segments. Its
// time is at most the product of the numbers of segments of the glob and
// of the path, whatever the number of **.
func MatchGlob(glob, path string) bool {
	var segs []string
	for _, g := range strings.Split(glob, "/") {
		if g == "**" && len(segs) > 0 && segs[len(segs)-1] == "**" {
			continue // a/**/**/b is a/**/b
		}
		segs = append(segs, g)
	}
	return matchSegs(segs, strings.Split(path, "/"))
}

// matchSegs reports whether the glob segments g match the path segments
// p, by dynamic programming from the ends: after the step for g[i],
// next[j] tells whether g[i:] matches p[j:]. Each (glob segment, path
// segment) pair is tried once at most, where the backtracking it replaces
// tried some pairs once per way of spreading the path over the ** before
// them (exponential in their number).
func matchSegs(g, p []string) bool {
	var buf [2 * 32]bool
	var next, cur []bool
	if m := len(p) + 1; m <= 32 {
		next, cur = buf[:m], buf[32:32+m]
	} else {
		next, cur = make([]bool, m), make([]bool, m)
	}
	next[len(p)] = true // the empty glob matches the empty path only
	for i := len(g) - 1; i >= 0; i-- {
		if g[i] == "**" {
			reach := false // ** matches p[j:k] for any k ≥ j
			for j := len(p); j >= 0; j-- {
				reach = reach || next[j]
				cur[j] = reach
			}
		} else {
			cur[len(p)] = false
			for j := len(p) - 1; j >= 0; j-- {
				ok := next[j+1]
				if ok {
					m, err := filepath.Match(g[i], p[j])
					ok = err == nil && m
				}
				cur[j] = ok
			}
		}
		next, cur = cur, next
	}
	return next[0]
}

// RuleErr is an error about a rule id or option under [rules], placed at
// the key in the file.
func (c *Config) RuleErr(id, key, msg string) error {
	path := []string{"rules", id}
	if key != "" {
		path = append(path, key)
	}
	return c.errAt(path, msg)
}

// OverrideErr is RuleErr for the rules of the i-th [[override]].
func (c *Config) OverrideErr(i int, id, key, msg string) error {
	c.scope = c.nthTableLine("override", i)
	defer func() { c.scope = 0 }()
	path := []string{"override", "rules", id}
	if key != "" {
		path = append(path, key)
	}
	return c.errAt(path, msg)
}

// decodeCustom reads a [[rule]] table, checking the type of every value. On
// error it returns the key at fault.
func decodeCustom(t map[string]any) (CustomRule, string, error) {
	var cr CustomRule
	str := func(k string, dst *string) error {
		v, ok := t[k]
		if !ok {
			return nil
		}
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("want a string, found %v", v)
		}
		*dst = s
		return nil
	}
	boolean := func(k string, dst *bool) error {
		v, ok := t[k]
		if !ok {
			return nil
		}
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("want true or false, found %v", v)
		}
		*dst = b
		return nil
	}
	list := func(v any) ([]string, error) {
		arr, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("want a list of strings, found %v", v)
		}
		out := make([]string, 0, len(arr))
		for _, x := range arr {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("want a list of strings, found %v", x)
			}
			out = append(out, s)
		}
		return out, nil
	}
	for _, f := range []struct {
		key string
		dst *string
	}{
		{"id", &cr.ID}, {"kind", &cr.Kind}, {"level", &cr.Level}, {"message", &cr.Message},
		{"description", &cr.Description}, {"link", &cr.Link}, {"class", &cr.Class},
		{"pattern", &cr.Pattern}, {"replacement", &cr.Replacement}, {"scope", &cr.Scope},
	} {
		if err := str(f.key, f.dst); err != nil {
			return cr, f.key, err
		}
	}
	if _, ok := t["enabled"]; ok {
		var b bool
		if err := boolean("enabled", &b); err != nil {
			return cr, "enabled", err
		}
		cr.Enabled = &b
	}
	if err := boolean("unsafe", &cr.Unsafe); err != nil {
		return cr, "unsafe", err
	}
	var err error
	if v, ok := t["words"]; ok {
		if cr.Words, err = list(v); err != nil {
			return cr, "words", err
		}
	}
	if v, ok := t["wordlists"]; ok {
		if cr.WordLists, err = list(v); err != nil {
			return cr, "wordlists", err
		}
	}
	if v, ok := t["swap"]; ok {
		m, ok := v.(map[string]any)
		if !ok {
			return cr, "swap", fmt.Errorf("want a table of \"wrong\" = \"right\", found %v", v)
		}
		cr.Swap = map[string]string{}
		for k, x := range m {
			s, ok := x.(string)
			if !ok {
				return cr, "swap", fmt.Errorf("the replacement of %q must be a string, found %v", k, x)
			}
			cr.Swap[k] = s
		}
	}
	if v, ok := t["sets"]; ok {
		arr, ok := v.([]any)
		if !ok {
			return cr, "sets", fmt.Errorf("want a list of lists of variants, found %v", v)
		}
		for _, x := range arr {
			l, err := list(x)
			if err != nil {
				return cr, "sets", err
			}
			cr.Sets = append(cr.Sets, l)
		}
	}
	return cr, "", nil
}
