package lint

import (
	"fmt"
	"strings"
	"time"

	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/source"
)

// Facts is what is known about one document besides its text: what the
// caller gives (the publication date) and what is read from the text
// before the rules run (a dateline printed at the top). The runner hands
// one Facts to every pass over a document; rules of one document run one
// after another, so a rule may fill in more.
type Facts struct {
	// Dateline is the publication date the rules check against: the one
	// the caller gave, else the front matter's, else Printed.
	Dateline Dateline
	// Printed is the dateline printed at the top of the text, when the
	// finder RegisterDatelineFinder registered found one, whatever
	// Dateline holds: a rule compares the two. The runner calls the
	// finder once per document, before the rules, with a pass that has no
	// rule and reports nothing.
	Printed Dateline
	// Undated counts the relative dates (اليوم الأربعاء، الخميس الماضي،
	// يوليو الماضي) the date rules left unchecked for want of a dateline.
	Undated int
	// Source is the text the article was written from (the agency's wire
	// copy), when the caller gave one (check --source): evidence the
	// source rules compare the article with, never linted or fixed. nil:
	// none.
	Source *Source
	// Lang is the language the rules write their messages in (Pass.T):
	// Arabic unless the caller asks for English.
	Lang i18n.Lang
}

var datelineFinder func(*Pass) (Dateline, bool)

// RegisterDatelineFinder sets the finder of printed datelines the runner
// calls before the rules of each document. The date rules register theirs when
// their package is loaded, as image formats register their decoders; it
// is not safe to call while documents are being checked.
func RegisterDatelineFinder(f func(*Pass) (Dateline, bool)) { datelineFinder = f }

// DatelineFinder returns the finder RegisterDatelineFinder set, or nil.
func DatelineFinder() func(*Pass) (Dateline, bool) { return datelineFinder }

// FindPrinted runs the registered dateline finder over a tokenized
// document, with a pass that has no rule and reports nothing; false when
// no finder is registered or it finds no dateline.
func FindPrinted(doc *source.Document, toks []arabic.Token, sp *arabic.Splits, facts *Facts, memo map[string]any) (Dateline, bool) {
	if datelineFinder == nil {
		return Dateline{}, false
	}
	var p Pass
	p.Init(nil, doc, toks, sp, nil, facts, memo, func(Diagnostic) {})
	return datelineFinder(&p)
}

// NewSource makes the Source of a wire copy's document: its tokens and,
// unless dateline is known already (a front matter date), the dateline
// printed at its top.
func NewSource(name string, doc *source.Document, dateline Dateline) *Source {
	s := &Source{Name: name, Doc: doc, Tokens: arabic.Tokenize(doc.Text), Dateline: dateline}
	if !s.Dateline.Known() {
		var sp arabic.Splits
		sp.Analyze(s.Tokens)
		if d, ok := FindPrinted(doc, s.Tokens, &sp, &Facts{}, map[string]any{}); ok {
			s.Dateline = d
		}
	}
	return s
}

// DatelineSource says where a dateline came from.
type DatelineSource uint8

const (
	NoDateline  DatelineSource = iota // none: the date rules that need one stay silent
	Given                             // by the caller: check --date, the API's date field
	FrontMatter                       // the document's front matter date
	InText                            // a dateline line at the top of the text
)

func (s DatelineSource) String() string {
	return [...]string{"none", "given", "front matter", "text"}[s]
}

// Dateline is the publication date the date rules check against.
type Dateline struct {
	// Date is the day at 00:00 UTC; zero when From is NoDateline.
	Date time.Time
	From DatelineSource
	// Start and End locate the date in the text when From is InText.
	Start, End int
}

// Known reports whether there is a dateline.
func (d Dateline) Known() bool { return d.From != NoDateline }

// ParseDate reads a publication date: YYYY-MM-DD, or the date part of an
// RFC 3339 timestamp (2024-11-22T09:30:00+03:00 is 22 November 2024, the
// day as written, whatever the zone). The result is that day at 00:00 UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return time.Parse("2006-01-02", s[:10])
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD or an RFC 3339 timestamp)", s)
}

// Source is the wire copy an article was rewritten from, read as the
// article is (markup stripped, tokens), with its own dateline: a relative
// day is resolved against the wire's date in the wire and against the
// article's in the article.
type Source struct {
	// Name names the source in findings ("wire.txt"): the path as given.
	Name string
	Doc  *source.Document
	// Tokens are Doc.Text tokenized.
	Tokens []arabic.Token
	// Dateline is the source's own: its front matter's date, else the
	// dateline printed at its top (NoDateline: none).
	Dateline Dateline
}
