package markup

import (
	"bytes"
	"testing"
)

func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"article.md", "article.html"} {
		_, src := read(b, name)
		big := bytes.Repeat(src, 1000)
		if name == "article.md" {
			// one front matter
			big = append(append([]byte{}, src...), bytes.Repeat(src[bytes.Index(src, []byte("# ")):], 1000)...)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(big)))
			for i := 0; i < b.N; i++ {
				if _, _, err := Parse(name, big, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
