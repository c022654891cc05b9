package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/daqiq/daqiq/cmd/internal/serve/jsonutf8"
	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/markup"
	"github.com/daqiq/daqiq/lint/output"
)

// record is what checkLine takes from an input line.
type record struct {
	id                         json.RawMessage // compact; nil when absent
	text, date, format, source *string         // nil when absent or null
}

// decodeRecord reads the fields of one input line in a single pass (the
// article is scanned once and unquoted once, by unquote; other fields are
// skipped).
// Keys match exactly. A field of the wrong type, or a string field that
// is not UTF-8 or holds a lone UTF-16 surrogate (\ud800), is reported
// after the whole object is read, so that the error line still carries
// the id.
func decodeRecord(data []byte, f Fields) (record, error) {
	var r record
	var typeErr error
	dec := json.NewDecoder(bytes.NewReader(data))
	invalid := func(err error) error {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return fmt.Errorf("invalid JSON: %v", err)
	}
	tok, err := dec.Token()
	if err != nil {
		return r, invalid(err)
	}
	if tok != json.Delim('{') {
		return r, errors.New("not a JSON object")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return r, invalid(err)
		}
		key, _ := tok.(string)
		var dst **string
		switch key {
		case f.ID:
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return r, invalid(err)
			}
			if err := jsonutf8.Check(raw); err != nil {
				// not echoed: it would not be the id that was sent
				r.id = nil
				if typeErr == nil {
					typeErr = fmt.Errorf("field %q: %v", key, err)
				}
				continue
			}
			var b bytes.Buffer
			if json.Compact(&b, raw) == nil {
				raw = b.Bytes()
			}
			r.id = raw
			continue
		case f.Text:
			dst = &r.text
		case f.Date:
			dst = &r.date
		case f.Format:
			dst = &r.format
		case f.Source:
			dst = &r.source
		}
		if dst == nil || key == "" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return r, invalid(err)
			}
			continue
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return r, invalid(err)
		}
		switch {
		case string(raw) == "null":
			*dst = nil
		case raw[0] == '"':
			// encoding/json would make U+FFFD of these: the article
			// checked, and its offsets, would not be the one sent
			// (the text is read once to check its UTF-8: unquoteUTF8
			// does not read it again)
			valid := utf8.Valid(raw)
			var err error
			if valid {
				err = jsonutf8.Escapes(raw)
			} else {
				err = jsonutf8.Check(raw)
			}
			if err != nil {
				*dst = nil
				if typeErr == nil {
					typeErr = fmt.Errorf("field %q: %v", key, err)
				}
				continue
			}
			s, err := unquoteUTF8(raw)
			if err != nil {
				return r, invalid(err)
			}
			*dst = &s
		default:
			*dst = nil
			if typeErr == nil {
				typeErr = fmt.Errorf("field %q is not a string", key)
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return r, invalid(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return r, errors.New("invalid JSON: data after the object")
	}
	return r, typeErr
}

// CheckLine checks the article of input line n (data, without its line
// break, as ReadLine gives it) and returns its output line, the one Run
// writes for it. o.Jobs is not used: it is safe to call from many
// goroutines at once with the same Options.
func CheckLine(data []byte, n int, o Options) Result {
	f := o.Fields
	r, err := decodeRecord(data, f)
	if err != nil {
		return errorLine(r.id, n, err.Error())
	}
	return checkRecord(r, n, o)
}

// CheckText checks an article given as it is, such as a text file: its
// result is CheckLine's for input line n holding {"id": id, "text": text,
// "format": format} (format as the format field has it, "" for plain
// text).
func CheckText(id, text, format string, n int, o Options) Result {
	raw, err := json.Marshal(id)
	if err != nil || !utf8.ValidString(id) {
		return errorLine(nil, n, fmt.Sprintf("id %q is not UTF-8", id))
	}
	if !utf8.ValidString(text) {
		return errorLine(raw, n, fmt.Sprintf("field %q: invalid UTF-8", o.Fields.Text))
	}
	return checkRecord(record{id: raw, text: &text, format: &format}, n, o)
}

// checkRecord checks the article of a decoded input line.
func checkRecord(r record, n int, o Options) Result {
	f := o.Fields
	id := r.id
	path := "-"
	if id != nil {
		var s string
		if json.Unmarshal(id, &s) == nil {
			path = s
		} else {
			path = string(id)
		}
	}
	if r.text == nil {
		return errorLine(id, n, fmt.Sprintf("no %q field", f.Text))
	}
	format := markup.Plain
	if r.format != nil {
		switch name := *r.format; strings.ToLower(name) {
		case "", "txt", "text", "plain":
		case "md", "markdown":
			format = markup.Markdown
		case "html", "htm":
			format = markup.HTML
		default:
			return errorLine(id, n, fmt.Sprintf("unknown format %q (want txt, md or html)", name))
		}
	}
	var date time.Time
	if r.date != nil {
		var err error
		if date, err = lint.ParseDate(*r.date); err != nil {
			return errorLine(id, n, fmt.Sprintf("field %q: %q is not a date (want YYYY-MM-DD or an RFC 3339 timestamp)", f.Date, *r.date))
		}
	}
	in := engine.Input{Path: path, SettingsPath: o.SettingsPath, Format: format, Src: []byte(*r.text), Dateline: date, Lang: o.Lang}
	if r.source != nil {
		// the wire's text, plain, named by its field in the findings
		in.Source, in.SourceName, in.SourceFormat = []byte(*r.source), f.Source, markup.Plain
	}
	res, err := o.Engine.Check(context.Background(), in)
	if err != nil {
		return errorLine(id, n, err.Error())
	}
	diags := output.ToJSON(res.File())
	return Result{JSON: encodeLine(outLine{ID: id, Diagnostics: diags}), Diagnostics: diags}
}

// unquote decodes a JSON string literal the decoder has already checked.
// Text as articles have it, UTF-8 with \n, \" or \\ escapes, is copied in
// runs between the escapes; a \u escape or invalid UTF-8 goes to
// encoding/json (which puts U+FFFD for bad bytes and lone surrogates, but
// decodeRecord refuses those first): the same string either way, without
// decoding every character of a long article one by one.
func unquote(raw []byte) (string, error) {
	slow := func() (string, error) {
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	}
	if !utf8.Valid(raw) {
		return slow()
	}
	return unquoteUTF8(raw)
}

// unquoteUTF8 is unquote for a literal known to be valid UTF-8.
func unquoteUTF8(raw []byte) (string, error) {
	slow := func() (string, error) {
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	}
	s := raw[1 : len(raw)-1]
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := bytes.IndexByte(s, '\\')
		if i < 0 {
			b.Write(s)
			return b.String(), nil
		}
		b.Write(s[:i])
		switch c := s[i+1]; c {
		case '"', '\\', '/':
			b.WriteByte(c)
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		default: // \u
			return slow()
		}
		s = s[i+2:]
	}
}
