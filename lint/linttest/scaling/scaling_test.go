package scaling

import (
	"testing"
)

// fakeTB records a failure instead of failing the test that uses it.
type fakeTB struct {
	testing.TB
	failed bool
}

func (f *fakeTB) Helper()               {}
func (f *fakeTB) Logf(string, ...any)   {}
func (f *fakeTB) Errorf(string, ...any) { f.failed = true }
func (f *fakeTB) Fatalf(string, ...any) { f.failed = true; panic(f) }
func (f *fakeTB) run(n int, work func(int)) (failed bool) {
	defer func() {
		if r := recover(); r != nil && r != any(f) {
			panic(r)
		}
		failed = f.failed
	}()
	Linear(f, n, func(n int) func() { return func() { work(n) } })
	return f.failed
}

var sink int

// A linear loop passes; a quadratic one fails.
func TestLinear(t *testing.T) {
	linear := func(n int) {
		for i := range n * 2000 {
			sink += i
		}
	}
	quadratic := func(n int) {
		for i := range n * n / 2 {
			sink += i
		}
	}
	if (&fakeTB{}).run(2000, linear) {
		t.Error("a linear loop failed")
	}
	if !(&fakeTB{}).run(2000, quadratic) {
		t.Error("a quadratic loop passed")
	}
}
