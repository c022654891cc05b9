package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/corpus"
)

type batchOut struct {
	ID          any    `json:"id"`
	Line        int    `json:"line"`
	Error       string `json:"error"`
	Diagnostics []struct {
		Path string `json:"path"`
		Rule string `json:"rule"`
		Text string `json:"text"`
	} `json:"diagnostics"`
}

func runBatchCLI(t *testing.T, stdin string, args ...string) ([]batchOut, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"daqiq", "batch"}, args...), strings.NewReader(stdin), &out, &errb)
	var res []batchOut
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if l == "" {
			continue
		}
		var o batchOut
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		res = append(res, o)
	}
	return res, errb.String(), code
}

func jsonLine(v map[string]any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestBatchOrder: with four workers and articles of very different sizes
// the output keeps the input order and equals the one-worker output.
func TestBatchOrder(t *testing.T) {
	arts := corpus.Articles(corpus.Generate(7, 400<<10), 2<<10)
	var in strings.Builder
	for i := 0; i < 200; i++ {
		text := string(arts[i%len(arts)])
		if i%7 == 0 {
			text = "قال هاذا"
		}
		if i%5 == 0 {
			text = strings.Repeat(text, 8)
		}
		in.WriteString(jsonLine(map[string]any{"id": fmt.Sprintf("art-%03d", i), "text": text}) + "\n")
	}
	var one, four, errb bytes.Buffer
	if code := run([]string{"daqiq", "batch", "-j", "1"}, strings.NewReader(in.String()), &one, &errb); code != 0 {
		t.Fatalf("-j 1: exit %d: %s", code, errb.String())
	}
	if code := run([]string{"daqiq", "batch", "-j", "4"}, strings.NewReader(in.String()), &four, &errb); code != 0 {
		t.Fatalf("-j 4: exit %d: %s", code, errb.String())
	}
	if one.String() != four.String() {
		t.Fatal("-j 4 output differs from -j 1")
	}
	res, _, _ := runBatchCLI(t, in.String(), "-j", "4")
	if len(res) != 200 {
		t.Fatalf("%d output lines, want 200", len(res))
	}
	flagged := 0
	for i, o := range res {
		want := fmt.Sprintf("art-%03d", i)
		if o.ID != want || o.Error != "" {
			t.Fatalf("line %d: id %v error %q, want id %s", i+1, o.ID, o.Error, want)
		}
		for _, d := range o.Diagnostics {
			if d.Path != want {
				t.Fatalf("line %d: path %q, want %q", i+1, d.Path, want)
			}
		}
		if len(o.Diagnostics) > 0 {
			flagged++
		}
	}
	if flagged < 100 {
		t.Errorf("only %d of 200 articles have findings", flagged)
	}
}

// TestBatchErrors: a bad line gives an error line in its place, the
// stream goes on, and the exit code is 2 at the end (0 with --exit-zero).
func TestBatchErrors(t *testing.T) {
	in := strings.Join([]string{
		`{"id": 1, "text": "تحمل الوزير المسؤلية"}`,
		`{"id": 2, "text": "نص بلا`, // cut short
		`not json`,
		`[1, 2]`,
		``, // blank lines are skipped
		`{"id": 3, "text": "قال"} {}`,
		`{"id": "no-text", "body": "قال هاذا"}`,
		`{"text": 42, "id": 5}`,
		`{"id": 6, "text": "قال هاذا", "date": "yesterday"}`,
		`{"id": 7, "text": "قال هاذا", "fmt": "docx"}`,
		`{"id": 8, "text": "قال هاذا"}`,
		`{"text": "قال هاذا"}`,
	}, "\n")
	res, stderr, code := runBatchCLI(t, in, "-j", "3", "--date-field", "date", "--format-field", "fmt")
	if code != 2 || !strings.Contains(stderr, "8 lines failed") {
		t.Fatalf("exit %d, stderr %q: want 2 and 8 lines failed", code, stderr)
	}
	want := []struct {
		id    any
		line  int
		error string
	}{
		{1.0, 0, ""},
		{2.0, 2, "invalid JSON: unexpected EOF"}, // the id was read before the cut
		{nil, 3, "invalid JSON"},
		{nil, 4, "not a JSON object"},
		{3.0, 6, "data after the object"},
		{"no-text", 7, `no "text" field`},
		{5.0, 8, `field "text" is not a string`},
		{6.0, 9, `"yesterday" is not a date`},
		{7.0, 10, `unknown format "docx"`},
		{8.0, 0, ""},
		{nil, 0, ""},
	}
	if len(res) != len(want) {
		t.Fatalf("%d output lines, want %d: %+v", len(res), len(want), res)
	}
	for i, w := range want {
		o := res[i]
		if o.ID != w.id || o.Line != w.line || !strings.Contains(o.Error, w.error) || (w.error == "") != (o.Error == "") {
			t.Errorf("output %d: %+v, want id %v line %d error %q", i+1, o, w.id, w.line, w.error)
		}
		if w.error == "" && len(o.Diagnostics) != 1 {
			t.Errorf("output %d: %d diagnostics, want 1", i+1, len(o.Diagnostics))
		}
	}
	if res[10].Diagnostics[0].Path != "-" {
		t.Errorf("no id: path %q, want -", res[10].Diagnostics[0].Path)
	}
	if _, _, code := runBatchCLI(t, in, "--exit-zero"); code != 0 {
		t.Errorf("--exit-zero: exit %d", code)
	}
	if _, _, code := runBatchCLI(t, `{"id":1,"text":"قال هاذا"}`); code != 0 {
		t.Errorf("findings only: exit %d, want 0", code)
	}
}

// TestBatchFields: other field names, the id echoed as given, Markdown and
// HTML, the dateline, a line longer than the limit (16 MiB).
func TestBatchFields(t *testing.T) {
	in := strings.Join([]string{
		`{"key": 12345678901234567890123, "body": "كان يوم الأحد 30 نوفمبر 2024 هادئا.", "d": "2024-11-30T09:00:00+03:00"}`,
		`{"key": {"feed": "wire", "n": 3}, "body": "# عنوان\n\n` + "`هاذا`" + ` قال هاذا", "kind": "md"}`,
		`{"key": "h1", "body": "<p>قال <code>هاذا</code> هاذا</p>", "kind": "html"}`,
		`{"key": "a.md", "body": "` + "`هاذا`" + `"}`,
		// just over 16 MiB: skipped, not held (cmd/internal/batch tests the limit exactly)
		`{"key": "long", "body": "` + strings.Repeat("ب", 8<<20) + `"}`,
	}, "\n")
	var out, errb bytes.Buffer
	code := run([]string{"daqiq", "batch", "--text-field", "body", "--id-field", "key", "--date-field", "d", "--format-field", "kind", "-"},
		strings.NewReader(in), &out, &errb)
	if code != 2 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines: %s", len(lines), out.String())
	}
	for i, want := range []string{
		`{"id":12345678901234567890123,"diagnostics":[{"path":"12345678901234567890123","rule":"dates/weekday-mismatch"`,
		`{"id":{"feed":"wire","n":3},"diagnostics":[{"path":"{\"feed\":\"wire\",\"n\":3}","rule":"spelling/misspelling","severity":"error","message":"“هاذا” is misspelled: write “هذا”","line":3,"column":12,`,
		`{"id":"h1","diagnostics":[{"path":"h1","rule":"spelling/misspelling","severity":"error","message":"“هاذا” is misspelled: write “هذا”","line":1,"column":26,`,
		// without a format field an article is plain text, whatever its id
		`{"id":"a.md","diagnostics":[{"path":"a.md","rule":"spelling/misspelling"`,
		`{"id":null,"line":5,"error":"line longer than 16777216 bytes"}`,
	} {
		if !strings.HasPrefix(lines[i], want) {
			t.Errorf("line %d:\n got %s\nwant %s…", i+1, lines[i], want)
		}
	}
	if strings.Count(lines[1], `"rule"`) != 1 || strings.Count(lines[2], `"rule"`) != 1 {
		t.Errorf("code in Markdown or HTML was checked:\n%s\n%s", lines[1], lines[2])
	}
}

// TestBatchFile reads a file named on the command line and finds the
// configuration next to it.
func TestBatchFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".daqiq.toml"), []byte("[rules.\"spelling/misspelling\"]\nenabled = false\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "in.jsonl"), []byte(`{"id":1,"text":"قال هاذا في في"}`+"\n"), 0o644)
	t.Setenv("DAQIQ_CONFIG", "")
	res, stderr, code := runBatchCLI(t, "", filepath.Join(dir, "in.jsonl"))
	if code != 0 || len(res) != 1 || len(res[0].Diagnostics) != 1 || res[0].Diagnostics[0].Rule != "repetition/repeated-word" {
		t.Fatalf("exit %d %s: %+v", code, stderr, res)
	}
	if _, stderr, code := runBatchCLI(t, "", filepath.Join(dir, "missing.jsonl")); code != 2 || stderr == "" {
		t.Errorf("missing file: exit %d %q", code, stderr)
	}
}

// TestBatchConstantMemory streams 20,000 articles (about 14 MB of JSON in,
// more out) through pipes and samples the heap in use after a collection
// as the output comes: it must stay flat, not grow with the stream.
func TestBatchConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 20,000 articles")
	}
	arts := corpus.Articles(corpus.Generate(3, 2<<20), 512)
	const n = 20000
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	go func() {
		bw := bufio.NewWriter(inW)
		for i := 0; i < n; i++ {
			fmt.Fprintf(bw, "%s\n", jsonLine(map[string]any{"id": i, "text": string(arts[i%len(arts)])}))
		}
		bw.Flush()
		inW.Close()
	}()
	done := make(chan int)
	go func() {
		code := run([]string{"daqiq", "batch", "-j", "4"}, inR, outW, io.Discard)
		outW.Close()
		done <- code
	}()
	var ms runtime.MemStats
	var early, peak uint64
	sc := bufio.NewScanner(outR)
	sc.Buffer(nil, 16<<20)
	lines := 0
	for sc.Scan() {
		if !bytes.HasPrefix(sc.Bytes(), []byte(fmt.Sprintf(`{"id":%d,"diagnostics":[`, lines))) {
			t.Fatalf("line %d: %.80s", lines+1, sc.Bytes())
		}
		lines++
		if lines%1000 == 0 {
			// after a collection HeapInuse is what the pipeline holds
			runtime.GC()
			runtime.ReadMemStats(&ms)
			if lines <= 2000 {
				early = max(early, ms.HeapInuse)
			} else {
				peak = max(peak, ms.HeapInuse)
			}
		}
	}
	if code := <-done; code != 0 || lines != n {
		t.Fatalf("exit %d after %d lines, want 0 after %d", code, lines, n)
	}
	t.Logf("HeapInuse: %.1f MiB over the first 2,000 lines, at most %.1f MiB after", float64(early)/(1<<20), float64(peak)/(1<<20))
	// the input is ~14 MB and the output more: holding a good part of
	// either would show
	if peak > early+4<<20 || peak > 32<<20 {
		t.Errorf("heap grew from %.1f MiB to %.1f MiB as the stream went on", float64(early)/(1<<20), float64(peak)/(1<<20))
	}
}

// TestGenCorpus: the hidden gen-corpus command writes the Go benchmarks'
// corpus, byte for byte, cut into files at paragraph ends, and a word list
// a custom rule accepts.
func TestGenCorpus(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	code := run([]string{"daqiq", "gen-corpus", "--seed", "1", "--size", "200KB", "--files", "7",
		"--out", filepath.Join(dir, "c"), "--jsonl", filepath.Join(dir, "c.jsonl"),
		"--words-from", "../../rules/spelling/data", "--words", "20",
		"--words-file", filepath.Join(dir, "words.txt"), "--wordlist", filepath.Join(dir, "words.toml")},
		strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	names, _ := filepath.Glob(filepath.Join(dir, "c", "*.txt"))
	if len(names) != 7 {
		t.Fatalf("%d files, want 7", len(names))
	}
	var all []byte
	for _, n := range names {
		b, _ := os.ReadFile(n)
		if !bytes.HasSuffix(b, []byte("\n\n")) {
			t.Errorf("%s does not end at a paragraph end", n)
		}
		all = append(all, b...)
	}
	if !bytes.Equal(all, corpus.Generate(1, 200<<10)) {
		t.Error("the files joined are not corpus.Generate(1, 200KB)")
	}
	jl, _ := os.ReadFile(filepath.Join(dir, "c.jsonl"))
	if n := bytes.Count(jl, []byte("\n")); n != 7 {
		t.Errorf("%d JSON lines, want 7", n)
	}
	words, _ := os.ReadFile(filepath.Join(dir, "words.txt"))
	if n := len(strings.Fields(string(words))); n != 20 {
		t.Errorf("%d words, want 20", n)
	}
	cfg := "[[rule]]\nid = \"bench/words\"\nkind = \"substitution\"\nwordlists = [\"words.toml\"]\n"
	os.WriteFile(filepath.Join(dir, "cfg.toml"), []byte(cfg), 0o644)
	out.Reset()
	if code := run([]string{"daqiq", "rules", "--config", filepath.Join(dir, "cfg.toml")}, nil, &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "bench/words") || !strings.Contains(out.String(), "[20 entries]") {
		t.Errorf("the word list as a custom rule: exit %d\n%s%s", code, out.String(), errb.String())
	}
}

// TestBatchSourceField: --source-field names the field holding each
// article's wire copy (its text, not a path).
func TestBatchSourceField(t *testing.T) {
	wire := "الرباط - الثلاثاء 14 مايو 2024\nافتتح وزير الفلاحة المغربي، اليوم الثلاثاء، المعرض الدولي للتمور في مدينة أرفود بمشاركة 180 عارضا من 12 دولة.\n"
	article := "الخميس 16 مايو 2024\nافتتح وزير الفلاحة المغربي، اليوم الثلاثاء، المعرض الدولي للتمور في مدينة أرفود بمشاركة 210 عارضين من 12 دولة.\n"
	in := jsonLine(map[string]any{"id": "a1", "body": article, "agency": wire})
	sources := func(res []batchOut) (got []string) {
		for _, d := range res[0].Diagnostics {
			if strings.HasPrefix(d.Rule, "source/") {
				got = append(got, d.Rule+" "+d.Text)
			}
		}
		return got
	}
	res, stderr, code := runBatchCLI(t, in, "--text-field", "body", "--source-field", "agency")
	if code != 0 || len(res) != 1 {
		t.Fatalf("exit %d %s: %+v", code, stderr, res)
	}
	if got := strings.Join(sources(res), ", "); got != "source/date اليوم الثلاثاء, source/number 210" {
		t.Errorf("source findings: %s", got)
	}
	res, _, _ = runBatchCLI(t, in, "--text-field", "body")
	if got := sources(res); len(got) != 0 {
		t.Errorf("without --source-field: %v", got)
	}
	var help bytes.Buffer
	run([]string{"daqiq", "batch", "--help"}, strings.NewReader(""), &help, &help)
	if !strings.Contains(help.String(), "--source-field") {
		t.Error("batch --help does not name --source-field")
	}
}
