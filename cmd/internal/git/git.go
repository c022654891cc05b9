// Package git answers the command line's questions to git for reporting
// only new findings: which lines of a file changed
// since a revision, which files are staged, and their staged content. They
// run the git command (never a Go reimplementation), so that the user's
// repository layout, worktrees, GIT_DIR and GIT_INDEX_FILE (set for hooks)
// are honoured exactly as git sees them.
//
// Every command runs in the top-level directory of the working tree, with
// paths relative to it and --literal-pathspecs (a file named a[1].txt is not
// a pattern), --no-ext-diff and --no-textconv (external diff drivers and
// text conversion would change the lines), and GIT_OPTIONAL_LOCKS=0 (a
// check never takes the index lock). Errors name the command and quote
// git's own message.
package git

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// run runs git with args in dir and returns its standard output.
func run(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		var exit *exec.ExitError
		if msg == "" || !errors.As(err, &exit) {
			msg = err.Error()
		}
		return nil, fmt.Errorf("%s: %s", commandLine(args), msg)
	}
	return stdout.Bytes(), nil
}

// commandLine renders a command for an error message.
func commandLine(args []string) string {
	parts := []string{"git"}
	for _, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\n\"'\\") {
			a = strconv.Quote(a)
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}

// locate returns the top-level directory of the working tree that holds
// the current directory, and the current directory relative to it
// (slash-separated, "" or ending in "/").
func locate() (top, prefix string, err error) {
	// --staged asks for every staged file: run rev-parse once per
	// directory, not once per file.
	cwd, _ := os.Getwd()
	locateMu.Lock()
	defer locateMu.Unlock()
	if l, ok := located[cwd]; ok && cwd != "" {
		return l[0], l[1], nil
	}
	out, err := run("", "rev-parse", "--show-toplevel", "--show-prefix")
	if err != nil {
		return "", "", err
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 2 || lines[0] == "" {
		return "", "", fmt.Errorf("git rev-parse --show-toplevel --show-prefix: unexpected output %q (a bare repository?)", out)
	}
	top, prefix = filepath.FromSlash(lines[0]), lines[1]
	located[cwd] = [2]string{top, prefix}
	return top, prefix, nil
}

var (
	locateMu sync.Mutex
	located  = map[string][2]string{} // by current directory
)

// resolve locates the working tree and returns path relative to its top.
func resolve(p string) (top, rel string, err error) {
	top, prefix, err := locate()
	if err != nil {
		return "", "", err
	}
	rel, err = repoPath(top, prefix, p)
	return top, rel, err
}

// repoPath turns path (relative to the current directory, or absolute)
// into a slash-separated path relative to the top of the working tree.
func repoPath(top, prefix, p string) (string, error) {
	var rel string
	if filepath.IsAbs(p) {
		r, err := filepath.Rel(top, p)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			// top is a real path: try p with its directory's links resolved.
			if d, derr := filepath.EvalSymlinks(filepath.Dir(p)); derr == nil {
				r, err = filepath.Rel(top, filepath.Join(d, filepath.Base(p)))
			}
		}
		if err != nil {
			return "", fmt.Errorf("%s: not in the git working tree %s", p, top)
		}
		rel = filepath.ToSlash(r)
	} else {
		rel = path.Clean(prefix + filepath.ToSlash(p))
	}
	if rel == "." || rel == ".." || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("%s: not a file in the git working tree %s", p, top)
	}
	return rel, nil
}

// checkRev refuses a revision git would read as an option, and a range,
// whose right side is not the working tree whose lines we number.
func checkRev(rev string) error {
	switch {
	case rev == "":
		return errors.New("no git revision given")
	case strings.HasPrefix(rev, "-"):
		return fmt.Errorf("git revision %q: must not start with -", rev)
	case strings.Contains(rev, ".."):
		return fmt.Errorf("git revision %q: give one revision, not a range (for a branch point use $(git merge-base BRANCH HEAD))", rev)
	}
	return nil
}

// VerifyRev checks, in the working tree of the current directory, that
// rev names a commit (--new-from-rev is checked once, before any file).
func VerifyRev(rev string) error {
	if err := checkRev(rev); err != nil {
		return err
	}
	top, _, err := locate()
	if err != nil {
		return err
	}
	if _, err := run(top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return fmt.Errorf("--new-from-rev %q: not a commit of the git repository %s", rev, top)
	}
	return nil
}

// ChangedLines returns the 1-based numbers of the lines of path (as it
// is now in the working tree) that were added or changed since rev, a
// commit-ish such as HEAD, main or a commit hash; lines only deleted since
// rev leave nothing to mark. path is relative to the current directory or
// absolute.
//
//   - A file git does not track (not in the index: new and not yet added,
//     or ignored) is all new: every line is returned, 1 to the number of
//     lines as source.Document counts them (the empty line after a final
//     line end included).
//   - A file added to the index since rev (git add, git add -N) is all new
//     as well, unless git pairs it with a file of rev as a rename: then
//     only the lines changed from that file are returned. Git sees a
//     rename only once the new name is in the index (git mv, or git add of
//     both names); a file moved with mv and not added is untracked, so all
//     new.
//   - A tracked file unchanged since rev gives an empty map.
func ChangedLines(rev, p string) (map[int]bool, error) {
	if err := checkRev(rev); err != nil {
		return nil, err
	}
	top, rel, err := resolve(p)
	if err != nil {
		return nil, err
	}
	tracked, err := run(top, "--literal-pathspecs", "ls-files", "-z", "--", rel)
	if err != nil {
		return nil, err
	}
	if !listed(tracked, rel) {
		data, err := os.ReadFile(filepath.Join(top, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		all := map[int]bool{}
		for n := bytes.Count(data, []byte("\n")) + 1; n > 0; n-- {
			all[n] = true
		}
		return all, nil
	}
	return diffLines(top, []string{rev}, rel)
}

// listed reports whether the -z output of git ls-files lists rel
// itself (a directory lists its files instead).
func listed(out []byte, rel string) bool {
	for _, f := range strings.Split(string(out), "\x00") {
		if f == rel {
			return true
		}
	}
	return false
}

// StagedChangedLines returns the 1-based numbers of the lines of the
// staged content of path (what Staged returns) that were added or
// changed from HEAD: what a commit now would add. Before the first commit
// every staged line is new. A file with nothing staged gives an empty map.
// Renames are handled as in ChangedLines.
func StagedChangedLines(p string) (map[int]bool, error) {
	top, rel, err := resolve(p)
	if err != nil {
		return nil, err
	}
	return diffLines(top, []string{"--cached"}, rel)
}

// diffLines runs git diff with the given revision arguments on rel and
// collects the new-side lines of its hunks. When rel is new on the other
// side, it looks for the file git pairs it with as a rename and diffs the
// pair.
func diffLines(top string, revArgs []string, rel string) (map[int]bool, error) {
	diff := func(paths ...string) ([]byte, error) {
		args := []string{"--literal-pathspecs", "diff", "-U0", "--inter-hunk-context=0", "--no-color",
			"--no-ext-diff", "--no-textconv", "-M"}
		args = append(args, revArgs...)
		args = append(append(args, "--"), paths...)
		return run(top, args...)
	}
	out, err := diff(rel)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(out, []byte("new file mode ")) || bytes.Contains(out, []byte("\nnew file mode ")) {
		args := append([]string{"diff", "--name-status", "-z", "--no-ext-diff", "-M", "--diff-filter=R"}, revArgs...)
		status, err := run(top, args...)
		if err != nil {
			return nil, err
		}
		if from := renamedFrom(status, rel); from != "" {
			if out, err = diff(from, rel); err != nil {
				return nil, err
			}
		}
	}
	return parseHunks(out)
}

// renamedFrom finds, in the output of git diff --name-status -z, the path
// renamed to rel.
func renamedFrom(status []byte, rel string) string {
	f := strings.Split(string(status), "\x00")
	for i := 0; i < len(f); i++ {
		switch {
		case strings.HasPrefix(f[i], "R") || strings.HasPrefix(f[i], "C"):
			if i+2 < len(f) && f[i+2] == rel {
				return f[i+1]
			}
			i += 2
		case f[i] != "":
			i++ // one path
		}
	}
	return ""
}

// parseHunks reads the hunks of a unified diff: each header
// "@@ -a[,b] +c[,d] @@" starts a hunk whose new side is lines c to c+d-1
// (d is 1 when left out; d = 0 is a pure deletion). Added lines are marked;
// context lines (none with -U0) are counted and skipped.
func parseHunks(out []byte) (map[int]bool, error) {
	lines := map[int]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<30)
	oldLeft, newLeft, n := 0, 0, 0
	for sc.Scan() {
		l := sc.Text()
		if oldLeft > 0 || newLeft > 0 {
			switch {
			case strings.HasPrefix(l, "+"):
				lines[n] = true
				n++
				newLeft--
			case strings.HasPrefix(l, "-"):
				oldLeft--
			case strings.HasPrefix(l, " "), l == "":
				n++
				oldLeft--
				newLeft--
			}
			continue
		}
		if !strings.HasPrefix(l, "@@ ") {
			continue
		}
		var err error
		if n, oldLeft, newLeft, err = parseHunkHeader(l); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading git diff: %w", err)
	}
	return lines, nil
}

// parseHunkHeader reads "@@ -a[,b] +c[,d] @@ ..." and returns c, b and d.
func parseHunkHeader(l string) (start, oldCount, newCount int, err error) {
	bad := func() error { return fmt.Errorf("git diff: unexpected hunk header %q", l) }
	f := strings.Fields(l)
	if len(f) < 4 || f[3] != "@@" || !strings.HasPrefix(f[1], "-") || !strings.HasPrefix(f[2], "+") {
		return 0, 0, 0, bad()
	}
	rng := func(s string) (int, int, error) {
		a, b, ok := strings.Cut(s, ",")
		x, err := strconv.Atoi(a)
		if err != nil {
			return 0, 0, err
		}
		y := 1
		if ok {
			if y, err = strconv.Atoi(b); err != nil {
				return 0, 0, err
			}
		}
		return x, y, nil
	}
	_, oldCount, err1 := rng(f[1][1:])
	start, newCount, err2 := rng(f[2][1:])
	if err1 != nil || err2 != nil {
		return 0, 0, 0, bad()
	}
	return start, oldCount, newCount, nil
}

// StagedFiles lists the files added, copied, modified or renamed in the
// index (git diff --cached --diff-filter=ACMR), relative to the current
// directory (with ../ for files outside it), in git's order. Deleted files
// are left out. Entries that are not regular files (a symbolic link, a
// submodule) are listed too.
func StagedFiles() ([]string, error) {
	top, prefix, err := locate()
	if err != nil {
		return nil, err
	}
	out, err := run(top, "diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z", "--no-ext-diff")
	if err != nil {
		return nil, err
	}
	cwd := filepath.FromSlash(strings.TrimSuffix(prefix, "/"))
	if cwd == "" {
		cwd = "."
	}
	var files []string
	for _, p := range strings.Split(string(out), "\x00") {
		if p == "" {
			continue
		}
		rel, err := filepath.Rel(cwd, filepath.FromSlash(p))
		if err != nil {
			return nil, err
		}
		files = append(files, rel)
	}
	return files, nil
}

// Staged returns the content of path in the index (stage 0), byte for
// byte as it will be committed: git show :0:PATH, PATH made relative to the
// top of the working tree. path is relative to the current directory or
// absolute. A path not in the index (or in a merge conflict) is an error.
func Staged(p string) ([]byte, error) {
	top, rel, err := resolve(p)
	if err != nil {
		return nil, err
	}
	return run(top, "show", "--no-textconv", ":0:"+rel)
}
