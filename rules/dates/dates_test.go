package dates_test

import (
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
)

func rule(t *testing.T, id string) *lint.Rule {
	t.Helper()
	all, err := lint.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range all {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no rule %s", id)
	return nil
}

// A Hijri date two days off is a warning, three days an error, whatever
// the rule's level; a lower configured level still wins.
func TestHijriSeverity(t *testing.T) {
	r := rule(t, "dates/hijri-mismatch")
	for _, c := range []struct {
		text  string
		level lint.Severity
		want  lint.Severity
	}{
		{"الجمعة 22 نوفمبر 2024 الموافق 22 جمادى الأولى 1446", lint.Error, lint.Warning},
		{"الجمعة 22 نوفمبر 2024 الموافق 23 جمادى الأولى 1446", lint.Error, lint.Error},
		{"الجمعة 22 نوفمبر 2024 الموافق 23 جمادى الأولى 1446", lint.Info, lint.Info},
	} {
		doc, err := source.New("t.txt", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		ds := runner.Run(doc, []runner.Active{{Rule: r, Level: c.level}})
		if len(ds) != 1 || ds[0].Severity != c.want {
			t.Errorf("%s at %s: %+v, want one %s", c.text, c.level, ds, c.want)
		}
	}
}

// Hijri dates outside the Umm al-Qura table are not judged.
func TestHijriOutsideTable(t *testing.T) {
	r := rule(t, "dates/hijri-mismatch")
	doc, _ := source.New("t.txt", []byte("ولد في 30 رمضان 1200 هـ"))
	if ds := runner.Run(doc, []runner.Active{{Rule: r, Level: r.Level}}); len(ds) != 0 {
		t.Errorf("judged a date outside the table: %+v", ds)
	}
}
