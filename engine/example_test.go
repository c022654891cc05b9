package engine_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
)

// A newsroom CMS checks an article before it is published: it builds the
// engine once (here with the default rules; config.Load reads a
// .daqiq.toml), then, for each article, shows the findings and keeps the
// text with the safe fixes applied.
func Example() {
	eng, err := engine.New(nil)
	if err != nil {
		log.Fatal(err)
	}
	article := "أعلنت الوزارة اليوم الأحد خطة جديدة فى العاصمة، وقال الوزير إن الخطة تشمل عقد إجتماع أسبوعي.\n"
	res, err := eng.Check(context.Background(), engine.Input{
		Path:     "news/plan.txt",
		Src:      []byte(article),
		Dateline: time.Date(2024, time.November, 22, 0, 0, 0, 0, time.UTC),
		Fix:      engine.SafeFixes,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d safe fixes applied:\n%s", res.Applied, res.Fixed)
	fmt.Println("left for the editor:")
	for _, d := range res.Diagnostics {
		pos := res.Doc.Pos(d.Start)
		fmt.Printf("%d:%d %s %s %v\n", pos.Line, pos.Column, d.Level, d.Rule, lint.Suggestions(res.Doc.Src, d))
	}
	fmt.Println("dateline:", res.Dateline.Date.Format("2006-01-02"), "from", res.Dateline.From)
	fmt.Println("publish:", !eng.Fails(res))
	// Output:
	// 2 safe fixes applied:
	// أعلنت الوزارة اليوم الأحد خطة جديدة في العاصمة، وقال الوزير إن الخطة تشمل عقد اجتماع أسبوعي.
	// left for the editor:
	// 1:21 error dates/relative-day [الجمعة]
	// dateline: 2024-11-22 from given
	// publish: false
}
