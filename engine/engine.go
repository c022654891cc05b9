// Package engine is the one call that checks an article. Every front end
// (the command line, batch, the HTTP server and its LanguageTool
// compatible API) goes through Engine.Check, and so can a program of its
// own: a newsroom CMS written in Go builds an Engine once from its
// configuration and checks each article before it is published.
//
// Check runs the whole pipeline for one article:
//
//	source bytes → markup.Parse (front matter, Markdown or HTML stripped,
//	an offset map back to the source) → runner (tokens, the rules
//	configured for the article's path) → diagnostics on source offsets,
//	filtered by the format's suppression comments → fixes applied and
//	the rules run again, when asked
//
// An Engine is safe for concurrent use by many goroutines.
package engine

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/markup"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
)

// Engine checks articles with the rules of one configuration.
type Engine struct {
	cfg  *config.Config
	set  *rules.Set
	fail lint.Level
}

// New builds the rules of a configuration (nil: the defaults) and checks
// every rule id, level, option and word list it names.
func New(cfg *config.Config) (*Engine, error) {
	set, err := rules.Load(cfg)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		cfg = &config.Config{Path: "(defaults)", Rules: map[string]config.RuleSettings{}}
	}
	fail := lint.Warning
	if l := set.FailLevel(); l != 0 {
		fail = l
	}
	return &Engine{cfg: cfg, set: set, fail: fail}, nil
}

// Default returns an engine of the built-in rules and no configuration,
// built on the first call and shared. It panics when the built-in rules do
// not build, which only a broken build can cause.
func Default() *Engine { return defaultEngine() }

var defaultEngine = sync.OnceValue(func() *Engine {
	e, err := New(nil)
	if err != nil {
		panic(err)
	}
	return e
})

// Config is the configuration the engine was built from.
func (e *Engine) Config() *config.Config { return e.cfg }

// Rules is the engine's rule set: every rule, on or off, with the
// configuration's settings.
func (e *Engine) Rules() *rules.Set { return e.set }

// FailLevel is the lowest level that fails a check: the configuration's
// fail-level, else warning.
func (e *Engine) FailLevel() lint.Level { return e.fail }

// Fix says which fixes Check applies.
type Fix uint8

const (
	NoFix       Fix = iota // report only
	SafeFixes              // apply the safe fixes, then report what remains
	UnsafeFixes            // apply the unsafe fixes too
)

// Input is one article to check.
type Input struct {
	// Path names the article in diagnostics, picks the per-path settings
	// of the configuration and, unless Format is set, the format by its
	// extension (.md Markdown, .html HTML, anything else plain text). It
	// need not exist: nothing is read from it.
	Path string
	// SettingsPath, when set, is the path the configuration's per-path
	// settings are resolved for instead of Path (batch resolves them for
	// its input file, whatever each line's id).
	SettingsPath string
	// Format overrides the choice by extension (markup.Auto: by Path).
	Format markup.Format
	// Src is the article's bytes, UTF-8.
	Src []byte
	// Dateline is the publication date the date rules check against (any
	// time of that day; the zero time: none given). Without one, the
	// front matter's date is used, else the first full date in the
	// opening lines.
	Dateline time.Time
	// Fix asks for fixes to be applied (to a copy: Src is not changed).
	Fix Fix
	// ReportUnused adds a finding for each suppression comment that
	// silences nothing.
	ReportUnused bool
	// Source is the text the article was written from (the wire copy),
	// or nil: the source rules compare the article with it. It is read
	// as SourceName's extension says (or SourceFormat), never linted and
	// never fixed.
	Source       []byte
	SourceName   string
	SourceFormat markup.Format
	// Wire, when set, is the source already read (ReadSource), used
	// instead of Source: a run that checks many articles against one
	// wire reads it once.
	Wire *lint.Source
	// Lang is the language of the messages (the zero value: Arabic).
	Lang i18n.Lang
	// Select, when set, changes which rules run (nil: the rules the
	// configuration turns on for Path).
	Select *Selection
}

// Selection changes the rules of one check, as LanguageTool's API does:
// rules or whole categories (families) turned on or off by name. A rule
// turned on keeps the level and options the configuration gives it.
type Selection struct {
	// Only: run only the rules Enable names, not the configured ones.
	Only                      bool
	EnableRules, DisableRules []string // rule ids, compared ignoring case
	// EnableCategories and DisableCategories name families (spelling,
	// dates, ...), compared ignoring case.
	EnableCategories, DisableCategories []string
}

// Result is what checking one article found.
type Result struct {
	// Doc is the article as checked: after fixes, the fixed text.
	Doc *source.Document
	// Diagnostics are the findings on Doc.Src offsets, sorted by
	// position, each with the level the configuration gives its rule.
	// With Input.Fix, they also list, as info findings without a fix
	// ("also fixed: …"), the fixes applied that checking Src would not
	// have reported: fixes another fix made necessary (runner.FixParsed).
	Diagnostics []lint.Diagnostic
	// Format is the format the article was read as.
	Format markup.Format
	// Dateline is the publication date the date rules used and where it
	// came from (Given, FrontMatter, InText or NoDateline). InText
	// offsets are into Doc.Text.
	Dateline lint.Dateline
	// Undated counts the relative dates left unchecked because the
	// article has no dateline (lint.Facts.Undated).
	Undated int
	// Fixed is the article after its fixes (Src itself when none was
	// applied), and Applied counts them; both only with Input.Fix.
	Fixed   []byte
	Applied int
}

// File is the result as the output formats and the baseline read it.
func (r Result) File() lint.File { return lint.File{Doc: r.Doc, Diagnostics: r.Diagnostics} }

// Count returns how many findings are at or above a level.
func (r Result) Count(level lint.Level) int { return runner.AtLeast(r.Diagnostics, level) }

// Fails reports whether the result has a finding at or above the engine's
// fail level.
func (e *Engine) Fails(r Result) bool { return r.Count(e.fail) > 0 }

// Check checks one article. A plain-text input larger than
// runner.SectionThreshold is an archive rather than an article: the runner
// checks (and fixes) it section by section, with the dateline, the cap per
// rule and the offsets kept file-wide (see runner.Sections).
// An error is returned only for input that
// cannot be checked (invalid UTF-8, markup nested past markup's limits, a
// selection naming an unknown rule) or a cancelled context; findings are
// never errors.
func (e *Engine) Check(ctx context.Context, in Input) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	active, err := e.active(in)
	if err != nil {
		return Result{}, err
	}
	src := in.Wire
	if src == nil && in.Source != nil {
		if src, err = ReadSource(in); err != nil {
			return Result{}, err
		}
	}
	var last *markup.Extras
	parse := func(b []byte) (runner.Parsed, error) {
		doc, x, err := markup.Parse(in.Path, b, markup.Options{Format: in.Format})
		if err != nil {
			return runner.Parsed{}, err
		}
		last = x
		p := runner.Parsed{Doc: doc, Filter: x.Filter, Facts: &lint.Facts{Dateline: dateline(in.Dateline, x), Lang: in.Lang, Source: src}}
		if len(x.Directives) > 0 {
			// silenced findings do not count towards a rule's cap
			p.Suppressed = x.Suppressed
		}
		return p, nil
	}
	p, err := parse(in.Src)
	if err != nil {
		return Result{}, err
	}
	r := Result{}
	var extra []lint.Diagnostic // findings the runner did not give
	if in.Fix == NoFix {
		r.Diagnostics = runner.Check(p, active)
	} else {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		var also []lint.Diagnostic
		r.Fixed, p, r.Diagnostics, r.Applied, also, err = runner.FixParsed(p, active, in.Fix == UnsafeFixes, parse)
		if err != nil {
			return Result{}, err
		}
		// the fixes check did not report, listed as info findings
		extra = also
		if r.Applied == 0 {
			r.Fixed = in.Src
		}
	}
	r.Doc, r.Format, r.Dateline, r.Undated = p.Doc, last.Format, p.Facts.Dateline, p.Facts.Undated
	if in.ReportUnused {
		extra = append(extra, unused(last, in.Lang)...)
	}
	extra = append(extra, e.unknownInDirectives(last, in.Lang)...)
	if len(extra) > 0 {
		// the runner's findings are sorted: the extra ones go in, once
		r.Diagnostics = append(r.Diagnostics, extra...)
		sort.SliceStable(r.Diagnostics, func(i, j int) bool { return r.Diagnostics[i].Start < r.Diagnostics[j].Start })
	}
	return r, nil
}

// ReadSource reads the wire copy of an input (Source, SourceName,
// SourceFormat) as an article is read: its markup stripped, its tokens,
// and its own dateline (front matter, else the one printed at its top).
func ReadSource(in Input) (*lint.Source, error) {
	name := in.SourceName
	if name == "" {
		name = "source.txt"
	}
	doc, x, err := markup.Parse(name, in.Source, markup.Options{Format: in.SourceFormat})
	if err != nil {
		return nil, fmt.Errorf("source %w", err)
	}
	return lint.NewSource(name, doc, dateline(time.Time{}, x)), nil
}

// dateline is the given date, else the front matter's.
func dateline(given time.Time, x *markup.Extras) lint.Dateline {
	if !given.IsZero() {
		y, m, d := given.Date()
		return lint.Dateline{Date: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), From: lint.Given}
	}
	if x.Date != "" {
		if t, err := lint.ParseDate(x.Date); err == nil {
			return lint.Dateline{Date: t, From: lint.FrontMatter}
		}
	}
	return lint.Dateline{}
}

// active returns the rules of one check.
func (e *Engine) active(in Input) ([]lint.Active, error) {
	at := in.Path
	if in.SettingsPath != "" {
		at = in.SettingsPath
	}
	configured := e.set.For(at)
	sel := in.Select
	if sel == nil || !sel.Only && len(sel.EnableRules)+len(sel.DisableRules)+len(sel.EnableCategories)+len(sel.DisableCategories) == 0 {
		return configured, nil
	}
	if sel.Only && len(sel.EnableRules) == 0 && len(sel.EnableCategories) == 0 {
		return nil, fmt.Errorf("enabledOnly=true needs enabledRules or enabledCategories")
	}
	has := func(list []string, v string) bool {
		for _, x := range list {
			if strings.EqualFold(x, v) {
				return true
			}
		}
		return false
	}
	on := map[string]bool{}
	if !sel.Only {
		for _, a := range configured {
			on[a.ID] = true
		}
	}
	var out []lint.Active
	for _, a := range e.set.All(at) {
		use := on[a.ID] || has(sel.EnableRules, a.ID) || has(sel.EnableCategories, a.Category)
		if has(sel.DisableRules, a.ID) || has(sel.DisableCategories, a.Category) {
			use = false
		}
		if use {
			out = append(out, a)
		}
	}
	return out, nil
}

// unused is a finding for each suppression comment that silenced
// nothing.
func unused(x *markup.Extras, lang i18n.Lang) []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, d := range x.Unused() {
		out = append(out, lint.Diagnostic{
			Start: d.Start, End: d.End, Rule: "suppression/unused", Level: lint.Warning,
			Message: i18n.Text(lang, "unused-directive", d.Kind),
			Fixes:   []lint.SuggestedFix{lint.Replace(d.Start, d.End, "", lint.Unsafe)},
		})
	}
	return out
}

// unknownInDirectives is a finding for each name in a suppression comment
// that is neither a rule id nor a family of this configuration (a typo
// that would silence nothing), as the configuration refuses an unknown
// rule id.
func (e *Engine) unknownInDirectives(x *markup.Extras, lang i18n.Lang) []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, d := range x.Directives {
		for i, name := range d.Rules {
			if e.set.Known(name) {
				continue
			}
			start := d.RuleStarts[i]
			out = append(out, lint.Diagnostic{
				Start: start, End: start + len(name), Rule: "suppression/unknown-rule", Level: lint.Warning,
				Message: i18n.Text(lang, "unknown-in-directive", name, d.Kind),
			})
		}
	}
	return out
}
