package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/daqiq/daqiq/cmd/internal/batch"
	"github.com/daqiq/daqiq/engine"
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// marked is a fixture's expected finding, ⟦flagged|suggestion⟧.
var marked = regexp.MustCompile(`⟦([^|⟧]*)(\|[^⟧]*)?⟧`)

// articles makes JSON Lines from testdata: the sample articles and every
// document of the rule fixtures (markers removed), some with a date or a
// format, and a few lines daqiq batch refuses.
func articles(t *testing.T) []byte {
	root := filepath.Join("..", "..", "testdata")
	var docs []string
	for _, pat := range []string{"articles/*.txt", "articles/*/*", "rules/*/*.txt"} {
		files, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range strings.Split(string(b), "\n---\n") {
				var keep []string
				for _, l := range strings.Split(d, "\n") {
					if !strings.HasPrefix(l, "#!") {
						keep = append(keep, l)
					}
				}
				d := strings.TrimSpace(marked.ReplaceAllString(strings.Join(keep, "\n"), "$1"))
				if d == "" {
					continue
				}
				docs = append(docs, d)
				// and each paragraph of a longer one, on its own
				if paras := strings.Split(d, "\n\n"); len(paras) > 1 {
					for _, para := range paras {
						if para = strings.TrimSpace(para); para != "" {
							docs = append(docs, para)
						}
					}
				}
			}
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for i, d := range docs {
		rec := map[string]any{"id": fmt.Sprintf("a%04d", i), "text": d}
		switch i % 7 {
		case 1:
			rec["date"] = "2024-03-15"
		case 2:
			rec["format"] = "md"
		case 3:
			rec["id"] = i // a number: echoed as given, its string form the path
		}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
		if i%50 == 0 {
			b.WriteString("\n") // blank lines are skipped, but counted
		}
	}
	b.WriteString(`{"id":"no-text"}` + "\n")
	b.WriteString("not JSON\n")
	b.WriteString(`{"id":"bad-date","text":"نص","date":"yesterday"}` + "\n")
	b.WriteString(`{"id":"bad-format","text":"نص","format":"pdf"}` + "\n")
	b.WriteString(`{"id":"last","text":"إجتماع بلا سطر أخير"}`) // no final line break
	return b.Bytes()
}

// readShards reads the findings shards, pattern PREFIX-findings-*.jsonl:
// each one whole lines, none left half written (.tmp).
func readShards(t *testing.T, pattern string) []string {
	t.Helper()
	shards, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	if len(shards) == 0 {
		t.Fatalf("no shard %s", pattern)
	}
	tmp, _ := filepath.Glob(pattern + ".tmp")
	if len(tmp) > 0 {
		t.Errorf("left half written: %q", tmp)
	}
	var all []string
	for _, f := range shards {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) == 0 || b[len(b)-1] != '\n' {
			t.Errorf("%s: empty, or its last line unended", f)
		}
		all = append(all, lines(t, b)...)
	}
	t.Logf("%d lines in %d shards", len(all), len(shards))
	return all
}

func lines(t *testing.T, b []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// byID sorts output lines by their id, then by the whole line (error
// lines without an id).
func byID(t *testing.T, ls []string) {
	id := func(l string) string {
		var v struct{ ID json.RawMessage }
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("output line %.80q: %v", l, err)
		}
		return string(v.ID)
	}
	slices.SortFunc(ls, func(a, b string) int {
		return strings.Compare(id(a)+"\x00"+a, id(b)+"\x00"+b)
	})
}

// TestPipelineEqualsBatch runs the pipeline on Prism and daqiq batch's
// Run on the same JSON Lines: the same lines, in another order; the
// counts per rule and per source add up to them.
func TestPipelineEqualsBatch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "articles.jsonl")
	data := articles(t)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	fields := batch.Fields{Text: "text", ID: "id", Date: "date", Format: "format"}

	eng, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	failed, err := batch.Run(bytes.NewReader(data), &want, batch.Options{Engine: eng, SettingsPath: in, Fields: fields, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	wantLines := lines(t, want.Bytes())
	if len(wantLines) < 300 || failed != 4 {
		t.Fatalf("batch: %d lines, %d failed; want 300 or more, 4 failed", len(wantLines), failed)
	}

	o := Options{Inputs: []string{filepath.Join(dir, "*.jsonl")}, Output: filepath.Join(dir, "out", "t"),
		Fields: fields, Jobs: 2, BlockBytes: 8 << 10}
	p, s := beam.NewPipelineWithRoot()
	Build(s, o)
	if _, err := prism.Execute(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	findings, rulesOut, sourcesOut := o.Outputs()
	gotLines := readShards(t, findings)
	byID(t, wantLines)
	byID(t, gotLines)
	if !slices.Equal(gotLines, wantLines) {
		for i := range min(len(gotLines), len(wantLines)) {
			if gotLines[i] != wantLines[i] {
				t.Fatalf("line %d (sorted by id) differs:\npipeline: %.300s\nbatch:    %.300s", i+1, gotLines[i], wantLines[i])
			}
		}
		t.Fatalf("pipeline wrote %d lines, batch %d", len(gotLines), len(wantLines))
	}

	// the counts
	perRule := map[string]int{}
	diags := 0
	for _, l := range wantLines {
		var v struct{ Diagnostics []struct{ Rule string } }
		json.Unmarshal([]byte(l), &v)
		for _, d := range v.Diagnostics {
			perRule[d.Rule]++
			diags++
		}
	}
	if diags < 100 {
		t.Fatalf("only %d findings in the input", diags)
	}
	b, err := os.ReadFile(rulesOut)
	if err != nil {
		t.Fatal(err)
	}
	rl := lines(t, b)
	if !slices.IsSorted(rl) || len(rl) != len(perRule) {
		t.Errorf("%s: %d lines (sorted: %v), want %d rules", rulesOut, len(rl), slices.IsSorted(rl), len(perRule))
	}
	for _, l := range rl {
		var v struct {
			Rule               string
			Findings, Articles int
		}
		json.Unmarshal([]byte(l), &v)
		if v.Findings != perRule[v.Rule] || v.Articles < 1 || v.Articles > v.Findings {
			t.Errorf("%s: %s; want %d findings", rulesOut, l, perRule[v.Rule])
		}
	}
	b, err = os.ReadFile(sourcesOut)
	if err != nil {
		t.Fatal(err)
	}
	var src struct {
		Source                     string
		Articles, Failed, Findings int
		Rules                      map[string]int
	}
	if sl := lines(t, b); len(sl) != 1 || json.Unmarshal([]byte(sl[0]), &src) != nil {
		t.Fatalf("%s: %q, want one line", sourcesOut, sl)
	}
	if src.Source != in || src.Articles != len(wantLines) || src.Failed != failed || src.Findings != diags || !equalMaps(src.Rules, perRule) {
		t.Errorf("%s: %+v; want %s, %d articles, %d failed, %d findings", sourcesOut, src, in, len(wantLines), failed, diags)
	}
}

func equalMaps(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestTextInput: with --input-format txt each file is an article, its id
// its path, its format its extension; its line is batch's for that
// record.
func TestTextInput(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "عقد إجتماع اليوم.\n",
		"b.md":  "# عنوان\n\nعقد إجتماع اليوم.\n",
		"c.txt": "نص سليم.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eng, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	fields := batch.Fields{Text: "text", ID: "id", Format: "format"}
	var want []string
	for name, text := range files {
		p := filepath.Join(dir, name)
		rec, _ := json.Marshal(map[string]string{"id": p, "text": text, "format": textFormat(p)})
		r := batch.CheckLine(rec, 1, batch.Options{Engine: eng, SettingsPath: p, Fields: fields})
		want = append(want, strings.TrimSuffix(string(r.JSON), "\n"))
	}
	o := Options{Inputs: []string{filepath.Join(dir, "*")}, TextInput: true, Output: filepath.Join(dir, "out", "t"), Fields: fields, Jobs: 1}
	p, s := beam.NewPipelineWithRoot()
	Build(s, o)
	if _, err := prism.Execute(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	findings, _, _ := o.Outputs()
	gotLines := readShards(t, findings)
	got := strings.Join(gotLines, "\n")
	slices.Sort(gotLines)
	slices.Sort(want)
	if !slices.Equal(gotLines, want) {
		t.Fatalf("pipeline:\n%s\nwant:\n%s", strings.Join(gotLines, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(strings.Join(gotLines, "\n"), "hamzat-wasl") {
		t.Errorf("no finding in %s", got)
	}
}

// TestShards calls writeShardsFn as a runner does, bundle by bundle: each
// bundle with lines gives a shard of its own, holding exactly its lines;
// none is visible while it is written; an empty bundle writes nothing; a
// failed bundle leaves nothing once the next one starts (its retry) or
// the instance is torn down.
func TestShards(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	fn := &writeShardsFn{Prefix: filepath.Join(dir, "out", "t-findings-")}
	pattern := fn.Prefix + "*.jsonl"
	shards := func() map[string]string {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m[string(b)] = f
		}
		if len(m) != len(files) {
			t.Fatalf("shards with the same content: %q", files)
		}
		return m
	}
	bundle := func(ls []string, finish bool) {
		t.Helper()
		if err := fn.StartBundle(ctx); err != nil {
			t.Fatal(err)
		}
		before := len(shards())
		for _, l := range ls {
			if err := fn.ProcessElement(ctx, l); err != nil {
				t.Fatal(err)
			}
		}
		if n := len(shards()); n != before {
			t.Fatalf("a shard appeared before FinishBundle: %d, was %d", n, before)
		}
		if finish {
			if err := fn.FinishBundle(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	bundle([]string{`{"id":"a"}`, `{"id":"b"}`}, true)
	bundle([]string{`{"id":"c"}`}, true)
	bundle(nil, true)                     // empty
	bundle([]string{`{"id":"d"}`}, false) // fails before FinishBundle
	bundle([]string{`{"id":"d"}`}, true)  // its retry
	bundle([]string{`{"id":"e"}`}, false) // fails; the instance is torn down
	if err := fn.Teardown(ctx); err != nil {
		t.Fatal(err)
	}

	got := shards()
	want := []string{"{\"id\":\"a\"}\n{\"id\":\"b\"}\n", "{\"id\":\"c\"}\n", "{\"id\":\"d\"}\n"}
	if len(got) != len(want) {
		t.Errorf("%d shards, want %d: %q", len(got), len(want), got)
	}
	for _, w := range want {
		if got[w] == "" {
			t.Errorf("no shard holding exactly %q; shards: %q", w, got)
		}
	}
	all, _ := filepath.Glob(filepath.Join(dir, "out", "*"))
	if len(all) != len(want) {
		t.Errorf("files left: %q, want only the %d shards", all, len(want))
	}
	for f := range maps.Values(got) {
		if !regexp.MustCompile(`^t-findings-[0-9a-f]{16}\.jsonl$`).MatchString(filepath.Base(f)) {
			t.Errorf("shard name %s", f)
		}
	}
}

// TestEarlierShards: an --output with the findings shards of an earlier
// run is refused.
func TestEarlierShards(t *testing.T) {
	dir := t.TempDir()
	o := Options{Output: filepath.Join(dir, "t")}
	if err := noEarlierShards(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(o.Output+"-findings-0123456789abcdef.jsonl", []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := noEarlierShards(context.Background(), o); err == nil {
		t.Fatal("shards of an earlier run: no error")
	}
}
