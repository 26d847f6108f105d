package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"prisonstats": func() { os.Exit(Main(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script: each is a txtar
// archive of commands and the files they work on. $REPO is the project.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repo)
			env.Setenv("PRISONSTATS_HUGO", filepath.Join(repo, "bin", "hugo"))
			env.Setenv("REALDATA", filepath.Join(repo, "..", "shared", "realdata"))
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "realdata" {
				_, err := os.Stat(filepath.Join(repo, "..", "shared", "realdata", "README.md"))
				return err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}
