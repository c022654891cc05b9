package hunspell

import (
	"hash/maphash"
	"strings"
	"sync"
)

// defaultCacheSize bounds the number of words whose result is cached.
const defaultCacheSize = 1 << 18

const cacheShards = 64

// cache remembers Spell's results per distinct word. Each shard is a map
// that is emptied when it is full: cheap, and enough for the few thousand
// distinct words of a news text that come back again and again.
type cache struct {
	seed   maphash.Seed
	limit  int // per shard
	shards [cacheShards]cacheShard
}

type cacheShard struct {
	mu sync.RWMutex
	m  map[string]bool
}

func newCache(size int) *cache {
	c := &cache{seed: maphash.MakeSeed(), limit: max(size/cacheShards, 1)}
	for i := range c.shards {
		c.shards[i].m = map[string]bool{}
	}
	return c
}

func (c *cache) shard(word string) *cacheShard {
	return &c.shards[maphash.String(c.seed, word)%cacheShards]
}

func (c *cache) get(word string) (ok, found bool) {
	s := c.shard(word)
	s.mu.RLock()
	ok, found = s.m[word]
	s.mu.RUnlock()
	return ok, found
}

func (c *cache) put(word string, ok bool) {
	s := c.shard(word)
	s.mu.Lock()
	if len(s.m) >= c.limit {
		clear(s.m)
	}
	// A copy, so the cache does not keep the caller's text alive.
	s.m[strings.Clone(word)] = ok
	s.mu.Unlock()
}
