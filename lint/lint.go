// Package lint is the rule API of daqiq, modelled on golang.org/x/tools/go/analysis.
//
// A Rule is a value: its metadata and documentation sit beside its Run
// function. Run reads a Pass (the document and its tokens) and reports
// Diagnostics: byte spans of the lintable text with a message and optional
// SuggestedFixes made of TextEdits. A diagnostic carries no severity: the
// configuration decides how loud a rule is, falling back to its Level.
//
// The pipeline, one package per stage:
//
//	lint/source   bytes → Document (UTF-8 checked, offset map, lines and columns)
//	lint/arabic   Document text → tokens with normalised keys, proclitics, lexicons
//	lint          the Rule API: Pass, Diagnostic, Fix, Edit
//	rules/...     the rules: generic kinds driven by TOML data, and code rules
//	lint/runner   rules → sorted diagnostics in source offsets → fixes applied
//	lint/output   diagnostics → text, JSON, unified diff
package lint

import (
	"fmt"
	"strings"

	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/source"
)

// Level is how loud a diagnostic is.
type Level uint8

const (
	Info Level = iota + 1
	Warning
	Error
)

func (s Level) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseLevel reads "error", "warning" or "info".
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown level %q (want error, warning or info)", s)
}

// Kind is how a rule is made: one of the generic kinds that data drives
// (rules/kinds), or code of its own.
type Kind uint8

const (
	Code         Kind = iota // a rule with code of its own
	Substitution             // a word list of wrong → right forms
	Existence                // a word list of forms to flag
	Consistency              // sets of variants, one per article
	Repetition               // a word or line repeated
	Pattern                  // a regular expression
)

var kindNames = [...]string{"code", "substitution", "existence", "consistency", "repetition", "pattern"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// ParseKind reads a kind's name, as [[rule]] tables in .daqiq.toml give it.
func ParseKind(s string) (Kind, error) {
	for k, n := range kindNames {
		if n == s {
			return Kind(k), nil
		}
	}
	return 0, fmt.Errorf("unknown kind %q (want %s)", s, strings.Join(kindNames[1:], ", "))
}

// Applicability says whether a fix may be applied without a human looking.
type Applicability uint8

const (
	// Safe fixes are applied by --fix and shown by --diff.
	Safe Applicability = iota
	// Unsafe fixes are right in most texts but can change meaning; they are
	// applied only with --unsafe-fixes.
	Unsafe
	// DisplayOnly fixes are suggestions for a human, never applied.
	DisplayOnly
)

func (a Applicability) String() string {
	return [...]string{"safe", "unsafe", "display-only"}[a]
}

// TextEdit replaces the bytes [Start, End) of the lintable text with New.
type TextEdit struct {
	Start, End int
	New        string
}

// SuggestedFix is one way to fix a diagnostic.
type SuggestedFix struct {
	Message       string // optional: what the fix does
	Applicability Applicability
	Edits         []TextEdit
}

// Diagnostic is one finding. Start and End are byte offsets into the text the
// rule read (Pass.Text); the runner maps them to the source file.
type Diagnostic struct {
	Start, End int
	Rule       string // set by the runner
	// Level is set by the runner from the configuration. A rule may set
	// it to ask for a lower level for one finding (a two-day calendar
	// offset is a warning where three days are an error): the runner keeps
	// the lower of the two.
	Level   Level
	Message string
	Fixes   []SuggestedFix // best first; optional
}

// Doc is a rule's documentation, shown by `daqiq explain`. Headings follow
// ruff: what it does, why it matters, an example and what to use instead.
type Doc struct {
	What  string // what the rule flags
	Why   string // why an editor cares
	Wrong string // an example the rule flags
	Right string // the same text, corrected
	Fix   string // optional: how the fix works and when it is unsafe
	// Source, for a rule that compares an article with its wire copy
	// (Facts.Source): the wire Wrong and Right were rewritten from.
	Source string
}

// Option is a setting a rule accepts under [rules."ID"] in .daqiq.toml.
type Option struct {
	Default string
	Allowed []string // empty: any string
	Help    string
	// Off, when set, is the value that turns the whole rule off (a
	// house-style option whose choices include "off"): the rule is then
	// not run, and `daqiq rules` shows it off.
	Off string
}

// Rule is a named check.
type Rule struct {
	ID       string // family/name, e.g. "spelling/misspelling"; never renamed
	Kind     Kind
	Category string // the family: spelling, orthography, consistency, repetition, ...
	Level    Level
	Summary  string // one line
	// Summaries, when set, holds the summary in other languages, for a
	// rule the catalogue does not know (a custom rule of .daqiq.toml).
	Summaries map[i18n.Lang]string
	Doc       Doc
	Link      string // optional URL
	// Disabled rules are off unless the configuration turns them on.
	Disabled bool
	// Unavailable, when set, says why the rule cannot run on this system
	// and how to make it run (a dictionary to install): the rule is off
	// whatever the configuration says, and `daqiq rules` and `daqiq
	// explain` show the reason.
	Unavailable string
	Options     map[string]Option
	// Size is an optional count of data entries, shown by `daqiq rules`.
	Size int
	// Run reports the rule's findings on one document.
	Run func(*Pass)
	// Extend, when set, returns a copy of the rule with the entries of a
	// word list added (the wordlists setting of .daqiq.toml).
	Extend func(name string, data []byte) (*Rule, error)
}

// Active is a rule as the configuration sets it for one file: its level,
// its options and the words it must not flag.
type Active struct {
	*Rule
	Level   Level
	Options map[string]string
	Ignore  map[string]bool // word keys the rule must not flag
}

// Pass is one rule run over one document.
type Pass struct {
	Rule   *Rule
	Doc    *source.Document
	Text   string         // Doc.Text
	Tokens []arabic.Token // Text tokenized
	Splits *arabic.Splits // the proclitic readings of each word, for lexicon lookups
	// Options holds the rule's options, defaults filled in.
	Options map[string]string
	// Facts is shared by every pass over the document: the dateline the
	// caller gave, or the one a date rule found. Never nil in a pass the
	// runner made.
	Facts  *Facts
	report func(Diagnostic)
	memo   map[string]any
}

// NewPass prepares a pass; report receives the diagnostics.
// memo, shared by every pass over the same document, holds what Memo
// computed.
func NewPass(r *Rule, doc *source.Document, toks []arabic.Token, sp *arabic.Splits, opts map[string]string, facts *Facts, memo map[string]any, report func(Diagnostic)) *Pass {
	if facts == nil {
		facts = &Facts{}
	}
	return &Pass{Rule: r, Doc: doc, Text: doc.Text, Tokens: toks, Splits: sp, Options: opts, Facts: facts, memo: memo, report: report}
}

// Init sets p up as NewPass would, in memory the caller reuses from one
// document to the next.
func (p *Pass) Init(r *Rule, doc *source.Document, toks []arabic.Token, sp *arabic.Splits, opts map[string]string, facts *Facts, memo map[string]any, report func(Diagnostic)) {
	*p = Pass{Rule: r, Doc: doc, Text: doc.Text, Tokens: toks, Splits: sp, Options: opts, Facts: facts, memo: memo, report: report}
}

// Memo returns what compute returns, computing it once per document for
// all the rules that ask with the same key (several date rules share one
// parse of the document's dates).
func (p *Pass) Memo(key string, compute func() any) any {
	if p.memo == nil {
		return compute()
	}
	if v, ok := p.memo[key]; ok {
		return v
	}
	v := compute()
	p.memo[key] = v
	return v
}

// Report records a diagnostic.
func (p *Pass) Report(d Diagnostic) {
	d.Rule = p.Rule.ID
	p.report(d)
}

// Reportf records a diagnostic with no fix.
func (p *Pass) Reportf(start, end int, format string, args ...any) {
	p.Report(Diagnostic{Start: start, End: end, Message: fmt.Sprintf(format, args...)})
}

// T is the message key of the pass's rule in the document's language
// (Facts.Lang), with args in its {1}, {2}…: the catalogue of the rule's
// family holds it (package i18n).
func (p *Pass) T(key string, args ...any) string {
	return i18n.T(p.Lang(), p.Rule.ID, key, args...)
}

// Lang is the language of the pass's messages.
func (p *Pass) Lang() i18n.Lang {
	if p.Facts == nil {
		return i18n.Ar
	}
	return p.Facts.Lang
}

// Q quotes a word or phrase as the pass's language does: «…» in Arabic,
// “…” in English.
func (p *Pass) Q(s string) string { return Quote(p.Lang(), s) }

// Quote quotes s for lang: «…» in Arabic, “…” in English.
func Quote(lang i18n.Lang, s string) string {
	if lang == i18n.En {
		return "\u201c" + s + "\u201d"
	}
	return "«" + s + "»"
}

// Localized returns the rule's one-line summary and documentation in
// lang: the Arabic ones from the catalogue of its family, the English
// ones from the rule itself (the examples are the same in both).
func (r *Rule) Localized(lang i18n.Lang) (string, Doc) {
	sum, doc := r.Summary, r.Doc
	if lang == i18n.En {
		return sum, doc
	}
	if s, ok := i18n.Lookup(lang, r.ID, "summary"); ok {
		sum = s
	} else if s := r.Summaries[lang]; s != "" {
		sum = s
	}
	for _, f := range []struct {
		key string
		to  *string
	}{{"what", &doc.What}, {"why", &doc.Why}, {"fix", &doc.Fix}} {
		if s, ok := i18n.Lookup(lang, r.ID, f.key); ok {
			*f.to = s
		}
	}
	return sum, doc
}

// LocalizedUnavailable is why the rule cannot run (Unavailable) in lang:
// the catalogue's "unavailable" of the rule in Arabic when it has one,
// followed by the rule's own text, which names files and paths.
func (r *Rule) LocalizedUnavailable(lang i18n.Lang) string {
	if r.Unavailable == "" || lang == i18n.En {
		return r.Unavailable
	}
	if s, ok := i18n.Lookup(lang, r.ID, "unavailable"); ok {
		return s + " (" + r.Unavailable + ")"
	}
	return r.Unavailable
}

// Replace returns a fix that replaces [start, end) with s.
func Replace(start, end int, s string, a Applicability) SuggestedFix {
	return SuggestedFix{Applicability: a, Edits: []TextEdit{{Start: start, End: end, New: s}}}
}

// Option returns the value of a rule option.
func (p *Pass) Option(name string) string {
	if v, ok := p.Options[name]; ok {
		return v
	}
	if o, ok := p.Rule.Options[name]; ok {
		return o.Default
	}
	return ""
}
