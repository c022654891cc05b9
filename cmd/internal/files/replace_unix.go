//go:build unix

package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// mayWrite reports whether the user running daqiq (its effective user and
// groups) may write the file at path, as the system decides: mode bits,
// ACLs, a read-only file system. Root may write any file.
func mayWrite(path string) error {
	return unix.Faccessat(unix.AT_FDCWD, path, unix.W_OK, unix.AT_EACCESS)
}

// links is the number of hard links of the file fi describes.
func links(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// keepOwnerAndMode gives the temporary file tmp the owner, group and mode
// bits (setuid, setgid and sticky too) of the file fi describes, before it
// takes that file's place. The owner first: a change of owner may clear
// the setuid and setgid bits. An owner or group this user may not give
// (only root may give a file away, and a group must be one's own) is a
// refusal, not a change of owner.
func keepOwnerAndMode(name string, tmp *os.File, fi fs.FileInfo) error {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return tmp.Chmod(fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky))
	}
	fd := int(tmp.Fd())
	var cur unix.Stat_t
	if err := unix.Fstat(fd, &cur); err != nil {
		return err
	}
	if cur.Uid != st.Uid || cur.Gid != st.Gid {
		if err := unix.Fchown(fd, int(st.Uid), int(st.Gid)); err != nil {
			if errors.Is(err, unix.EPERM) {
				return refusal{fmt.Errorf("%s: owned by uid %d, gid %d, which this user (uid %d) cannot give the fixed file (%v), so it would change owner; not fixed", name, st.Uid, st.Gid, os.Geteuid(), err)}
			}
			return err
		}
	}
	return unix.Fchmod(fd, uint32(st.Mode)&0o7777)
}
