package rules_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/rules"
)

// docKeys are the Arabic documents of a rule; the English ones are in
// its Go file. So are the Arabic help texts of its options, "option." and
// the option's name.
var docKeys = map[string]bool{"summary": true, "what": true, "why": true, "fix": true}

// TestCatalogues holds the two languages to the same messages: every
// built-in rule has its Arabic summary and documents, every message of
// one language is in the other with the same arguments, and a table of
// a catalogue is a rule, the kinds or the program's text.
func TestCatalogues(t *testing.T) {
	builtin, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ar, en := i18n.Tables(i18n.Ar), i18n.Tables(i18n.En)
	known := map[string]bool{"kinds": true, "text": true}
	for _, r := range builtin {
		known[r.ID] = true
		for _, k := range []string{"summary", "what", "why"} {
			if strings.TrimSpace(ar[r.ID][k]) == "" {
				t.Errorf("%s: no Arabic %s (rules/%s/messages_ar.toml)", r.ID, k, r.Category)
			}
		}
		if (r.Doc.Fix != "") != (ar[r.ID]["fix"] != "") {
			t.Errorf("%s: the English and Arabic documents disagree on a fix section", r.ID)
		}
	}
	for _, c := range []struct {
		name     string
		from, to map[string]map[string]string
	}{{"English", en, ar}, {"Arabic", ar, en}} {
		for table, keys := range c.from {
			if !known[table] {
				t.Errorf("the %s catalogue has a table %q that is no built-in rule", c.name, table)
			}
			for k, tmpl := range keys {
				if (docKeys[k] || strings.HasPrefix(k, "option.")) && table != "text" && table != "kinds" {
					if c.name == "English" {
						t.Errorf("%s: the English %s is the rule's own (its Go file), not the catalogue's", table, k)
					}
					continue
				}
				other, ok := c.to[table][k]
				if !ok {
					if !strings.Contains(k, ".") { // plural forms differ by language
						t.Errorf("%s.%s: in the %s catalogue only", table, k, c.name)
					}
					continue
				}
				if a, b := i18n.Args(tmpl), i18n.Args(other); !slices.Equal(a, b) && !strings.Contains(k, ".") {
					t.Errorf("%s.%s: arguments %v in the %s catalogue, %v in the other", table, k, a, c.name, b)
				}
			}
		}
	}
}

// quoted are the examples an Arabic document quotes or lists in
// brackets, the wrong forms among them: they are not its prose.
var quoted = regexp.MustCompile(`«[^»]*»|\([^)]*\)|“[^”]*”|"[^"]*"`)

var beforeMark = regexp.MustCompile(` +([،؛:.؟!])`)

// TestArabicDocsClean runs the default rules over each rule's Arabic
// documents (their prose, without the quoted examples) and over its right
// example: the style guide is held to its own rules.
func TestArabicDocsClean(t *testing.T) {
	builtin, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range builtin {
		sum, doc := r.Localized(i18n.Ar)
		texts := map[string]string{"right example": doc.Right}
		for k, v := range map[string]string{"summary": sum, "what": doc.What, "why": doc.Why, "fix": doc.Fix} {
			// the examples out, and the spaces they leave behind
			v = strings.Join(strings.Fields(quoted.ReplaceAllString(v, "")), " ")
			texts[k] = beforeMark.ReplaceAllString(v, "$1")
		}
		for what, text := range texts {
			res, err := eng.Check(context.Background(), engine.Input{Path: "doc.txt", Src: []byte(text)})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range res.Diagnostics {
				t.Errorf("%s, Arabic %s: %s %q: %s", r.ID, what, d.Rule, text[d.Start:d.End], d.Message)
			}
		}
	}
}

// TestOptionHelpArabic: every option of a built-in rule has its Arabic
// help in the catalogue ("option.NAME"), and no catalogue helps an option
// the rule does not have.
func TestOptionHelpArabic(t *testing.T) {
	builtin, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ar := i18n.Tables(i18n.Ar)
	for _, r := range builtin {
		for name := range r.Options {
			if strings.TrimSpace(ar[r.ID]["option."+name]) == "" {
				t.Errorf("%s: option %s has no Arabic help (option.%s in rules/%s/messages_ar.toml)", r.ID, name, name, r.Category)
			}
		}
		for k := range ar[r.ID] {
			if name, ok := strings.CutPrefix(k, "option."); ok {
				if _, has := r.Options[name]; !has {
					t.Errorf("%s: Arabic help for an option it does not have: %s", r.ID, name)
				}
			}
		}
	}
}

// TestCustomSummaryArabic: a custom rule without a description shows its
// summary in the language asked for, its placeholders described in it.
func TestCustomSummaryArabic(t *testing.T) {
	for _, c := range []struct {
		cr     config.CustomRule
		ar, en string
	}{
		{config.CustomRule{ID: "house/a", Kind: "substitution"}, "قاعدة مخصصة من نوع substitution", "custom substitution rule"},
		{config.CustomRule{ID: "house/b", Kind: "substitution", Message: "{word} → {fix}"}, "<النص المنبَّه إليه> → <الاقتراح>", "<the flagged text> → <the suggestion>"},
	} {
		c.cr.Swap = map[string]string{"بوتن": "بوتين"}
		set, err := rules.Load(&config.Config{Custom: []config.CustomRule{c.cr}})
		if err != nil {
			t.Fatal(err)
		}
		var r *lint.Rule
		for _, x := range set.Rules() {
			if x.ID == c.cr.ID {
				r = x
			}
		}
		if r == nil {
			t.Fatalf("%s not loaded", c.cr.ID)
		}
		ar, _ := r.Localized(i18n.Ar)
		en, _ := r.Localized(i18n.En)
		if !strings.HasPrefix(ar, c.ar) || !strings.HasPrefix(en, c.en) {
			t.Errorf("%s: %q / %q, want %q… / %q…", c.cr.ID, ar, en, c.ar, c.en)
		}
	}
}
