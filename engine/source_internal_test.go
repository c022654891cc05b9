package engine

import (
	"testing"
	"time"

	"github.com/daqiq/daqiq/lint"
	_ "github.com/daqiq/daqiq/rules/dates" // registers the dateline finder
)

// TestReadSource: the wire copy is read with its own dateline (printed at
// its top, or its front matter's) and its tokens.
func TestReadSource(t *testing.T) {
	s, err := ReadSource(Input{Source: []byte("تيرانا - الأربعاء 7 سبتمبر 2022\nقطعت ألبانيا علاقاتها مع إيران.\n"), SourceName: "wire.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2022, 9, 7, 0, 0, 0, 0, time.UTC); !s.Dateline.Date.Equal(want) || s.Dateline.From != lint.InText {
		t.Errorf("dateline %+v, want %v in the text", s.Dateline, want)
	}
	if s.Name != "wire.txt" || len(s.Tokens) == 0 || s.Doc == nil {
		t.Errorf("source %+v", s)
	}
	s, err = ReadSource(Input{Source: []byte("---\ndate: 2022-09-07\n---\nخبر\n"), SourceName: "wire.md"})
	if err != nil || s.Dateline.From != lint.FrontMatter {
		t.Errorf("front matter dateline: %+v, %v", s.Dateline, err)
	}
	if _, err := ReadSource(Input{Source: []byte("\xff\xfe"), SourceName: "wire.txt"}); err == nil {
		t.Error("a wire copy that is not UTF-8: no error")
	}
}
