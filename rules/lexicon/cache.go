package lexicon

import (
	"hash/maphash"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint/hunspell"
)

// Environment variables of the compiled-dictionary cache.
const (
	// CacheDirEnv replaces the user cache directory of daqiq
	// (os.UserCacheDir()/daqiq: $XDG_CACHE_HOME/daqiq or ~/.cache/daqiq
	// on Linux); the compiled dictionaries are in its hunspell directory.
	CacheDirEnv = "DAQIQ_CACHE_DIR"
	// NoCacheEnv, set to anything but "" or "0", turns the cache off:
	// dictionaries are parsed at every start and nothing is written.
	NoCacheEnv = "DAQIQ_NO_CACHE"
)

// openDict loads one Hunspell dictionary: parsed from its .aff and .dic
// files the first time, from the compiled form the cache keeps of them
// later (about 5 ms instead of 65–110 ms for Debian's Arabic dictionary).
func openDict(aff, dic string) (*hunspell.Dict, error) {
	return hunspell.OpenCached(aff, dic, dictCacheDir())
}

// dictCacheDir is where compiled dictionaries are kept; "" for nowhere.
func dictCacheDir() string {
	if v := os.Getenv(NoCacheEnv); v != "" && v != "0" {
		return ""
	}
	if d := os.Getenv(CacheDirEnv); d != "" {
		return filepath.Join(d, "hunspell")
	}
	d, err := os.UserCacheDir()
	if err != nil || d == "" {
		return ""
	}
	return filepath.Join(d, "daqiq", "hunspell")
}

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
