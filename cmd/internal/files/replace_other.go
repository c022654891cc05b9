//go:build !unix

package files

import (
	"io/fs"
	"os"
)

// mayWrite: the system's answer comes with the rename.
func mayWrite(string) error { return nil }

// links: not known here; 1.
func links(fs.FileInfo) uint64 { return 1 }

// keepOwnerAndMode keeps what the mode of fi says.
func keepOwnerAndMode(_ string, tmp *os.File, fi fs.FileInfo) error {
	return tmp.Chmod(fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky))
}
