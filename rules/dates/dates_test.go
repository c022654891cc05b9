package dates_test

import (
	"strings"
	"testing"
	"time"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
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

// The dateline is read only from the forms a desk prints at the top of a
// story, never from a date in the body.
func TestFindDateline(t *testing.T) {
	for _, c := range []struct {
		text, want string // want: YYYY-MM-DD, or "" for none
	}{
		{"عاجل\nالجمعة 22 نوفمبر 2024 الموافق 20 جمادى الأولى 1446\nرئيس التحرير", "2024-11-22"},
		{"تيرانا - الثلاثاء 12 نوفمبر 2024 - أعلنت الحكومة خطة جديدة.", "2024-11-12"},
		{"الرياض، 22 يوليو 2015 (واس) - أعلنت الوزارة النتائج.", "2015-07-22"},
		{"نشر في: 2024-11-22\nأعلنت الوزارة النتائج.", "2024-11-22"},
		{"آخر تحديث: الجمعة 22 نوفمبر 2024 - 10:30 صباحا بتوقيت مكة المكرمة\nأعلنت الوزارة النتائج.", "2024-11-22"},
		{"الجمعة 22 نوفمبر 2024 وصل 30 شخصا\nأعلنت الوزارة النتائج.", ""},
		{"الأحد ١٠/١٠/١٤٣٦\nأعلنت الوزارة النتائج.", "2015-07-26"},
		{"العنوان\nالمحرر\n\nالقسم\nالمدينة\nالصورة\nالجمعة 22 نوفمبر 2024", ""}, // past the opening lines
		{"الرياض، 22 يوليو (واس) - أعلنت الوزارة النتائج.", ""},                  // no year
		{"أعلنت السلطات في 22 نوفمبر 2024 قطع العلاقات.", ""},                    // a sentence
		{"اتفاق 22 نوفمبر 2024 يدخل حيز التنفيذ", ""},                            // a headline
		{"قال الوزير: 22 نوفمبر 2024 موعد نهائي لا تمديد بعده.", ""},             // a quotation
		{"وقال الرئيس في خطابه أمس، 22 نوفمبر 2024 سيبقى يوما لا ينسى.", ""},     // too many words before
		{"تيرانا - الثلاثاء 12 نوفمبر 2024 أعلنت الحكومة خطة جديدة.", ""},        // no mark after the date
		{"الجمعة 31 أبريل 2024", ""},
		{"وجاء البرنامج كالتالي:\nالأحد 2 أبريل 2017\nالساعة 15:00 مباراة الافتتاح", ""},                // a list after a colon
		{"تعيينات الحكام\nالأحد 2 أبريل 2017 :\nالساعة 15:00 مباراة الافتتاح", ""},                      // a heading of a list
		{"الجولة الأولى\nالسبت 1 أبريل 2017\nمباراتان\nالأحد 2 أبريل 2017\nمباراتان", ""},               // a schedule
		{"الأحد 2 أبريل 2017\nالرياض، الأحد 2 أبريل 2017 (واس) - أعلنت الوزارة النتائج.", "2017-04-02"}, // the same date twice // no such day
	} {
		doc, err := source.New("t.txt", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		facts := &lint.Facts{}
		runner.RunFacts(doc, nil, facts)
		got := ""
		if facts.Dateline.Known() {
			got = facts.Dateline.Date.Format("2006-01-02")
			if facts.Dateline.From != lint.InText || facts.Printed != facts.Dateline {
				t.Errorf("%q: dateline %+v, printed %+v", c.text, facts.Dateline, facts.Printed)
			}
		}
		if got != c.want {
			t.Errorf("%q: dateline %q, want %q", c.text, got, c.want)
		}
	}
}

// A given date that contradicts the printed dateline: one warning on the
// printed one, and the relative days are checked against the given date.
func TestDatelineConflict(t *testing.T) {
	r := rule(t, "dates/relative-day")
	text := "الخميس 21 نوفمبر 2024\nأعلنت الحكومة اليوم الجمعة خطة جديدة."
	doc, err := source.New("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	given := lint.Dateline{Date: time.Date(2024, 11, 22, 0, 0, 0, 0, time.UTC), From: lint.Given}
	ds := runner.RunFacts(doc, []lint.Active{{Rule: r, Level: r.Level}}, &lint.Facts{Dateline: given})
	if len(ds) != 1 || ds[0].Level != lint.Warning || text[ds[0].Start:ds[0].End] != "الخميس 21 نوفمبر 2024" {
		t.Fatalf("got %+v, want one warning on the printed dateline", ds)
	}
	// the same date given: silent
	given.Date = given.Date.AddDate(0, 0, -1)
	if ds := runner.RunFacts(doc, []lint.Active{{Rule: r, Level: r.Level}}, &lint.Facts{Dateline: given}); len(ds) != 1 || ds[0].Level == lint.Warning {
		t.Fatalf("got %+v, want only the wrong اليوم الجمعة", ds)
	}
}

// Without a dateline the relative dates are counted, not checked.
func TestUndated(t *testing.T) {
	r := rule(t, "dates/relative-day")
	doc, _ := source.New("t.txt", []byte("أعلنت الحكومة اليوم الأربعاء خطة، بعد اجتماع الخميس الماضي 14 نوفمبر، وتطبق في يوليو المقبل."))
	facts := &lint.Facts{}
	if ds := runner.RunFacts(doc, []lint.Active{{Rule: r, Level: r.Level}}, facts); len(ds) != 0 {
		t.Errorf("checked without a dateline: %+v", ds)
	}
	if facts.Undated != 3 {
		t.Errorf("Undated = %d, want 3", facts.Undated)
	}
}

// A weekday that fits the same day of the dateline's year, where the date
// written is a year off: the year is the fix, in the digits it was written
// in. Without the dateline no fix, but the message asks about the year;
// and a weekday is never the fix (on real copy it is mostly the right
// half).
func TestYearSlip(t *testing.T) {
	r := rule(t, "dates/weekday-mismatch")
	for _, c := range []struct{ text, year, says, saysAr string }{
		{"تونس، الاثنين 16 يناير 2017 (وكالات) - وقال الوزير اليوم الاثنين 16 يناير 2016 إن الإصلاحات مستمرة.", "2017", "the year looks wrong", "السنة خطأ على الأرجح"},
		{"تونس، الاثنين 16 يناير 2017 (وكالات) - وقال الوزير اليوم الاثنين ١٦ يناير ٢٠١٦ إن الإصلاحات مستمرة.", "٢٠١٧", "the year looks wrong", "السنة خطأ على الأرجح"},
		{"وقال الوزير اليوم الاثنين 16 يناير 2016 إن الإصلاحات مستمرة.", "", "16 January 2017 was a Monday (الاثنين): is the year wrong?", "وقد وقع 16 يناير 2017 يوم الاثنين: فهل السنة خطأ؟"},
		{"وقال الوزير اليوم الأربعاء 16 يناير 2016 إن الإصلاحات مستمرة.", "", "check which of the two is wrong", "تحقّق أيهما الخطأ"},
	} {
		doc, err := source.New("t.txt", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if ds := runner.Run(doc, []lint.Active{{Rule: r, Level: r.Level}}); len(ds) != 1 || !strings.Contains(ds[0].Message, c.saysAr) {
			t.Errorf("%s: Arabic findings %+v, want one that says %q", c.text, ds, c.saysAr)
		}
		ds := runner.RunFacts(doc, []lint.Active{{Rule: r, Level: r.Level}}, &lint.Facts{Lang: i18n.En})
		if len(ds) != 1 {
			t.Fatalf("%s: %d findings, want 1", c.text, len(ds))
		}
		if !strings.Contains(ds[0].Message, c.says) {
			t.Errorf("%s: message %q does not say %q", c.text, ds[0].Message, c.says)
		}
		fixes := ds[0].Fixes
		if c.year == "" {
			if len(fixes) != 0 {
				t.Errorf("%s: fixes %+v, want none", c.text, fixes)
			}
			continue
		}
		if len(fixes) != 1 || fixes[0].Edits[0].New != c.year {
			t.Errorf("%s: fixes %+v, want the year %s only", c.text, fixes, c.year)
		}
	}
}

// TestWeekMessageOnce: when the Arabic message quotes the printed
// dateline, it does not give the same day again in brackets; the English
// keeps its English reading of the day, and a dateline given with --date
// (nothing printed) is named with its day in both.
func TestWeekMessageOnce(t *testing.T) {
	r := rule(t, "dates/relative-day")
	for _, c := range []struct {
		text  string
		facts lint.Facts
		want  string
	}{
		{"الجمعة 22 نوفمبر 2024\nوعقد المجلس اجتماعه الأحد الماضي 3 نوفمبر.", lint.Facts{},
			"«الأحد الماضي 3 نوفمبر» لا يقع في الأسبوع الذي يسبق تاريخ الخبر «الجمعة 22 نوفمبر 2024»"},
		{"الجمعة 22 نوفمبر 2024\nوعقد المجلس اجتماعه الأحد الماضي 3 نوفمبر.", lint.Facts{Lang: i18n.En},
			"“الأحد الماضي 3 نوفمبر” is not in the week before the dateline “الجمعة 22 نوفمبر 2024” (Friday 22 November 2024 (الجمعة))"},
		{"وعقد المجلس اجتماعه الأحد الماضي 3 نوفمبر.", lint.Facts{Dateline: lint.Dateline{Date: time.Date(2024, 11, 22, 0, 0, 0, 0, time.UTC), From: lint.Given}},
			"«الأحد الماضي 3 نوفمبر» لا يقع في الأسبوع الذي يسبق تاريخ الخبر ("},
	} {
		doc, err := source.New("t.txt", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		facts := c.facts
		ds := runner.RunFacts(doc, []lint.Active{{Rule: r, Level: r.Level}}, &facts)
		if len(ds) != 1 || !strings.HasPrefix(ds[0].Message, c.want) || c.facts.Dateline.From == lint.NoDateline && c.facts.Lang == i18n.Ar && strings.HasSuffix(ds[0].Message, ")") {
			t.Errorf("%q: %+v, want a message starting %q", c.text, ds, c.want)
		}
	}
}
