package lint

import (
	"fmt"
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
		seen := map[string]bool{}
		for _, mk := range makers {
			r, err := mk()
			if err != nil {
				builtErr = err
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
