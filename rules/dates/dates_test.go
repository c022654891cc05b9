package dates_test

import (
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules/dates"
)

func rule(t *testing.T, id string) *lint.Rule {
	t.Helper()
	for _, mk := range []func() (*lint.Rule, error){
		dates.HijriMismatch, dates.ImpossibleDate, dates.RelativeDay, dates.RelativePeriod, dates.WeekdayMismatch,
	} {
		r, err := mk()
		if err != nil {
			t.Fatal(err)
		}
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
		level lint.Level
		want  lint.Level
	}{
		{"الجمعة 22 نوفمبر 2024 الموافق 22 جمادى الأولى 1446", lint.Error, lint.Warning},
		{"الجمعة 22 نوفمبر 2024 الموافق 23 جمادى الأولى 1446", lint.Error, lint.Error},
		{"الجمعة 22 نوفمبر 2024 الموافق 23 جمادى الأولى 1446", lint.Info, lint.Info},
	} {
		doc, err := source.New("t.txt", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		ds := runner.Run(doc, []lint.Active{{Rule: r, Level: c.level}})
		if len(ds) != 1 || ds[0].Level != c.want {
			t.Errorf("%s at %s: %+v, want one %s", c.text, c.level, ds, c.want)
		}
	}
}

// Hijri dates outside the Umm al-Qura table are not judged.
func TestHijriOutsideTable(t *testing.T) {
	r := rule(t, "dates/hijri-mismatch")
	doc, _ := source.New("t.txt", []byte("ولد في 30 رمضان 1200 هـ"))
	if ds := runner.Run(doc, []lint.Active{{Rule: r, Level: r.Level}}); len(ds) != 0 {
		t.Errorf("judged a date outside the table: %+v", ds)
	}
}

// A weekday written with its own date is that date's to correct: under a
// Friday dateline, "اليوم الاثنين 25 نوفمبر" is flagged by relative-day
// (today is not the 25th) without a fix, since Monday is right for the
// 25th; and fixing a weekday that matches neither does not make
// relative-day and weekday-mismatch undo each other's fix round after
// round.
func TestRelativeDayDatedWeekday(t *testing.T) {
	rd, wm := rule(t, "dates/relative-day"), rule(t, "dates/weekday-mismatch")
	active := []lint.Active{{Rule: rd, Level: lint.Error}, {Rule: wm, Level: lint.Error}}
	newDoc := func(b []byte) (*source.Document, error) { return source.New("a.txt", b) }

	doc, _ := newDoc([]byte("الجمعة 22 نوفمبر 2024\nوقال الوزير اليوم الاثنين 25 نوفمبر إن الاتفاق قريب.\n"))
	ds := runner.Run(doc, active)
	if len(ds) != 1 || ds[0].Rule != rd.ID || len(ds[0].Fixes) != 0 {
		t.Fatalf("want one relative-day finding without a fix, got %+v", ds)
	}

	for _, text := range []string{
		"الجمعة 22 نوفمبر 2024\nوقال الوزير اليوم الأربعاء 3 فبراير إن الاتفاق قريب.\n",
		"1نوفمبر100اليوم أربعاء1فبراير",
	} {
		doc, _ := newDoc([]byte(text))
		out, _, _, err := runner.FixAll(doc, active, true, newDoc)
		if err != nil {
			t.Fatal(err)
		}
		doc2, _ := newDoc(out)
		again, _, n, err := runner.FixAll(doc2, active, true, newDoc)
		if err != nil || n != 0 || string(again) != string(out) {
			t.Errorf("%q: fixed to %q, and a second --fix applies %d fixes more (%q)", text, out, n, again)
		}
	}
}

// In an old Mac file (lone CR line ends) the dateline is still looked for
// in the opening lines only: a date further down is not taken for it.
func TestDatelineLoneCR(t *testing.T) {
	r := rule(t, "dates/relative-day")
	body := "أعلنت الحكومة اليوم الأربعاء خطة جديدة.\rسطر ثان.\rسطر ثالث.\rسطر رابع.\rسطر خامس.\rسطر سادس.\rوكان الاجتماع الأول في 22 نوفمبر 2024.\r"
	doc, err := source.New("mac.txt", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if ds := runner.Run(doc, []lint.Active{{Rule: r, Level: r.Level}}); len(ds) != 0 {
		t.Errorf("a date in line 7 was taken for the dateline: %+v", ds)
	}
}
