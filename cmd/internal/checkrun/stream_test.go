package checkrun

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/daqiq/daqiq/engine"
)

// TestStreamBounded: Stream reads each file in a worker just before it is
// checked and emits the results in input order; at most 4 x jobs files
// (and one being emitted) are held at a time, however many there are.
func TestStreamBounded(t *testing.T) {
	dir := t.TempDir()
	const n = 120
	var inputs []*Input
	eng, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("قال الوزير إن الاجتماع رقم %d عقد فى العاصمة.\n", i)), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, &Input{Path: p, real: p, Engine: eng, From: p})
	}
	for _, jobs := range []int{1, 2, 4} {
		var mu sync.Mutex
		held, most := 0, 0
		ProcessHook = func(string) {
			mu.Lock()
			held++
			most = max(most, held)
			mu.Unlock()
		}
		var order []string
		err := Stream(inputs, Options{}, jobs, nil, func(in *Input, r *Result) error {
			mu.Lock()
			held--
			mu.Unlock()
			if r.Err != nil {
				t.Errorf("%s: %v", in.Path, r.Err)
			}
			if len(r.File.Diagnostics) == 0 {
				t.Errorf("%s: no finding (فى)", in.Path)
			}
			order = append(order, in.Path)
			return nil
		})
		ProcessHook = nil
		if err != nil {
			t.Fatal(err)
		}
		if len(order) != n {
			t.Fatalf("-j %d: %d results, want %d", jobs, len(order), n)
		}
		for i, p := range order {
			if p != inputs[i].Path {
				t.Fatalf("-j %d: result %d is %s, want %s", jobs, i, p, inputs[i].Path)
			}
		}
		if most > 4*jobs+1 {
			t.Errorf("-j %d: %d files held at once, want at most %d", jobs, most, 4*jobs+1)
		}
		for _, in := range inputs {
			if in.data != nil {
				t.Fatalf("%s: its content is still held after the run", in.Path)
			}
		}
	}
}

// TestStreamStops: an error from emit stops the run; no file after it is
// started once the workers see it.
func TestStreamStops(t *testing.T) {
	dir := t.TempDir()
	var inputs []*Input
	for i := 0; i < 200; i++ {
		p := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		if err := os.WriteFile(p, []byte("نص قصير.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, &Input{Path: p, real: p})
	}
	var mu sync.Mutex
	started := 0
	ProcessHook = func(string) { mu.Lock(); started++; mu.Unlock() }
	defer func() { ProcessHook = nil }()
	emitted := 0
	err := Stream(inputs, Options{}, 2, nil, func(*Input, *Result) error {
		if emitted++; emitted == 3 {
			return fmt.Errorf("stop")
		}
		return nil
	})
	if err == nil || err.Error() != "stop" {
		t.Fatalf("err = %v, want stop", err)
	}
	if started > 3+4*2+2 {
		t.Errorf("%d files started after the stop at the third, want at most %d", started, 3+4*2+2)
	}
}
