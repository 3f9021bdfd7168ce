// Command customs inspects container images before they enter your
// infrastructure and gives a verdict: accept, review or reject.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/customs-oss/customs/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
	stop()
	os.Exit(code)
}
