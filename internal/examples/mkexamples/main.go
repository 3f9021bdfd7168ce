// Command mkexamples writes the example images (demo and benchmark) as OCI
// layouts and runs the benchmark that compares an inspection with the time to
// only decompress the layers.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/customs-oss/customs/internal/examples"
)

const usage = `usage:
  mkexamples demo DIR                   write DIR/clean and DIR/problems
  mkexamples large DIR [SIZE_MIB]       write a large image of ordinary files
  mkexamples bench CUSTOMS DIR          time customs inspect on DIR against decompression
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "mkexamples:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) < 2 {
		return fmt.Errorf("%s", usage)
	}
	switch args[0] {
	case "demo":
		if _, err := examples.Clean(args[1] + "/clean"); err != nil {
			return err
		}
		_, err := examples.Problems(args[1] + "/problems")
		return err
	case "large":
		size := int64(1200)
		if len(args) > 2 {
			if _, err := fmt.Sscan(args[2], &size); err != nil {
				return fmt.Errorf("size %q: %w", args[2], err)
			}
		}
		_, err := examples.Large(args[1], size<<20, 6)
		return err
	case "bench":
		if len(args) < 3 {
			return fmt.Errorf("%s", usage)
		}
		return examples.Bench(ctx, os.Stdout, args[1], args[2])
	}
	return fmt.Errorf("%s", usage)
}
