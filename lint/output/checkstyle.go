package output

import (
	"encoding/xml"
	"io"

	"github.com/daqiq/daqiq/lint"
)

// The Checkstyle XML report, as CI servers and reviewdog -f=checkstyle
// read it.
type (
	csReport struct {
		XMLName xml.Name `xml:"checkstyle"`
		Version string   `xml:"version,attr"`
		Files   []csFile `xml:"file"`
	}
	csFile struct {
		Name   string    `xml:"name,attr"`
		Errors []csError `xml:"error"`
	}
	csError struct {
		Line     int    `xml:"line,attr"`
		Column   int    `xml:"column,attr"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
)

// WriteCheckstyle writes a Checkstyle 4.3 report: a <file> per checked
// file (with no <error> when it is clean) and an <error> per diagnostic
// with its start line and column (in code points, as in the text format),
// severity error, warning or info, message and rule id as source.
func WriteCheckstyle(w io.Writer, files []lint.File) error {
	return writeStream(w, "checkstyle", files, StreamOptions{})
}

// checkstyleFile is the <file> element of one file.
func checkstyleFile(f lint.File) csFile {
	cf := csFile{Name: f.Doc.Path}
	for _, d := range f.Diagnostics {
		s := f.Doc.Pos(d.Start)
		sev := d.Level.String()
		if d.Level != lint.Error && d.Level != lint.Warning && d.Level != lint.Info {
			sev = "warning"
		}
		cf.Errors = append(cf.Errors, csError{Line: s.Line, Column: s.Column, Severity: sev, Message: d.Message, Source: d.Rule})
	}
	return cf
}
