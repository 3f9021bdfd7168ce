package cli

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/customs-oss/customs/internal/examples"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"customs": func() {
			os.Exit(Run(context.Background(), os.Args[1:], Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}))
		},
		"mkexamples": func() {
			if err := mkexamples(os.Args[1:]); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		},
	})
}

// mkexamples writes the demo images for the scripts.
func mkexamples(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: mkexamples clean|problems DIR")
	}
	var err error
	switch args[0] {
	case "clean":
		_, err = examples.Clean(args[1])
	case "problems":
		_, err = examples.Problems(args[1])
	default:
		err = fmt.Errorf("unknown example %q", args[0])
	}
	return err
}

// TestScripts runs the end-to-end command-line cases in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "1")
			e.Setenv("XDG_CACHE_HOME", e.WorkDir+"/.cache")
			// Docker Hub lookups go nowhere in tests, even with a network.
			e.Setenv("CUSTOMS_HUB_URL", "http://127.0.0.1:9")
			e.Setenv("CUSTOMS_QUAY_URL", "http://127.0.0.1:9")
			e.Setenv("CUSTOMS_GITHUB_API_URL", "http://127.0.0.1:9")
			return nil
		},
		UpdateScripts: *update,
	})
}
