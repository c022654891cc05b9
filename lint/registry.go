package lint

import (
	"fmt"
	"runtime/debug"
	"sort"
	"sync"
)

var (
	registryMu sync.Mutex
	makers     []func() (*Rule, error)
	built      []*Rule
	builtErr   error
	buildOnce  sync.Once
)

// Register adds a built-in rule. Rule files call it from init; the rule is
// made (its data parsed) the first time Builtin is called.
func Register(make func() (*Rule, error)) {
	registryMu.Lock()
	defer registryMu.Unlock()
	makers = append(makers, make)
}

// Builtin returns the built-in rules sorted by id. The slice and the rules
// are shared: callers must not modify them.
func Builtin() ([]*Rule, error) {
	buildOnce.Do(func() {
		registryMu.Lock()
		defer registryMu.Unlock()
		// the data the makers build lives as long as the process: a
		// collection while they run would find nothing to free
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
		// the makers parse their data: run them side by side (a process
		// checking one short file spends most of its time here); the
		// first error in registration order wins, as it would in a loop
		rules := make([]*Rule, len(makers))
		errs := make([]error, len(makers))
		var wg sync.WaitGroup
		for i, mk := range makers {
			wg.Go(func() { rules[i], errs[i] = mk() })
		}
		wg.Wait()
		seen := map[string]bool{}
		for i, r := range rules {
			if errs[i] != nil {
				builtErr = errs[i]
				return
			}
			if seen[r.ID] {
				builtErr = fmt.Errorf("rule %s registered twice", r.ID)
				return
			}
			seen[r.ID] = true
			built = append(built, r)
		}
		sort.Slice(built, func(i, j int) bool { return built[i].ID < built[j].ID })
	})
	return built, builtErr
}
