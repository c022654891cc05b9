package rules_test

import (
	"os"
	"os/exec"
	"sync"
	"testing"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/corpus"
	"github.com/daqiq/daqiq/lint/runner"
	"github.com/daqiq/daqiq/lint/source"
	"github.com/daqiq/daqiq/rules"
)

// Each rule family, and each rule, alone on the benchmark corpus of
// BenchmarkBuiltin (20 MB, seed 1, articles of about 4 KB):
//
//	go test ./rules -run '^$' -bench 'Family|Rule' -cpu 1 -benchtime 2x
//
// MB/s is then megabytes per CPU-second. Family/none is the engine alone
// (tokens, proclitic splits, sorting), which every configuration pays; a
// family's own cost is its time minus that.

var benchDocs = sync.OnceValue(func() []*source.Document { return corpus.Documents(1, 20<<20, 4<<10) })

func benchRules(b *testing.B, active []lint.Active) {
	docs := benchDocs()
	n := 0
	for _, d := range docs {
		n += len(d.Src)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			runner.Run(d, active)
		}
	}
}

func builtinActive(b *testing.B) []lint.Active {
	set, err := rules.Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	return set.For("bench.txt")
}

func BenchmarkFamily(b *testing.B) {
	all := builtinActive(b)
	var families []string
	byFamily := map[string][]lint.Active{}
	for _, a := range all {
		if byFamily[a.Category] == nil {
			families = append(families, a.Category)
		}
		byFamily[a.Category] = append(byFamily[a.Category], a)
	}
	b.Run("none", func(b *testing.B) { benchRules(b, nil) })
	for _, f := range families {
		b.Run(f, func(b *testing.B) { benchRules(b, byFamily[f]) })
	}
	b.Run("all", func(b *testing.B) { benchRules(b, all) })
}

func BenchmarkRule(b *testing.B) {
	for _, a := range builtinActive(b) {
		b.Run(a.ID, func(b *testing.B) { benchRules(b, []lint.Active{a}) })
	}
}

// BenchmarkLoad is what every daqiq process pays before its first file:
// building the built-in rules (word lists, lexicons, gazetteer) and the
// default set. The rules and their data are built once per process and
// kept, so each iteration is a fresh process (this test binary, running
// TestLoadChild), and the time of a process that builds nothing
// (BenchmarkLoad/baseline) is reported beside it: the difference is the
// construction.
func BenchmarkLoad(b *testing.B) {
	for _, c := range []struct{ name, what string }{{"baseline", "none"}, {"rules", "rules"}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				cmd := exec.Command(os.Args[0], "-test.run=^TestLoadChild$", "-test.count=1")
				cmd.Env = append(os.Environ(), "DAQIQ_LOAD_CHILD="+c.what)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v\n%s", err, out)
				}
			}
		})
	}
}

// TestLoadChild is BenchmarkLoad's child process; it does nothing in a
// plain test run.
func TestLoadChild(t *testing.T) {
	switch os.Getenv("DAQIQ_LOAD_CHILD") {
	case "":
		t.Skip("run by BenchmarkLoad")
	case "rules":
		set, err := rules.Load(nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(set.For("bench.txt")) == 0 {
			t.Fatal("no rules")
		}
	}
}
