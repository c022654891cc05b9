package output

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
	"github.com/daqiq/daqiq/lint/source"
)

// streamCases are sets of files for TestStreamSameBytes: none, clean
// ones, findings in some, with fixes of every kind, markup-like text and
// a rule the SARIF run was not given (first met in the second file).
func streamCases(t *testing.T) [][]lint.File {
	t.Helper()
	doc := func(path, text string) *source.Document {
		d, err := source.New(path, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"قال", "الوزير", "فى", "<b>", "a&b", "\"x\"", "إجتماع", "\t", "مسئول", "😀"}
	rules := []string{"spelling/misspelling", "orthography/final-yeh", "custom/x", "suppression/unused"}
	levels := []lint.Level{lint.Error, lint.Warning, lint.Info}
	var cases [][]lint.File
	cases = append(cases, nil, []lint.File{{Doc: doc("clean.txt", "نص.\n")}})
	for c := 0; c < 12; c++ {
		var files []lint.File
		for i := 0; i < 1+c%4; i++ {
			var b strings.Builder
			var starts []int
			for l := 0; l < 1+rng.IntN(4); l++ {
				for k := 0; k < 1+rng.IntN(8); k++ {
					starts = append(starts, b.Len())
					b.WriteString(words[rng.IntN(len(words))])
					b.WriteString(" ")
				}
				b.WriteString("\n")
			}
			f := lint.File{Doc: doc(fmt.Sprintf("d/%d-%d <&>.txt", c, i), b.String())}
			if (c+i)%3 != 1 {
				for _, s := range starts {
					if rng.IntN(3) > 0 {
						continue
					}
					e := s + 2
					for e < len(b.String()) && !strings.HasPrefix(b.String()[e:], " ") {
						e++
					}
					d := lint.Diagnostic{Start: s, End: e, Rule: rules[rng.IntN(len(rules))], Level: levels[rng.IntN(3)], Message: "msg <" + b.String()[s:e] + "> & “x”"}
					switch rng.IntN(4) {
					case 1:
						d.Fixes = []lint.SuggestedFix{lint.Replace(s, e, "صح", lint.Safe)}
					case 2:
						d.Fixes = []lint.SuggestedFix{lint.Replace(s, e, "", lint.Unsafe), lint.Replace(s, e, "<x>", lint.Safe)}
					case 3:
						d.Fixes = []lint.SuggestedFix{{Applicability: lint.Safe, Message: "two", Edits: []lint.TextEdit{{Start: e, End: e, New: "!"}, {Start: s, End: s, New: "«"}}}}
					}
					f.Diagnostics = append(f.Diagnostics, d)
				}
			}
			files = append(files, f)
		}
		cases = append(cases, files)
	}
	return cases
}

// TestStreamSameBytes: the streamed formats write the bytes the writers
// that held every file wrote.
func TestStreamSameBytes(t *testing.T) {
	known := []*lint.Rule{{ID: "spelling/misspelling", Summary: "s", Category: "spelling"}, {ID: "orthography/final-yeh", Level: lint.Warning}}
	so := SARIFOptions{Version: "1.2", Root: "/r", Lang: i18n.En}
	gh := GitHubOptions{Root: "/r", Lang: i18n.En}
	for i, files := range streamCases(t) {
		for _, format := range StreamFormats {
			var got, want bytes.Buffer
			var err1, err2 error
			switch format {
			case "json":
				err1, err2 = WriteJSON(&got, files), legacyWriteJSON(&want, files)
			case "rdjson":
				err1, err2 = WriteRDJSON(&got, files, i18n.En), legacyWriteRDJSON(&want, files)
			case "checkstyle":
				err1, err2 = WriteCheckstyle(&got, files), legacyWriteCheckstyle(&want, files)
			case "github":
				err1, err2 = WriteGitHub(&got, files, gh), legacyWriteGitHub(&want, files, gh)
			case "sarif":
				err1, err2 = WriteSARIF(&got, files, known, so), legacyWriteSARIF(&want, files, known, so)
			}
			if err1 != nil || err2 != nil {
				t.Fatalf("case %d %s: %v, %v", i, format, err1, err2)
			}
			if got.String() != want.String() {
				t.Errorf("case %d %s: streamed\n%s\nwant\n%s", i, format, got.String(), want.String())
			}
		}
	}
}

// TestStreamWritesAsItGoes: each file's part is on the writer once it is
// written (sarif: in its spool), before the next file is rendered, and
// nothing is written before the first part.
func TestStreamWritesAsItGoes(t *testing.T) {
	var files []lint.File
	for _, fs := range streamCases(t) {
		for _, f := range fs {
			if len(f.Diagnostics) > 0 {
				files = append(files, f)
			}
		}
	}
	for _, format := range StreamFormats {
		var out bytes.Buffer
		s, err := NewStream(&out, format, StreamOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if out.Len() != 0 {
			t.Errorf("%s: %d bytes written before the first part", format, out.Len())
		}
		for _, f := range files[:3] {
			p, err := s.Render(f)
			if err != nil {
				t.Fatal(err)
			}
			before := out.Len()
			if s.spool != nil {
				before = spoolLen(s)
			}
			if err := s.Write(p); err != nil {
				t.Fatal(err)
			}
			after := out.Len()
			if s.spool != nil {
				after = spoolLen(s)
			}
			if after <= before {
				t.Errorf("%s: writing %s's part wrote nothing", format, f.Doc.Path)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func spoolLen(s *Stream) int {
	if b, ok := s.spool.(*bytes.Buffer); ok {
		return b.Len()
	}
	fi, err := s.tmp.Stat()
	if err != nil {
		return -1
	}
	return int(fi.Size())
}
