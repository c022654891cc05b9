package checkrun

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"unicode/utf8"

	"github.com/daqiq/daqiq/cmd/internal/files"
	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/markup"
)

// Wire is the text an article was rewritten from (the agency's wire
// copy): read by ReadWire, given to the engine as engine.Input.Source, never
// checked or fixed itself.
type Wire struct {
	name string      // as given: the findings name it ("the wire (NAME:3) says …")
	data []byte      // UTF-8
	info fs.FileInfo // the file's status when read, to know it among the inputs

	// read once, by the first article that needs it, for every article
	once   sync.Once
	parsed *lint.Source
	err    error
}

// source is the wire read as the engine reads a source, once for the run.
func (w *Wire) source() (*lint.Source, error) {
	w.once.Do(func() { w.parsed, w.err = engine.ReadSource(engine.Input{Source: w.data, SourceName: w.name}) })
	return w.parsed, w.err
}

// ReadWire reads a wire copy as check reads an article: a regular file,
// links followed, UTF-8 or, with --encoding windows-1256, Windows-1256.
// Its errors name the file, in lang.
func ReadWire(path, encoding string, lang i18n.Lang) (*Wire, error) {
	data, info, err := files.Read(path, nil)
	if err != nil {
		return nil, errors.New(i18n.Text(lang, "wire.unreadable", path, err))
	}
	if msg := files.NotText(data); msg != "" {
		return nil, errors.New(i18n.Text(lang, "wire.not-text", path, msg))
	}
	if !utf8.Valid(data) {
		switch {
		case encoding == files.Windows1256:
			data = files.DecodeWindows1256(data)
		case files.LooksWindows1256(data):
			return nil, errors.New(i18n.Text(lang, "wire.windows-1256", path))
		default:
			return nil, errors.New(i18n.Text(lang, "wire.not-utf8", path, invalidAt(data)))
		}
	}
	return &Wire{name: path, data: data, info: info}, nil
}

// invalidAt is the byte offset of the first invalid UTF-8 in data.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// sourceOf is the wire an input is checked against: --source (the run's
// wire), else the file named by source: in a Markdown article's front
// matter, relative to the article's folder; nil for none. The wire itself,
// when it is also among the inputs, is checked as an article without a
// source (isWire).
func sourceOf(in *Input, opts Options) (w *Wire, isWire bool, err error) {
	if opts.Wire != nil {
		if sameFile(in, opts.Wire.info) {
			return nil, true, nil
		}
		return opts.Wire, false, nil
	}
	if markup.FormatOf(in.Path) != markup.Markdown {
		return nil, false, nil
	}
	name, ok := markup.FrontMatterValue(in.data, "source")
	if !ok || name == "" {
		return nil, false, nil
	}
	at := in.real
	if at == "" {
		at = in.Path // staged, or standard input named by --stdin-filename
	}
	if !filepath.IsAbs(name) {
		name = filepath.Join(filepath.Dir(at), filepath.FromSlash(name))
	}
	w, err = ReadWire(name, opts.Encoding, opts.Lang)
	if err != nil {
		return nil, false, errors.New(i18n.Text(opts.Lang, "wire.front-matter", in.Path, err))
	}
	if sameFile(in, w.info) {
		return nil, false, nil // an article is not its own wire
	}
	return w, false, nil
}

// sameFile reports whether an input is the file of info.
func sameFile(in *Input, info fs.FileInfo) bool {
	fi := in.read
	if fi == nil && (in.real != "" || in.staged) {
		// staged: the file in the working tree
		fi, _ = os.Stat(in.Path)
	}
	return fi != nil && info != nil && os.SameFile(fi, info)
}
