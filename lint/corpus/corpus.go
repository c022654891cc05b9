// Package corpus generates reproducible Arabic news-like text for
// benchmarks: the same seed always gives the same bytes. The words are
// ordinary newsroom vocabulary; about one word in a hundred is a known slip
// (a misspelling, فى for في, a doubled word) so that rules have work to do.
package corpus

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/daqiq/daqiq/lint/source"
)

var words = strings.Fields(`
قال وقال أعلن أعلنت أكد وأكد أضاف وأضافت ذكر وذكرت أشار أشارت أوضح صرح نقلت
الرئيس الحكومة الوزير وزير الخارجية الداخلية المالية رئيس الوزراء البرلمان المجلس
الأمن القومي الدولي العربي الإقليمي المحلي الرسمي السياسي الاقتصادي العسكري
في من إلى على عن مع بعد قبل خلال بين حتى منذ لدى عند نحو حول ضد دون
أن إن التي الذي الذين هذا هذه ذلك تلك هناك هنا كما لكن بل ثم أو و
اليوم أمس غدا الأسبوع الماضي المقبل الشهر العام السنة صباح مساء يوم الأحد
الاجتماع اجتماع الانتخابات انتخابات الاستثمار الاتفاق اتفاقية الاحتجاجات
المسؤولية المسؤولين مسؤول المواطنين السكان الشعب الدولة الدول العاصمة المدينة
المستشفى مستوى المستوى الكبرى الأولى الأخرى أدى جرى مضى رأى سعى اشترى انتهى
السلطات الشرطة الجيش القوات الحدود المنطقة البلاد العالم الأمم المتحدة
الشركة الشركات السوق الأسواق الأسعار النفط الغاز الذهب الدولار البنك المركزي
التقرير البيان المؤتمر الصحفي القرار القانون المشروع الخطة البرنامج الموازنة
الهجوم الهجمات الضحايا القتلى الجرحى المصابين الحادث الانفجار الحريق الزلزال
التعليم الصحة الطاقة المياه الكهرباء النقل الطرق المطار الميناء السياحة
الإلكتروني الرقمية التكنولوجيا الإنترنت البيانات المعلومات الأنظمة الشبكة
وكالة الأنباء المصادر مصادر مطلعة مصدر رسمي المتحدث باسم الوزارة المكتب
للحكومة بالحكومة والحكومة فالحكومة للمواطنين بالمسؤولية والمسؤولين لدعم
كبيرة جديدة جديد كبير مهمة واسعة عديدة عدة جميع كل بعض أكثر أقل أول آخر
يذكر ويشار يعد تعد يمكن يجب ينبغي تشهد يشهد تواصل يواصل تستمر يستمر يبلغ
`)

var slips = strings.Fields(`المسؤلية إجتماع الإنتخابات فى التى هاذا لاكن الى مواليين وهى القومى أدي`)

// Generate returns at least size bytes of text in paragraphs of two to five
// sentences, the same for the same seed.
func Generate(seed uint64, size int) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	b.Grow(size + 1024)
	for b.Len() < size {
		for s, n := 0, 2+r.IntN(4); s < n; s++ {
			sentence(r, &b)
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return []byte(b.String())
}

// Articles splits a generated corpus into articles of about size bytes, at
// paragraph ends.
func Articles(text []byte, size int) [][]byte {
	var out [][]byte
	for len(text) > 0 {
		end := min(size, len(text))
		if i := bytes.Index(text[end:], []byte("\n\n")); i >= 0 {
			end += i + 2
		} else {
			end = len(text)
		}
		out = append(out, text[:end])
		text = text[end:]
	}
	return out
}

func sentence(r *rand.Rand, b *strings.Builder) {
	n := 8 + r.IntN(18)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch x := r.IntN(1000); {
		case x < 6:
			b.WriteString(slips[r.IntN(len(slips))])
		case x < 8: // a doubled word
			w := words[r.IntN(len(words))]
			b.WriteString(w + " " + w)
		case x < 40:
			b.WriteString(strconv.Itoa(r.IntN(3000)))
		case x < 48:
			b.WriteString("«" + words[r.IntN(len(words))] + "»")
		default:
			b.WriteString(words[r.IntN(len(words))])
		}
		if i < n-1 && r.IntN(12) == 0 {
			b.WriteString("،")
		}
	}
	b.WriteString([]string{".", ".", ".", "؟", ":"}[r.IntN(5)])
}

// Documents returns the generated corpus of the given size as plain-text
// documents of about articleSize bytes each: what the benchmarks lint.
func Documents(seed uint64, size, articleSize int) []*source.Document {
	var docs []*source.Document
	for _, a := range Articles(Generate(seed, size), articleSize) {
		doc, err := source.New("bench.txt", a)
		if err != nil {
			panic(err) // the generator writes valid UTF-8
		}
		docs = append(docs, doc)
	}
	return docs
}
