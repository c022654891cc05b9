package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPreCommitHooks runs the hooks of .pre-commit-hooks.yaml through the
// real pre-commit, the way a content repository uses them: the working tree
// of this repository (committed or not) is committed into a temporary
// repository, a temporary content repository points its
// .pre-commit-config.yaml at it by path and commit, and pre-commit clones
// it, builds daqiq with `go install ./...` (language: golang) and runs the
// hooks on an article with a misspelling.
//
// It skips without pre-commit, git or go, outside a git checkout, and with
// -short. Modules come from the local module cache when it has them (a
// file:// GOPROXY ahead of the usual one); PRE_COMMIT_HOME and GOPATH are
// temporary, the build cache is shared.
func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds daqiq through pre-commit")
	}
	// the longest test of the package: the others run meanwhile
	t.Parallel()
	for _, tool := range []string{"pre-commit", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".pre-commit-hooks.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command("git", "-C", root, "rev-parse", "--git-dir").Run(); err != nil {
		t.Skip("not a git checkout: cannot snapshot the working tree")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()

	tmp := t.TempDir()
	env := preCommitEnv(t, tmp)
	run := func(dir string, name string, args ...string) (string, int) {
		t.Helper()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		code := 0
		if err != nil {
			ee, ok := err.(*exec.ExitError)
			if !ok || ctx.Err() != nil {
				t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
			}
			code = ee.ExitCode()
		}
		return string(out), code
	}
	must := func(dir string, name string, args ...string) string {
		t.Helper()
		out, code := run(dir, name, args...)
		if code != 0 {
			t.Fatalf("%s %s: exit %d\n%s", name, strings.Join(args, " "), code, out)
		}
		return out
	}

	// The hook repository: this working tree, committed.
	hooks := filepath.Join(tmp, "daqiq")
	list, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		if err := copyTracked(filepath.Join(root, name), filepath.Join(hooks, name)); err != nil {
			t.Fatal(err)
		}
	}
	must(hooks, "git", "init", "-q")
	must(hooks, "git", "add", "-A")
	must(hooks, "git", "commit", "-q", "--no-verify", "-m", "snapshot")
	rev := strings.TrimSpace(must(hooks, "git", "rev-parse", "HEAD"))

	// The content repository.
	content := filepath.Join(tmp, "content")
	files := map[string]string{
		"news/article.txt": "قال المتحدث إن هاذا القرار نهائي.\n",
		"notes.md":         "# ملاحظات\n\nقال المتحدث إن القرار نهائي.\n",
		"script.py":        "# هاذا\n", // not markdown, html or plain text: never passed
		".pre-commit-config.yaml": "repos:\n" +
			"  - repo: " + filepath.ToSlash(hooks) + "\n" +
			"    rev: " + rev + "\n" +
			"    hooks:\n" +
			"      - id: daqiq\n" +
			"      - id: daqiq-fix\n",
	}
	for name, text := range files {
		p := filepath.Join(content, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must(content, "git", "init", "-q")
	must(content, "git", "add", "-A")

	start := time.Now()
	out, code := run(content, "pre-commit", "run", "--all-files", "--color", "never", "daqiq")
	t.Logf("pre-commit run daqiq (clone, go install, lint): %v\n%s", time.Since(start).Round(time.Millisecond), out)
	if code != 1 {
		t.Fatalf("daqiq hook: exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{"Failed", "news/article.txt:1:", "spelling/misspelling", "هاذا"} {
		if !strings.Contains(out, want) {
			t.Errorf("daqiq hook output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "script.py") || strings.Contains(out, "notes.md") {
		t.Errorf("daqiq hook reported a file it should not:\n%s", out)
	}
	if got := readString(t, filepath.Join(content, "news/article.txt")); got != files["news/article.txt"] {
		t.Errorf("the daqiq hook changed the article:\n%s", got)
	}

	out, code = run(content, "pre-commit", "run", "--all-files", "--color", "never", "daqiq-fix")
	if code != 1 || !strings.Contains(out, "files were modified by this hook") {
		t.Fatalf("daqiq-fix hook: exit %d, want 1 with files modified\n%s", code, out)
	}
	if got, want := readString(t, filepath.Join(content, "news/article.txt")), "قال المتحدث إن هذا القرار نهائي.\n"; got != want {
		t.Errorf("daqiq-fix left\n%s\nwant\n%s", got, want)
	}
	if got := readString(t, filepath.Join(content, "script.py")); got != files["script.py"] {
		t.Errorf("daqiq-fix changed script.py:\n%s", got)
	}

	out, code = run(content, "pre-commit", "run", "--all-files", "--color", "never", "daqiq")
	if code != 0 || !strings.Contains(out, "Passed") {
		t.Fatalf("daqiq hook after the fix: exit %d, want 0\n%s", code, out)
	}
}

// preCommitEnv is the environment for git, go and pre-commit: no user or
// system git configuration, a fixed identity, temporary PRE_COMMIT_HOME and
// GOPATH, and the local module cache as the first module proxy.
func preCommitEnv(t *testing.T, tmp string) []string {
	t.Helper()
	drop := map[string]bool{
		"GIT_DIR": true, "GIT_WORK_TREE": true, "GIT_INDEX_FILE": true, "GIT_OBJECT_DIRECTORY": true,
		"GIT_COMMON_DIR": true, "GIT_CEILING_DIRECTORIES": true, "GOBIN": true, "GOMODCACHE": true,
		"GOFLAGS": true, "GOPATH": true, "GOPROXY": true, "SKIP": true, "PRE_COMMIT_HOME": true,
		"PRE_COMMIT_COLOR": true, "DAQIQ_CONFIG": true,
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			env = append(env, kv)
		}
	}
	proxy := goEnv(t, "GOPROXY")
	if cache := goEnv(t, "GOMODCACHE"); cache != "" {
		if _, err := os.Stat(filepath.Join(cache, "cache", "download")); err == nil {
			local := "file://" + filepath.ToSlash(filepath.Join(cache, "cache", "download"))
			if proxy == "" || proxy == "off" {
				proxy = local
			} else {
				proxy = local + "," + proxy
			}
		}
	}
	gitconfig := filepath.Join(tmp, "gitconfig")
	if err := os.WriteFile(gitconfig, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return append(env,
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL="+gitconfig,
		"GIT_AUTHOR_NAME=daqiq test", "GIT_AUTHOR_EMAIL=test@daqiq.invalid",
		"GIT_COMMITTER_NAME=daqiq test", "GIT_COMMITTER_EMAIL=test@daqiq.invalid",
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit"),
		"GOPATH="+filepath.Join(tmp, "gopath"),
		"GOPROXY="+proxy,
		"GOFLAGS=-modcacherw", // the temporary module cache can be removed
		"NO_COLOR=1",
	)
}

func goEnv(t *testing.T, key string) string {
	t.Helper()
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(out))
}

// copyTracked copies a file or symlink of the working tree; a file deleted
// but still in the index, or a submodule, is left out.
func copyTracked(src, dst string) error {
	fi, err := os.Lstat(src)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		target, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(target, dst)
	case !fi.Mode().IsRegular():
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimPrefix(data, []byte("\ufeff")))
}
