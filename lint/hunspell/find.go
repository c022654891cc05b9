package hunspell

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotFound is returned by Find when no directory has the dictionary.
var ErrNotFound = errors.New("hunspell dictionary not found")

// DefaultDirs returns the directories Find searches when given none: those
// of the DICPATH environment variable, the user's own (XDG data directory
// or ~/.local/share/hunspell, ~/Library/Spelling) and the system's, where
// Linux distributions and macOS put Hunspell and Myspell dictionaries.
func DefaultDirs() []string {
	var dirs []string
	if p := os.Getenv("DICPATH"); p != "" {
		dirs = append(dirs, filepath.SplitList(p)...)
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		dirs = append(dirs, filepath.Join(x, "hunspell"))
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		dirs = append(dirs,
			filepath.Join(home, ".local", "share", "hunspell"),
			filepath.Join(home, "Library", "Spelling"))
	}
	return append(dirs,
		"/usr/local/share/hunspell",
		"/usr/share/hunspell",
		"/usr/local/share/myspell",
		"/usr/share/myspell",
		"/usr/share/myspell/dicts",
		"/Library/Spelling",
	)
}

// Find returns the paths of the .aff and .dic files of the dictionary
// named name (such as "ar" or "ar_SA") in the first of dirs that has both,
// or in DefaultDirs when dirs is nil. A name with a directory in it, or
// ending in .aff or .dic, is taken as the path of the files.
func Find(name string, dirs []string) (aff, dic string, err error) {
	base := strings.TrimSuffix(strings.TrimSuffix(name, ".aff"), ".dic")
	if base == "" {
		return "", "", fmt.Errorf("%w: empty name", ErrNotFound)
	}
	if strings.ContainsRune(base, filepath.Separator) || strings.ContainsRune(base, '/') || base != name {
		if aff, dic, ok := pair(base); ok {
			return aff, dic, nil
		}
		return "", "", fmt.Errorf("%w: no %s.aff and %s.dic", ErrNotFound, base, base)
	}
	if dirs == nil {
		dirs = DefaultDirs()
	}
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		if aff, dic, ok := pair(filepath.Join(dir, base)); ok {
			return aff, dic, nil
		}
	}
	return "", "", fmt.Errorf("%w: %s.aff and %s.dic in none of %s", ErrNotFound, base, base, strings.Join(dirs, ", "))
}

func pair(base string) (aff, dic string, ok bool) {
	aff, dic = base+".aff", base+".dic"
	if isFile(aff) && isFile(dic) {
		return aff, dic, true
	}
	return "", "", false
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}
