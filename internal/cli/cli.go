// Package cli is the customs command line: one file per verb, each parsing
// its flags, calling into the library and mapping errors to exit codes.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"
	"golang.org/x/term"
)

// Version is the customs version, set at build time with -ldflags.
var Version = "dev"

// Env is the process environment the commands run in, injected for tests.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

func (e Env) getenv(k string) string {
	if e.Getenv == nil {
		return ""
	}
	return e.Getenv(k)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

const mainHelp = `customs inspects container images before they enter your infrastructure,
explains what it finds in the words of the image-hygiene checklist, and gives
a verdict: accept, review or reject.

Usage:
  customs inspect IMAGE [flags]   inspect an image and print a report with a verdict
  customs pin [--write|--check] PATH...
                                  pin image references in Dockerfiles, compose and
                                  Kubernetes files to digests; --check finds moved tags
  customs checks [--format table|json|markdown]
                                  list every check: ID, severity, checklist item
  customs db update|import|status update, import (air-gapped) or describe the local
                                  vulnerability database (OSV records)
  customs version                 print the version
  customs help [COMMAND]          show help for a command

IMAGE is any of:
  nginx:1.27, ghcr.io/org/app@sha256:...   a registry (nginx = docker.io/library/nginx:latest)
  docker-archive:img.tar, img.tar.gz       a 'docker save' tarball
  oci:DIR[:TAG]                            an OCI image layout directory
  docker-daemon:NAME                       the local Docker engine, through its API socket

Exit codes:
  0  accept (or review)   1  error   2  usage   3  rejected by the policy

Run 'customs help inspect' for the flags of inspect.
`

// Run runs the command line args and returns the process exit code.
func Run(ctx context.Context, args []string, env Env) int {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, mainHelp)
		return ExitUsage
	}
	verb, rest := args[0], args[1:]
	var err error
	code := ExitAccept
	switch verb {
	case "inspect":
		code, err = runInspect(ctx, rest, env)
	case "pin":
		code, err = runPin(ctx, rest, env)
	case "checks":
		err = runChecks(rest, env)
	case "db":
		code, err = runDB(ctx, rest, env)
	case "version", "--version":
		fmt.Fprintf(env.Stdout, "customs %s\n", Version)
	case "help", "-h", "--help":
		err = runHelp(rest, env)
	default:
		err = usagef("unknown command %q; run 'customs help'", verb)
	}
	if err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitAccept
		}
		fmt.Fprintf(env.Stderr, "customs: %v\n", err)
		return exitCode(err)
	}
	return code
}

func runHelp(args []string, env Env) error {
	if len(args) == 0 {
		fmt.Fprint(env.Stdout, mainHelp)
		return nil
	}
	switch args[0] {
	case "inspect":
		fs, _ := inspectFlags(env)
		fs.SetOutput(env.Stdout)
		fs.Usage()
	case "pin":
		fs, _ := pinFlags(env)
		fs.SetOutput(env.Stdout)
		fs.Usage()
	case "checks":
		fs, _ := checksFlags()
		fs.SetOutput(env.Stdout)
		fs.Usage()
	case "db":
		fs, _ := dbFlags(env)
		fs.SetOutput(env.Stdout)
		fs.Usage()
	default:
		return usagef("no help for %q; run 'customs help'", args[0])
	}
	return nil
}

// parseFlags parses args; --help prints the command's help on standard
// output (and returns pflag.ErrHelp), mistakes become usage errors.
func parseFlags(fs *pflag.FlagSet, args []string, env Env) error {
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.Usage = usage
	if err == pflag.ErrHelp {
		fs.SetOutput(env.Stdout)
		fs.Usage()
		return err
	}
	if err != nil {
		return usagef("%v; run 'customs help %s'", err, fs.Name())
	}
	return nil
}
