package kinds

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// Pattern describes a rule driven by an RE2 regular expression. Matches
// must start and end on word boundaries that know Arabic letters, harakat
// and tatweel (RE2's \b knows only ASCII). In the expression, {clitic}
// stands for an optional proclitic (و ف ب ك ل ال لل and combinations).
// Replacement, when set, is a template for regexp.Expand ($1, ${name}).
type Pattern struct {
	Rule        lint.Rule
	Expr        string
	Replacement string
	Message     string // template: {word} is the match, {fix} the replacement
	Unsafe      bool
}

// CliticGroup is what {clitic} expands to.
var CliticGroup = "(?:" + strings.Join(arabic.Prefixes(arabic.ClassAll), "|") + ")?"

// NewPattern compiles the expression and builds the rule.
func NewPattern(pt Pattern) (*lint.Rule, error) {
	expr := strings.ReplaceAll(pt.Expr, "{clitic}", CliticGroup)
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("%s: bad pattern: %v", pt.Rule.ID, err)
	}
	msg := pt.Message
	app := lint.Safe
	if pt.Unsafe {
		app = lint.Unsafe
	}
	r := pt.Rule
	r.Kind = lint.Pattern
	r.Run = func(p *lint.Pass) {
		text := p.Text
		for pos := 0; pos <= len(text); {
			loc := re.FindStringSubmatchIndex(text[pos:])
			if loc == nil {
				return
			}
			s, e := pos+loc[0], pos+loc[1]
			if e == s || !boundary(text, s, e) {
				// try again one character later
				_, n := utf8.DecodeRuneInString(text[s:])
				if n == 0 {
					return
				}
				pos = s + n
				continue
			}
			d := lint.Diagnostic{Start: s, End: e}
			word := text[s:e]
			if pt.Replacement != "" {
				for i := range loc {
					if loc[i] >= 0 {
						loc[i] += pos
					}
				}
				fix := string(re.ExpandString(nil, pt.Replacement, text, loc))
				d.Fixes = []lint.SuggestedFix{lint.Replace(s, e, fix, app)}
				d.Message = say(p, msg, "pattern-fix", word, fix)
			} else {
				d.Message = say(p, msg, "pattern", word, "")
			}
			p.Report(d)
			pos = e
		}
	}
	return &r, nil
}

// boundary reports whether [s,e) starts and ends at word boundaries.
func boundary(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		f, _ := utf8.DecodeRuneInString(text[s:])
		if arabic.IsWordRune(r) && arabic.IsWordRune(f) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		l, _ := utf8.DecodeLastRuneInString(text[:e])
		if arabic.IsWordRune(r) && arabic.IsWordRune(l) {
			return false
		}
	}
	return true
}
