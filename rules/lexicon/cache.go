package lexicon

import (
	"hash/maphash"
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint/hunspell"
)

// openDict loads one Hunspell dictionary.
func openDict(aff, dic string) (*hunspell.Dict, error) { return hunspell.Open(aff, dic) }

// verdictCache remembers the verdict on each distinct word: most words of
// a text come back again and again, and a rejected word costs a dozen
// dictionary lookups. Sharded maps, each emptied when full.
type verdictCache struct {
	once   sync.Once
	seed   maphash.Seed
	shards [64]verdictShard
}

type verdictShard struct {
	mu sync.RWMutex
	m  map[string]*verdict
}

const verdictsPerShard = 1 << 13

func (c *verdictCache) shard(k string) *verdictShard {
	c.once.Do(func() {
		c.seed = maphash.MakeSeed()
		for i := range c.shards {
			c.shards[i].m = map[string]*verdict{}
		}
	})
	return &c.shards[maphash.String(c.seed, k)%uint64(len(c.shards))]
}

// get returns the verdict on k and whether there is one; nil means the
// word is not flagged.
func (c *verdictCache) get(k string) (*verdict, bool) {
	s := c.shard(k)
	s.mu.RLock()
	v, ok := s.m[k]
	s.mu.RUnlock()
	return v, ok
}

func (c *verdictCache) put(k string, v *verdict) {
	s := c.shard(k)
	s.mu.Lock()
	if len(s.m) >= verdictsPerShard {
		clear(s.m)
	}
	s.m[strings.Clone(k)] = v
	s.mu.Unlock()
}
