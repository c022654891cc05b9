// Package linttest runs rules over fixtures that carry their own
// expectations, in the spirit of go/analysis's analysistest.
//
// A fixture is a text file:
//
//	# a comment line
//	#! style=consistent        (options for the rule, for this document)
//	قال المسؤول إن ⟦المسؤلية|المسؤولية⟧ مشتركة.
//	---
//	a new document
//
//	#! source=pair.wire.txt    (the wire copy, for the source rules: a
//	                           file beside the fixture)
//
// Each ⟦flagged|suggestion⟧ marks a diagnostic the rule must report, with
// its first suggestion (⟦flagged⟧ alone leaves the suggestion unchecked,
// ⟦flagged|⟧ expects a deletion). Every unmarked byte must stay silent.
package linttest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
)

// Want is one expected diagnostic.
type Want struct {
	Start, End    int
	Suggestion    string
	HasSuggestion bool
}

// Case is one document of a fixture.
type Case struct {
	Line    int // fixture line where the document starts
	Text    string
	Options map[string]string
	Wants   []Want
	// Silent counts the lines with Arabic text and no marker.
	Silent int
}

// Parse reads a fixture.
func Parse(data string) ([]Case, error) {
	var cases []Case
	cur := Case{Line: 1, Options: map[string]string{}}
	var text strings.Builder
	flush := func() {
		cur.Text = text.String()
		if strings.TrimSpace(cur.Text) != "" {
			cases = append(cases, cur)
		}
		text.Reset()
	}
	lines := strings.SplitAfter(data, "\n")
	for n, line := range lines {
		trim := strings.TrimRight(line, "\r\n")
		switch {
		case trim == "---":
			flush()
			cur = Case{Line: n + 2, Options: map[string]string{}}
			continue
		case strings.HasPrefix(trim, "#!"):
			for _, kv := range strings.Fields(trim[2:]) {
				k, v, _ := strings.Cut(kv, "=")
				cur.Options[k] = v
			}
			continue
		case strings.HasPrefix(trim, "#"):
			continue
		}
		marked := false
		for {
			i := strings.Index(line, "⟦")
			if i < 0 {
				break
			}
			j := strings.Index(line[i:], "⟧")
			if j < 0 {
				return nil, fmt.Errorf("line %d: ⟦ without ⟧", n+1)
			}
			j += i
			inner := line[i+len("⟦") : j]
			flagged, sug, has := strings.Cut(inner, "|")
			text.WriteString(line[:i])
			start := text.Len()
			text.WriteString(flagged)
			cur.Wants = append(cur.Wants, Want{Start: start, End: text.Len(), Suggestion: sug, HasSuggestion: has})
			line = line[j+len("⟧"):]
			marked = true
		}
		text.WriteString(line)
		if !marked && hasArabic(trim) {
			cur.Silent++
		}
	}
	flush()
	return cases, nil
}

func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return true
		}
	}
	return false
}

// Run checks rule against every case of the fixture file and returns the
// number of expected diagnostics and of silent lines it held.
func Run(t *testing.T, rule *lint.Rule, path string) (wants, silent int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v", rule.ID, err)
	}
	cases, err := Parse(string(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	name := filepath.ToSlash(path)
	for _, c := range cases {
		wants += len(c.Wants)
		silent += c.Silent
		doc, err := source.New(name, []byte(c.Text))
		if err != nil {
			t.Fatalf("%s:%d: %v", name, c.Line, err)
		}
		var wire *lint.Source
		if f, ok := c.Options["source"]; ok {
			delete(c.Options, "source")
			data, err := os.ReadFile(filepath.Join(filepath.Dir(path), f))
			if err != nil {
				t.Fatalf("%s:%d: %v", name, c.Line, err)
			}
			if wire, err = NewSource(f, data); err != nil {
				t.Fatalf("%s:%d: %v", name, c.Line, err)
			}
		}
		// in each language: the same findings, each message in the catalogue
		for _, lang := range i18n.Langs {
			ds := runner.RunFacts(doc, []lint.Active{{Rule: rule, Level: rule.Level, Options: c.Options}}, &lint.Facts{Lang: lang, Source: wire})
			Check(t, fmt.Sprintf("%s (document at line %d, %s)", name, c.Line, lang), doc, ds, c.Wants)
		}
	}
	for _, g := range i18n.Gaps() {
		if g.Table == rule.ID {
			t.Errorf("%s: the %s catalogue has no message %q (rules/%s/messages_%s.toml)", rule.ID, g.Lang, g.Key, rule.Category, g.Lang)
		}
	}
	return wants, silent
}

// NewSource reads a plain-text wire copy as the engine reads one: its
// tokens and the dateline printed at its top.
func NewSource(name string, data []byte) (*lint.Source, error) {
	doc, err := source.New(name, data)
	if err != nil {
		return nil, err
	}
	return lint.NewSource(name, doc, lint.Dateline{}), nil
}

// Check compares diagnostics with expectations.
func Check(t *testing.T, where string, doc *source.Document, ds []lint.Diagnostic, wants []Want) {
	t.Helper()
	matched := make([]bool, len(ds))
	for _, w := range wants {
		found := false
		for i, d := range ds {
			if matched[i] || d.Start != w.Start || d.End != w.End {
				continue
			}
			matched[i], found = true, true
			if w.HasSuggestion {
				sug := lint.Suggestions(doc.Src, d)
				if len(sug) == 0 || sug[0] != w.Suggestion {
					t.Errorf("%s:%d: %q: suggestion %q, want %q", where, doc.Pos(w.Start).Line, doc.Src[w.Start:w.End], sug, w.Suggestion)
				}
			}
			break
		}
		if !found {
			t.Errorf("%s:%d: missing diagnostic on %q", where, doc.Pos(w.Start).Line, doc.Src[w.Start:w.End])
		}
	}
	for i, d := range ds {
		if !matched[i] {
			t.Errorf("%s:%d: unexpected diagnostic on %q: %s", where, doc.Pos(d.Start).Line, doc.Src[d.Start:d.End], d.Message)
		}
	}
}
