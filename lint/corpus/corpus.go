// Package corpus generates reproducible Arabic news-like text for
// benchmarks: the same seed always gives the same bytes. The words are
// ordinary newsroom vocabulary; 6 words in 1,000 are a known slip (a
// misspelling, فى for في: the list slips) and 2 in 1,000 are written twice,
// so that rules have work to do. 3% of the words are numbers, 0.8% are
// quoted «...», and one word in 12 is followed by a comma.
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
			if s > 0 {
				b.WriteByte(' ')
			}
			sentence(r, &b)
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
	prev := ""
	// word draws a vocabulary word other than the one before it: a word
	// written twice is only ever a planted one
	word := func() string {
		for {
			if w := words[r.IntN(len(words))]; w != prev {
				return w
			}
		}
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := ""
		switch x := r.IntN(1000); {
		case x < 6:
			w = slips[r.IntN(len(slips))]
			b.WriteString(w)
		case x < 8: // a doubled word
			w = word()
			b.WriteString(w + " " + w)
		case x < 40:
			b.WriteString(strconv.Itoa(r.IntN(3000)))
		case x < 48:
			b.WriteString("«" + word() + "»")
		default:
			w = word()
			b.WriteString(w)
		}
		prev = w
		if i < n-1 && r.IntN(12) == 0 {
			b.WriteString("،")
			prev = ""
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
