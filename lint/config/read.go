package config

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// MaxFileSize is the most daqiq reads of a file that is not an article: a
// configuration, a word list, a baseline. A link to /dev/zero or a runaway
// generator is an error naming the file, not a process that runs out of
// memory.
const MaxFileSize = 16 << 20

// NotRegularError says a file is not a regular file (after links are
// followed): a named pipe, which could block forever, a device, which
// could be endless, a socket or a directory.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: not a regular file (%s)", e.Path, Kind(e.Mode))
}

// Kind names the type of file of mode for errors: "a named pipe", "a
// device" and so on.
func Kind(mode fs.FileMode) string {
	switch t := mode.Type(); {
	case t == 0:
		return "a regular file"
	case t&fs.ModeDir != 0:
		return "a directory"
	case t&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeDevice != 0:
		return "a device"
	case t&fs.ModeSymlink != 0:
		return "a symbolic link"
	default:
		return "not a file of a known type"
	}
}

// OpenRegular opens path for reading if, links followed, it is a regular
// file; anything else is a *NotRegularError and is not read. A path that
// is plainly not regular is not even opened (opening some devices does
// things); the open itself does not wait for a writer should a named pipe
// take the file's place meanwhile (O_NONBLOCK), and the status of the open
// file decides. The status comes back with the file.
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return nil, nil, &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	// a stat error is left to the open, whose error is the one to report
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	return f, fi, nil
}

// ReadFile reads a file that is not an article (a configuration, a word
// list, a baseline): a regular file, links followed, of at most
// MaxFileSize bytes. Anything else is an error naming the file.
func ReadFile(path string) ([]byte, error) {
	f, fi, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tooBig := fmt.Errorf("%s: larger than %d MiB, the most daqiq reads of a configuration, word list or baseline file", path, MaxFileSize>>20)
	if fi.Size() > MaxFileSize {
		return nil, tooBig
	}
	// the size is only a hint: the file may grow meanwhile, and some
	// report none (/proc); the limit holds whatever it says
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, tooBig
	}
	return data, nil
}
