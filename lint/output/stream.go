package output

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// Stream writes one whole-document report (json, rdjson, sarif,
// checkstyle, github) file by file, in the same bytes as WriteJSON,
// WriteRDJSON, WriteSARIF, WriteCheckstyle and WriteGitHub write for all
// the files at once, so that a run over many files holds none of them
// after its part is written: memory does not grow with the number of files
// or findings. Render turns one file into its Part (on any goroutine, side
// by side), Write writes the parts in order, Close ends the document.
// Nothing is written before the first Write or Close.
//
// SARIF cannot be written in order: tool.driver.rules, before the results,
// gets a descriptor for each rule first met among the results (a rule the
// run was not given, such as suppression/unused), and each result names
// its rule's index there. Its results go to a temporary file (in memory
// when none can be made) and are copied after the rules by Close.
type Stream struct {
	w       io.Writer
	format  string
	started bool
	items   int // json, rdjson, sarif: items written
	lang    i18n.Lang
	err     error

	// sarif
	sarif  SARIFOptions
	driver sarifDriver
	index  map[string]int
	spool  io.ReadWriter
	tmp    *os.File

	// github
	github                 GitHubOptions
	files, total, problems int
	count                  map[lint.Level]int
}

// Part is one file's share of a Stream's document.
type Part struct {
	b     []byte
	items int
	// github: the file's findings by level
	count map[lint.Level]int
	// sarif: the file itself, rendered by Write (rule indexes are given
	// in order)
	file *lint.File
}

// StreamOptions are what the formats need besides the files.
type StreamOptions struct {
	Rules  []*lint.Rule // sarif: tool.driver.rules, in this order
	SARIF  SARIFOptions
	GitHub GitHubOptions
	Lang   i18n.Lang // rdjson: the language of the labels of its fixes
}

// StreamFormats are the formats NewStream writes.
var StreamFormats = []string{"json", "rdjson", "sarif", "checkstyle", "github"}

// NewStream starts a document of format on w.
func NewStream(w io.Writer, format string, o StreamOptions) (*Stream, error) {
	s := &Stream{w: w, format: format, lang: o.Lang}
	switch format {
	case "json", "rdjson", "checkstyle":
	case "github":
		s.github, s.count = o.GitHub, map[lint.Level]int{}
	case "sarif":
		s.sarif = o.SARIF
		s.driver = sarifDriver{Name: "daqiq", InformationURI: o.SARIF.InformationURI, Version: o.SARIF.Version, Rules: []sarifRuleDesc{}}
		s.index = map[string]int{}
		for _, r := range o.Rules {
			if _, dup := s.index[r.ID]; dup {
				continue
			}
			s.index[r.ID] = len(s.driver.Rules)
			s.driver.Rules = append(s.driver.Rules, sarifRule(r, s.lang))
		}
	default:
		return nil, fmt.Errorf("unknown format %q", format)
	}
	return s, nil
}

// Render renders one file. It may be called on several goroutines at once.
func (s *Stream) Render(f lint.File) (Part, error) {
	var b bytes.Buffer
	switch s.format {
	case "json":
		ds := ToJSON(f)
		for i := range ds {
			if err := jsonItem(&b, &ds[i], "    "); err != nil {
				return Part{}, err
			}
		}
		return Part{b: b.Bytes(), items: len(ds)}, nil
	case "rdjson":
		ds := toRD(f, nil, s.lang)
		for i := range ds {
			if err := jsonItem(&b, &ds[i], "    "); err != nil {
				return Part{}, err
			}
		}
		return Part{b: b.Bytes(), items: len(ds)}, nil
	case "checkstyle":
		b.WriteString("\n")
		enc := xml.NewEncoder(&b)
		enc.Indent("  ", "  ")
		if err := enc.EncodeElement(checkstyleFile(f), xml.StartElement{Name: xml.Name{Local: "file"}}); err != nil {
			return Part{}, err
		}
		if err := enc.Close(); err != nil {
			return Part{}, err
		}
		return Part{b: b.Bytes(), items: 1}, nil
	case "github":
		count := map[lint.Level]int{}
		githubAnnotations(&b, f, s.github.Root, count)
		return Part{b: b.Bytes(), items: len(f.Diagnostics), count: count}, nil
	case "sarif":
		return Part{file: &f}, nil
	}
	return Part{}, fmt.Errorf("unknown format %q", s.format)
}

// jsonItem writes ",\n" + prefix + v, indented as an item of an array at
// prefix's depth in a document indented by two spaces.
func jsonItem(b *bytes.Buffer, v any, prefix string) error {
	b.WriteString(",\n")
	b.WriteString(prefix)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	return nil
}

// ready reports the stream's first error, writing the document's head
// first when nothing has been written yet.
func (s *Stream) ready() error {
	if s.err == nil && !s.started {
		s.started = true
		s.err = s.begin()
	}
	return s.err
}

// Write writes one file's part, after those of the files before it.
func (s *Stream) Write(p Part) error {
	if err := s.ready(); err != nil {
		return err
	}
	switch s.format {
	case "github":
		s.files++
		s.total += p.items
		if p.items > 0 {
			s.problems++
		}
		for l, n := range p.count {
			s.count[l] += n
		}
	case "sarif":
		if p.file == nil {
			return nil
		}
		var b bytes.Buffer
		for _, r := range s.sarifResults(*p.file) {
			if s.err = jsonItem(&b, &r, "        "); s.err != nil {
				return s.err
			}
			p.items++
		}
		p.b = b.Bytes()
	}
	out := p.b
	if s.items == 0 && p.items > 0 && s.format != "checkstyle" && s.format != "github" {
		out = out[1:] // the first item: no comma
	}
	s.items += p.items
	if len(out) == 0 {
		return nil
	}
	if s.spool != nil {
		_, s.err = s.spool.Write(out)
	} else {
		_, s.err = s.w.Write(out)
	}
	return s.err
}

// begin writes what comes before the first part (sarif: opens the spool).
func (s *Stream) begin() error {
	var head string
	switch s.format {
	case "json":
		head = "{\n  \"diagnostics\": ["
	case "rdjson":
		head = "{\n  \"source\": {\n    \"name\": \"daqiq\"\n  },\n  \"diagnostics\": ["
	case "checkstyle":
		head = xml.Header + `<checkstyle version="4.3">`
	case "sarif":
		if f, err := os.CreateTemp("", "daqiq-sarif-*"); err == nil {
			s.tmp, s.spool = f, f
		} else {
			s.spool = new(bytes.Buffer)
		}
		return nil
	}
	_, err := io.WriteString(s.w, head)
	return err
}

// Started reports whether anything was written.
func (s *Stream) Started() bool { return s.started }

// Close ends the document (a document without files when nothing was
// written) and releases the sarif spool.
func (s *Stream) Close() error {
	if s.tmp != nil {
		defer func() {
			s.tmp.Close()
			os.Remove(s.tmp.Name())
			s.tmp = nil
		}()
	}
	if err := s.ready(); err != nil {
		return err
	}
	var tail string
	switch s.format {
	case "json", "rdjson":
		tail = "]\n}\n"
		if s.items > 0 {
			tail = "\n  ]\n}\n"
		}
	case "checkstyle":
		tail = "</checkstyle>\n"
		if s.items > 0 {
			tail = "\n</checkstyle>\n"
		}
	case "github":
		tail = githubSummary(s.lang, s.total, s.problems, s.files, s.count)
	case "sarif":
		return s.closeSARIF()
	}
	_, s.err = io.WriteString(s.w, tail)
	return s.err
}

// closeSARIF writes the log: the rules now that every result has named
// its own, then the spooled results.
func (s *Stream) closeSARIF() error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(sarifLog{
		Schema:  SARIFSchema,
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{s.driver}, Results: []sarifResult{}, ColumnKind: "utf16CodeUnits"}},
	}); err != nil {
		return err
	}
	const empty = `"results": []`
	doc := b.String()
	at := strings.LastIndex(doc, empty)
	if at < 0 {
		return fmt.Errorf("sarif: no results array in the log")
	}
	if s.items == 0 {
		_, s.err = io.WriteString(s.w, doc)
		return s.err
	}
	if _, s.err = io.WriteString(s.w, doc[:at+len(empty)-1]); s.err != nil {
		return s.err
	}
	if f, ok := s.spool.(*os.File); ok {
		if _, s.err = f.Seek(0, io.SeekStart); s.err != nil {
			return s.err
		}
	}
	if _, s.err = io.Copy(s.w, s.spool); s.err != nil {
		return s.err
	}
	_, s.err = io.WriteString(s.w, "\n      "+doc[at+len(empty)-1:])
	return s.err
}
