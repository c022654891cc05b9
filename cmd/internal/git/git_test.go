package git

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// gitTestRepo makes an empty repository in a temporary directory, changes
// into it and returns it. Git's global and system configuration and any
// GIT_* variables of the environment (a hook running the tests) are kept
// out.
func gitTestRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "GIT_") {
			t.Setenv(k, "") // restored after the test
			os.Unsetenv(k)
		}
	}
	t.Setenv("GIT_CONFIG_GLOBAL", "/dev/null")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "daqiq test")
	t.Setenv("GIT_AUTHOR_EMAIL", "test@daqiq.invalid")
	t.Setenv("GIT_COMMITTER_NAME", "daqiq test")
	t.Setenv("GIT_COMMITTER_EMAIL", "test@daqiq.invalid")
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	t.Chdir(dir)
	git(t, "init", "-q")
	return dir
}

// git runs a git command in the current directory.
func git(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// numbered returns lines "سطر 1".."سطر n", each ending in a line end.
func numbered(n int) []string {
	var l []string
	for i := 1; i <= n; i++ {
		l = append(l, fmt.Sprintf("سطر رقم %d من الخبر\n", i))
	}
	return l
}

func lineSet(ns ...int) map[int]bool {
	m := map[int]bool{}
	for _, n := range ns {
		m[n] = true
	}
	return m
}

func keys(m map[int]bool) []int {
	var k []int
	for n := range m {
		k = append(k, n)
	}
	sort.Ints(k)
	return k
}

func wantLines(t *testing.T, what string, got map[int]bool, err error, want ...int) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !reflect.DeepEqual(got, lineSet(want...)) {
		t.Errorf("%s: lines %v, want %v", what, keys(got), want)
	}
}

func TestGitChangedLines(t *testing.T) {
	gitTestRepo(t)
	l := numbered(8)
	write(t, "a.txt", strings.Join(l, ""))
	write(t, "same.txt", "لم يتغير\n")
	git(t, "add", ".")
	git(t, "commit", "-q", "-m", "one")

	got, err := ChangedLines("HEAD", "same.txt")
	wantLines(t, "unchanged", got, err)

	// Change line 2, delete line 4, insert two lines after line 6, and
	// change the last line without its line end.
	edited := []string{l[0], "سطر معدل\n", l[2], l[4], l[5], "جديد أ\n", "جديد ب\n", l[6], "آخر سطر بلا نهاية"}
	write(t, "a.txt", strings.Join(edited, ""))
	got, err = ChangedLines("HEAD", "a.txt")
	wantLines(t, "after edits", got, err, 2, 6, 7, 9)

	// Committed: nothing changed since HEAD, the same lines since HEAD~1.
	git(t, "commit", "-q", "-am", "two")
	got, err = ChangedLines("HEAD", "a.txt")
	wantLines(t, "since HEAD", got, err)
	got, err = ChangedLines("HEAD~1", "a.txt")
	wantLines(t, "since HEAD~1", got, err, 2, 6, 7, 9)

	// Only deleted lines: nothing to mark.
	write(t, "a.txt", strings.Join(edited[1:], ""))
	got, err = ChangedLines("HEAD", "a.txt")
	wantLines(t, "deletion", got, err)

	// Lines three apart stay separate even with a large
	// diff.interHunkContext in the repository's configuration.
	git(t, "config", "diff.interHunkContext", "10")
	text := strings.Replace(strings.Join(edited, ""), "جديد أ", "جديد ج", 1)
	write(t, "a.txt", strings.Replace(text, "سطر معدل", "سطر معدل ثانية", 1))
	got, err = ChangedLines("HEAD", "a.txt")
	wantLines(t, "inter-hunk context", got, err, 2, 6)
}

func TestGitChangedLinesNewAndRenamed(t *testing.T) {
	gitTestRepo(t)
	l := numbered(6)
	write(t, "old.txt", strings.Join(l, ""))
	git(t, "add", ".")
	git(t, "commit", "-q", "-m", "one")

	// Untracked: every line, the empty one after the last line end too.
	write(t, "new.txt", "أ\nب\nج\n")
	got, err := ChangedLines("HEAD", "new.txt")
	wantLines(t, "untracked", got, err, 1, 2, 3, 4)
	// Added to the index: every line.
	git(t, "add", "new.txt")
	got, err = ChangedLines("HEAD", "new.txt")
	wantLines(t, "added", got, err, 1, 2, 3)
	got, err = StagedChangedLines("new.txt")
	wantLines(t, "added, staged lines", got, err, 1, 2, 3)

	// Renamed with git mv and one line changed: only that line.
	git(t, "mv", "old.txt", "renamed.txt")
	l[3] = "سطر رابع معدل\n"
	write(t, "renamed.txt", strings.Join(l, ""))
	got, err = ChangedLines("HEAD", "renamed.txt")
	wantLines(t, "renamed", got, err, 4)
	got, err = StagedChangedLines("renamed.txt")
	wantLines(t, "renamed, staged lines", got, err) // the edit is not staged
	git(t, "add", "renamed.txt")
	got, err = StagedChangedLines("renamed.txt")
	wantLines(t, "renamed, staged lines", got, err, 4)

	// Errors name the command and git's message.
	_, err = ChangedLines("no-such-rev", "renamed.txt")
	if err == nil || !strings.Contains(err.Error(), "git --literal-pathspecs diff") || !strings.Contains(err.Error(), "no-such-rev") {
		t.Errorf("bad revision: %v", err)
	}
	for _, rev := range []string{"", "--output=x", "main..HEAD"} {
		if _, err := ChangedLines(rev, "renamed.txt"); err == nil {
			t.Errorf("revision %q accepted", rev)
		}
	}
	if _, err := ChangedLines("HEAD", "../outside.txt"); err == nil || !strings.Contains(err.Error(), "not a file in the git working tree") {
		t.Errorf("path outside the repository: %v", err)
	}
}

func TestGitStagedDiffersFromWorkingTree(t *testing.T) {
	gitTestRepo(t)
	l := numbered(5)
	write(t, "خبر عاجل.txt", strings.Join(l, ""))
	write(t, "other.txt", "ملف آخر\n")
	git(t, "add", ".")
	git(t, "commit", "-q", "-m", "one")

	staged := []string{l[0], "سطر مرحلي\n", l[2], l[3], l[4]}
	write(t, "خبر عاجل.txt", strings.Join(staged, ""))
	git(t, "add", "خبر عاجل.txt")
	working := []string{l[0], "سطر مرحلي\n", l[2], l[3], "تعديل غير مرحلي\n"}
	write(t, "خبر عاجل.txt", strings.Join(working, ""))
	write(t, "other.txt", "تعديل لم يرحل\n") // modified, not staged
	write(t, "untracked.txt", "غير متتبع\n")
	git(t, "rm", "-q", "--cached", "other.txt") // a staged deletion is left out

	files, err := StagedFiles()
	if err != nil || !reflect.DeepEqual(files, []string{"خبر عاجل.txt"}) {
		t.Errorf("staged files: %q, %v", files, err)
	}
	got, err := Staged("خبر عاجل.txt")
	if err != nil || string(got) != strings.Join(staged, "") {
		t.Errorf("staged content: %q, %v", got, err)
	}
	lines, err := StagedChangedLines("خبر عاجل.txt")
	wantLines(t, "staged lines", lines, err, 2)
	lines, err = ChangedLines("HEAD", "خبر عاجل.txt")
	wantLines(t, "working tree lines", lines, err, 2, 5)

	if _, err := Staged("untracked.txt"); err == nil || !strings.Contains(err.Error(), "git show --no-textconv :0:untracked.txt") {
		t.Errorf("not staged: %v", err)
	}
}

func TestGitSubdirectoryFromAnotherDirectory(t *testing.T) {
	top := gitTestRepo(t)
	write(t, "news/world/a.txt", "أول\nثان\n")
	write(t, "tools/readme.txt", "أدوات\n")
	write(t, "news/world/[x].txt", "قوسان\n") // a name that is a glob
	write(t, "news/world/x.txt", "ليس هو\n")
	git(t, "add", ".")
	git(t, "commit", "-q", "-m", "one")
	write(t, "news/world/a.txt", "أول\nثان معدل\nثالث\n")
	git(t, "add", "news/world/a.txt")
	write(t, "news/world/[x].txt", "قوسان معدلان\n")
	git(t, "add", "news/world/[x].txt")
	write(t, "news/world/x.txt", "ليس\nهو\nأبدا\n") // what the glob [x].txt matches

	t.Chdir(filepath.Join(top, "tools"))
	p := filepath.Join("..", "news", "world", "a.txt")
	files, err := StagedFiles()
	want := []string{filepath.Join("..", "news", "world", "[x].txt"), p}
	if err != nil || !reflect.DeepEqual(files, want) {
		t.Errorf("staged files from tools/: %q, %v; want %q", files, err, want)
	}
	got, err := Staged(p)
	if err != nil || string(got) != "أول\nثان معدل\nثالث\n" {
		t.Errorf("staged content: %q, %v", got, err)
	}
	lines, err := ChangedLines("HEAD", p)
	wantLines(t, "from tools/", lines, err, 2, 3)
	lines, err = ChangedLines("HEAD", filepath.Join(top, "news", "world", "a.txt"))
	wantLines(t, "absolute path", lines, err, 2, 3)
	lines, err = ChangedLines("HEAD", filepath.Join("..", "news", "world", "[x].txt"))
	wantLines(t, "glob characters", lines, err, 1)

	t.Chdir(filepath.Join(top, "news"))
	files, err = StagedFiles()
	want = []string{filepath.Join("world", "[x].txt"), filepath.Join("world", "a.txt")}
	if err != nil || !reflect.DeepEqual(files, want) {
		t.Errorf("staged files from news/: %q, %v; want %q", files, err, want)
	}
	lines, err = StagedChangedLines(filepath.Join("world", "a.txt"))
	wantLines(t, "staged from news/", lines, err, 2, 3)
}

func TestGitOutsideRepository(t *testing.T) {
	gitTestRepo(t)
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	t.Chdir(dir)
	_, err := StagedFiles()
	if err == nil || !strings.Contains(err.Error(), "git rev-parse --show-toplevel --show-prefix: ") || !strings.Contains(err.Error(), "not a git repository") {
		t.Errorf("outside a repository: %v", err)
	}
}

func TestParseHunks(t *testing.T) {
	out := "diff --git a/x b/x\n--- a/x\n+++ b/x\n" +
		"@@ -1 +1 @@\n-a\n+b\n" +
		"@@ -5,0 +6,2 @@ heading\n+c\n+d\n" +
		"@@ -9,2 +10,0 @@\n-e\n-f\n" +
		"@@ -20,3 +20,3 @@\n g\n-h\n+i\n\n\\ No newline at end of file\n" +
		"diff --git a/y b/y\n--- a/y\n+++ b/y\n@@ -1 +1 @@\n-+++ x\n++++ y\n"
	got, err := parseHunks([]byte(out))
	wantLines(t, "hunks", got, err, 1, 6, 7, 21)
	if _, err := parseHunks([]byte("@@ -x +1 @@\n")); err == nil {
		t.Error("bad hunk header accepted")
	}
}
