package output

// The whole-document writers as they were before Stream: every file held,
// one document encoded at the end. TestStreamSameBytes holds Stream to
// their bytes.

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

func legacyWriteJSON(w io.Writer, files []lint.File) error {
	all := []JSONDiagnostic{}
	for _, f := range files {
		all = append(all, ToJSON(f)...)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Diagnostics []JSONDiagnostic `json:"diagnostics"`
	}{all})
}

func legacyWriteRDJSON(w io.Writer, files []lint.File) error {
	res := rdResult{Source: rdSourceDaqiq, Diagnostics: []rdDiagnostic{}}
	for _, f := range files {
		res.Diagnostics = append(res.Diagnostics, toRD(f, nil, i18n.En)...)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

func legacyWriteSARIF(w io.Writer, files []lint.File, rules []*lint.Rule, o SARIFOptions) error {
	driver := sarifDriver{Name: "daqiq", InformationURI: o.InformationURI, Version: o.Version, Rules: []sarifRuleDesc{}}
	index := map[string]int{}
	for _, r := range rules {
		if _, dup := index[r.ID]; dup {
			continue
		}
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule(r, i18n.En))
	}
	results := []sarifResult{}
	for _, f := range files {
		uri := artifactURI(f.Doc.Path, o.Root)
		for _, d := range f.Diagnostics {
			i, ok := index[d.Rule]
			if !ok {
				i = len(driver.Rules)
				index[d.Rule] = i
				driver.Rules = append(driver.Rules, sarifRuleDesc{ID: d.Rule})
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
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  SARIFSchema,
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{driver}, Results: results, ColumnKind: "utf16CodeUnits"}},
	})
}

func legacyWriteCheckstyle(w io.Writer, files []lint.File) error {
	rep := csReport{Version: "4.3"}
	for _, f := range files {
		cf := csFile{Name: f.Doc.Path}
		for _, d := range f.Diagnostics {
			s := f.Doc.Pos(d.Start)
			sev := d.Level.String()
			if d.Level != lint.Error && d.Level != lint.Warning && d.Level != lint.Info {
				sev = "warning"
			}
			cf.Errors = append(cf.Errors, csError{Line: s.Line, Column: s.Column, Severity: sev, Message: d.Message, Source: d.Rule})
		}
		rep.Files = append(rep.Files, cf)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func legacyWriteGitHub(w io.Writer, files []lint.File, o GitHubOptions) error {
	var b bytes.Buffer
	count := map[lint.Level]int{}
	total, withProblems := 0, 0
	for _, f := range files {
		if len(f.Diagnostics) > 0 {
			withProblems++
		}
		file := RelPath(f.Doc.Path, o.Root)
		for _, d := range f.Diagnostics {
			total++
			count[d.Level]++
			cmd := "warning"
			switch d.Level {
			case lint.Error:
				cmd = "error"
			case lint.Info:
				cmd = "notice"
			}
			s, e := f.Doc.Pos(d.Start), f.Doc.Pos(trimLineBreak(f.Doc.Src, d.Start, d.End))
			props := fmt.Sprintf("file=%s,line=%d,", ghProperty(file), s.Line)
			if s.Line == e.Line {
				props += fmt.Sprintf("col=%d,endLine=%d,endColumn=%d", s.Col16, e.Line, e.Col16)
			} else {
				props += fmt.Sprintf("endLine=%d", e.Line)
			}
			msg := d.Message
			if msg == "" {
				msg = d.Rule
			}
			fmt.Fprintf(&b, "::%s %s,title=%s::%s\n", cmd, props, ghProperty(d.Rule), ghData(msg))
		}
	}
	b.WriteString(githubSummary(i18n.En, total, withProblems, len(files), count))
	_, err := w.Write(b.Bytes())
	return err
}
