package output

import (
	"io"
	"net/url"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// SARIFSchema is the $schema of the SARIF output: the OASIS SARIF 2.1.0
// schema with its errata, the one testdata/output/sarif-schema-2.1.0.json
// holds.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// SARIFOptions control the SARIF format.
type SARIFOptions struct {
	// Lang is the language of the rules' descriptions and help.
	Lang i18n.Lang
	// Version is daqiq's version, tool.driver.version; omitted when empty.
	Version string
	// InformationURI is an absolute URL about daqiq; omitted when empty.
	InformationURI string
	// Root, when set, is the directory file paths are made relative to
	// (the repository root, for GitHub code scanning). Paths outside it,
	// and absolute paths without a Root, become file:// URIs.
	Root string
}

// The SARIF 2.1.0 objects daqiq writes, fields in the order of the spec.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		Results    []sarifResult `json:"results"`
		ColumnKind string        `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string          `json:"name"`
		InformationURI string          `json:"informationUri,omitempty"`
		Version        string          `json:"version,omitempty"`
		Rules          []sarifRuleDesc `json:"rules"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	// sarifHelp is a multiformatMessageString: GitHub code scanning shows
	// the Markdown, other viewers the text.
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifRuleDesc struct {
		ID                   string        `json:"id"`
		Name                 string        `json:"name,omitempty"`
		ShortDescription     *sarifText    `json:"shortDescription,omitempty"`
		FullDescription      *sarifText    `json:"fullDescription,omitempty"`
		DefaultConfiguration *sarifConfig  `json:"defaultConfiguration,omitempty"`
		HelpURI              string        `json:"helpUri,omitempty"`
		Help                 *sarifHelp    `json:"help,omitempty"`
		Properties           *sarifRuleTag `json:"properties,omitempty"`
	}
	sarifConfig struct {
		Enabled *bool  `json:"enabled,omitempty"`
		Level   string `json:"level"`
	}
	sarifRuleTag struct {
		Tags []string `json:"tags"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
		Fixes     []sarifFix      `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifFix struct {
		Description     sarifText           `json:"description"`
		ArtifactChanges []sarifArtifactEdit `json:"artifactChanges"`
	}
	sarifArtifactEdit struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion `json:"deletedRegion"`
		InsertedContent *sarifText  `json:"insertedContent,omitempty"`
	}
)

// WriteSARIF writes a SARIF 2.1.0 log with one run, for GitHub code
// scanning and SARIF viewers. rules become tool.driver.rules (with their
// documentation as help text), in the order given; a diagnostic of a rule
// not among them gets a descriptor with its id alone. Columns count UTF-16
// code units (run.columnKind), ends are exclusive; safe fixes become
// result.fixes.
func WriteSARIF(w io.Writer, files []lint.File, rules []*lint.Rule, o SARIFOptions) error {
	return writeStream(w, "sarif", files, StreamOptions{Rules: rules, SARIF: o, Lang: o.Lang})
}

// sarifResults are the results of one file; a rule not among the
// stream's gets a descriptor with its id alone, after the others.
func (s *Stream) sarifResults(f lint.File) []sarifResult {
	uri := artifactURI(f.Doc.Path, s.sarif.Root)
	results := make([]sarifResult, 0, len(f.Diagnostics))
	for _, d := range f.Diagnostics {
		i, ok := s.index[d.Rule]
		if !ok {
			i = len(s.driver.Rules)
			s.index[d.Rule] = i
			s.driver.Rules = append(s.driver.Rules, sarifRuleDesc{ID: d.Rule})
		}
		res := sarifResult{
			RuleID: d.Rule, RuleIndex: i, Level: sarifLevel(d.Level),
			Message: sarifText{d.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{uri},
				Region:           region16(f, d.Start, d.End),
			}}},
		}
		sug := lint.Suggestions(f.Doc.Src, d)
		for k, fx := range d.Fixes {
			if fx.Applicability != lint.Safe || len(fx.Edits) == 0 {
				continue
			}
			desc := fx.Message
			if desc == "" && k < len(sug) {
				if sug[k] == "" {
					desc = "Delete the flagged text"
				} else {
					desc = "Replace with “" + sug[k] + "”"
				}
			}
			edits := append([]lint.TextEdit{}, fx.Edits...)
			sort.SliceStable(edits, func(a, b int) bool { return edits[a].Start < edits[b].Start })
			var reps []sarifReplacement
			for _, e := range edits {
				rep := sarifReplacement{DeletedRegion: region16(f, e.Start, e.End)}
				if e.New != "" {
					rep.InsertedContent = &sarifText{e.New}
				}
				reps = append(reps, rep)
			}
			res.Fixes = append(res.Fixes, sarifFix{
				Description:     sarifText{desc},
				ArtifactChanges: []sarifArtifactEdit{{ArtifactLocation: sarifArtifact{uri}, Replacements: reps}},
			})
		}
		results = append(results, res)
	}
	return results
}

// region16 is the SARIF region of the source bytes [start, end): 1-based
// lines, UTF-16 columns, end exclusive.
func region16(f lint.File, start, end int) sarifRegion {
	s, e := f.Doc.Pos(start), f.Doc.Pos(end)
	return sarifRegion{StartLine: s.Line, StartColumn: s.Col16, EndLine: e.Line, EndColumn: e.Col16}
}

func sarifLevel(s lint.Level) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Info:
		return "note"
	}
	return "warning"
}

func sarifRule(r *lint.Rule, lang i18n.Lang) sarifRuleDesc {
	d := sarifRuleDesc{ID: r.ID, Name: r.ID}
	summary, doc := r.Localized(lang)
	if summary != "" {
		d.ShortDescription = &sarifText{summary}
	}
	if full := doc.What; full != "" {
		d.FullDescription = &sarifText{full}
	} else if summary != "" {
		d.FullDescription = &sarifText{summary}
	}
	d.DefaultConfiguration = &sarifConfig{Level: sarifLevel(r.Level)}
	if r.Disabled {
		off := false
		d.DefaultConfiguration.Enabled = &off
	}
	d.HelpURI = RuleDocURL(r)
	if h := RuleHelp(r, lang); h != "" {
		d.Help = &sarifHelp{Text: RuleHelpText(r, lang), Markdown: h}
	}
	if r.Category != "" {
		d.Properties = &sarifRuleTag{Tags: []string{r.Category}}
	}
	return d
}

// RulesDocURL is where the built-in rules are documented: the rule table
// of daqiq's README.
const RulesDocURL = "https://github.com/daqiq/daqiq#rules"

// RuleDocURL is the stable URL of a rule's documentation, SARIF's helpUri:
// the rule's own link when it is an absolute URL (a custom rule's link in
// .daqiq.toml), else RulesDocURL.
func RuleDocURL(r *lint.Rule) string {
	if u, err := url.Parse(r.Link); err == nil && u.IsAbs() {
		return r.Link
	}
	return RulesDocURL
}

// RulePageURL is a rule's page as daqiq serve publishes it under base (a
// URL ending in /): each segment of the id escaped, the language in the
// query when it is not Arabic.
func RulePageURL(base, id string, lang i18n.Lang) string {
	segs := strings.Split(id, "/")
	for i, sg := range segs {
		segs[i] = url.PathEscape(sg)
	}
	u := base + strings.Join(segs, "/")
	if lang != i18n.Ar {
		u += "?lang=" + lang.String()
	}
	return u
}

// RuleHelp is a rule's documentation as Markdown, under the headings of
// `daqiq explain`: What it does, Why, Example, Use instead, Fix safety,
// More (the rule's link).
func RuleHelp(r *lint.Rule, lang i18n.Lang) string { return ruleHelp(r, lang, "## ", "\n") }

// RuleHelpText is RuleHelp as plain text: each heading a line of its own
// ending in a colon.
func RuleHelpText(r *lint.Rule, lang i18n.Lang) string { return ruleHelp(r, lang, "", ":\n") }

func ruleHelp(r *lint.Rule, lang i18n.Lang, before, after string) string {
	var parts []string
	_, doc := r.Localized(lang)
	for _, s := range append(docSections(lang, doc), [2]string{i18n.Text(lang, "explain.more"), r.Link}) {
		if s[1] != "" {
			parts = append(parts, before+s[0]+after+s[1])
		}
	}
	return strings.Join(parts, "\n\n")
}

// RelPath returns p with forward slashes, relative to root when root is
// set and p lies inside it; otherwise p itself (cleaned, slashed).
func RelPath(p, root string) string {
	if p == "-" || p == "" {
		return p
	}
	if root != "" {
		ap, err1 := filepath.Abs(p)
		ar, err2 := filepath.Abs(root)
		if err1 == nil && err2 == nil {
			if rel, err := filepath.Rel(ar, ap); err == nil {
				rel = filepath.ToSlash(rel)
				if rel != ".." && !strings.HasPrefix(rel, "../") {
					return rel
				}
			}
		}
	}
	if filepath.IsAbs(p) {
		return filepath.ToSlash(filepath.Clean(p))
	}
	return path.Clean(filepath.ToSlash(p))
}

// artifactURI turns a file path into a SARIF artifactLocation.uri: a
// relative reference with forward slashes (relative to root when it is
// set), or a file:// URI for an absolute path; every byte outside RFC
// 3986's unreserved characters, sub-delims, "@" and "/" is percent-encoded,
// so Arabic names become their UTF-8 bytes in %XX form.
func artifactURI(p, root string) string {
	rel := RelPath(p, root)
	if filepath.IsAbs(filepath.FromSlash(rel)) {
		if !strings.HasPrefix(rel, "/") { // C:/x on Windows
			rel = "/" + rel
		}
		return "file://" + escapeURIPath(rel, true)
	}
	return escapeURIPath(rel, false)
}

// escapeURIPath percent-encodes a slash-separated path. A colon is kept
// only in an absolute URI: in a relative reference it would read as a
// scheme.
func escapeURIPath(p string, abs bool) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~!$&'()*+,;=@/", c) >= 0,
			c == ':' && abs:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
