package output

import (
	"encoding/json"
	"io"
	"path/filepath"
	"sort"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// The Reviewdog Diagnostic Format (reviewdog's proto/rdf/reviewdog.proto).
// Lines and columns are 1-based, columns count UTF-8 bytes from the start
// of the line (a byte-order mark included), ends are exclusive.
type (
	rdResult struct {
		Source      rdSource       `json:"source"`
		Diagnostics []rdDiagnostic `json:"diagnostics"`
	}
	rdDiagnostic struct {
		Message     string         `json:"message"`
		Location    rdLocation     `json:"location"`
		Severity    string         `json:"severity"`
		Source      *rdSource      `json:"source,omitempty"`
		Code        rdCode         `json:"code"`
		Suggestions []rdSuggestion `json:"suggestions,omitempty"`
		// OriginalOutput is the finding as daqiq prints it (the first line
		// of the text format): reviewdog shows it where it would otherwise
		// print the diagnostic as raw protobuf text.
		OriginalOutput string `json:"original_output"`
	}
	rdSource struct {
		Name string `json:"name"`
	}
	rdCode struct {
		Value string `json:"value"`
	}
	rdLocation struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	}
	rdRange struct {
		Start rdPosition `json:"start"`
		End   rdPosition `json:"end"`
	}
	rdPosition struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	}
	rdSuggestion struct {
		Range rdRange `json:"range"`
		Text  string  `json:"text"`
	}
)

var rdSourceDaqiq = rdSource{Name: "daqiq"}

// WriteRDJSON writes one rdjson document (a DiagnosticResult) for
// reviewdog -f=rdjson.
func WriteRDJSON(w io.Writer, files []lint.File, lang i18n.Lang) error {
	return writeStream(w, "rdjson", files, StreamOptions{Lang: lang})
}

// WriteRDJSONL writes rdjsonl for reviewdog -f=rdjsonl: one Diagnostic per
// line, each naming its source.
func WriteRDJSONL(w io.Writer, files []lint.File, lang i18n.Lang) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, f := range files {
		for _, d := range toRD(f, &rdSourceDaqiq, lang) {
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
	}
	return nil
}

// toRD converts a file's diagnostics. The suggestions are the edits of the
// first (best) fix when it is safe, the one --fix applies: reviewdog
// offers suggestions as one-click changes, applied together, so neither an
// unsafe fix nor alternatives can be offered there. The fixes not offered
// are written under the message, labelled as the text format labels them
// ("suggestion (unsafe): …"). OriginalOutput is the text format's line.
func toRD(f lint.File, src *rdSource, lang i18n.Lang) []rdDiagnostic {
	out := make([]rdDiagnostic, 0, len(f.Diagnostics))
	p := filepath.ToSlash(f.Doc.Path)
	path := QuotePath(f.Doc.Path)
	for _, d := range f.Diagnostics {
		rd := rdDiagnostic{
			Message:        d.Message,
			Location:       rdLocation{Path: p, Range: byteRange(f, d.Start, d.End)},
			Severity:       rdSeverity(d.Level),
			Source:         src,
			Code:           rdCode{Value: d.Rule},
			OriginalOutput: quietLine(lang, f, path, d),
		}
		offered := len(d.Fixes) > 0 && d.Fixes[0].Applicability == lint.Safe
		for i, sg := range lint.Suggestions(f.Doc.Src, d) {
			if i == 0 && offered {
				continue
			}
			rd.Message += "\n" + suggestionLabel(lang, d.Fixes[i]) + ": " + suggestionText(lang, sg)
		}
		if offered {
			edits := append([]lint.TextEdit{}, d.Fixes[0].Edits...)
			sort.SliceStable(edits, func(a, b int) bool { return edits[a].Start < edits[b].Start })
			for _, e := range edits {
				rd.Suggestions = append(rd.Suggestions, rdSuggestion{Range: byteRange(f, e.Start, e.End), Text: e.New})
			}
		}
		out = append(out, rd)
	}
	return out
}

// byteRange is the range of the source bytes [start, end) with UTF-8 byte
// columns.
func byteRange(f lint.File, start, end int) rdRange {
	return rdRange{Start: bytePos(f, start), End: bytePos(f, end)}
}

func bytePos(f lint.File, off int) rdPosition {
	line := f.Doc.Pos(off).Line
	return rdPosition{Line: line, Column: off - f.Doc.LineStart(line) + 1}
}

func rdSeverity(s lint.Level) string {
	switch s {
	case lint.Error:
		return "ERROR"
	case lint.Info:
		return "INFO"
	}
	return "WARNING"
}
