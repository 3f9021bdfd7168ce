package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"github.com/customs-oss/customs/internal/pin"
	"github.com/customs-oss/customs/internal/source"
)

const pinHelp = `Usage: customs pin [flags] PATH...

Finds the image references in Dockerfiles (FROM, COPY --from, RUN --mount
from=), compose files (services.*.image) and Kubernetes manifests (the
containers of pods and pod templates) and resolves each to the digest its
registry serves now: the index digest of a multi-platform image, so every
platform keeps pulling. A PATH that is a directory contributes the
Dockerfiles and YAML files beneath it.

Without flags, prints FILE:LINE, the reference, its digest and the pinned form.
--write rewrites each reference in place to name:tag@sha256:... (nothing else
in the file changes) and records the digests in the lock file.
--check changes nothing and exits 3 when a reference is not pinned, when a tag
now resolves to a different digest than the lock records (a moved tag), or
when a pinned digest differs from the lock or is gone from the registry.

Exit codes: 0 done or all pinned, 1 error, 2 usage, 3 --check found a problem.

Examples:
  customs pin Dockerfile
  customs pin --write Dockerfile compose.yaml k8s/
  customs pin --check .

Flags:
`

type pinOptions struct {
	write, check, passwordStdin bool
	lock, username              string
	insecure                    []string
	timeout                     time.Duration
}

func pinFlags(env Env) (*pflag.FlagSet, *pinOptions) {
	o := &pinOptions{}
	fs := pflag.NewFlagSet("pin", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.BoolVar(&o.write, "write", false, "rewrite the files to pinned references and update the lock file")
	fs.BoolVar(&o.check, "check", false, "change nothing; exit 3 on an unpinned reference or a digest that differs from the lock")
	fs.StringVar(&o.lock, "lock", "customs.lock", "lock `FILE` recording the digest of each reference")
	fs.StringVarP(&o.username, "username", "u", "", "registry user name (default: ~/.docker/config.json and credential helpers)")
	fs.BoolVar(&o.passwordStdin, "password-stdin", false, "read the registry password or token from standard input")
	fs.StringSliceVar(&o.insecure, "insecure-registry", nil, "reach registry `HOST:PORT` over plain HTTP (repeatable; for loopback registries)")
	fs.DurationVar(&o.timeout, "timeout", 5*time.Minute, "give up after this long")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), pinHelp)
		fmt.Fprint(fs.Output(), fs.FlagUsages())
	}
	fs.SetOutput(env.Stderr)
	return fs, o
}

func runPin(ctx context.Context, args []string, env Env) (int, error) {
	fs, o := pinFlags(env)
	if err := parseFlags(fs, args, env); err != nil {
		return ExitUsage, err
	}
	if fs.NArg() == 0 {
		return ExitUsage, usagef("pin takes at least one PATH; run 'customs help pin'")
	}
	if o.write && o.check {
		return ExitUsage, usagef("--write and --check do not go together: pin first, then check")
	}
	res := &pin.Resolver{Source: source.Options{Insecure: o.insecure, UserAgent: "customs/" + Version}}
	if o.passwordStdin {
		if o.username == "" {
			return ExitUsage, usagef("--password-stdin needs --username")
		}
		pw, err := readPassword(env.Stdin)
		if err != nil {
			return exitCode(err), err
		}
		res.Source.Username, res.Source.Password = o.username, pw
	} else if o.username != "" {
		return ExitUsage, usagef("--username needs --password-stdin (passwords never go on the command line)")
	}
	lock, err := pin.ReadLock(o.lock)
	if err != nil {
		return ExitError, err
	}
	files, warnings, err := pin.Load(fs.Args())
	if err != nil {
		return ExitError, err
	}
	for _, w := range warnings {
		fmt.Fprintf(env.Stderr, "customs: warning: %v\n", w)
	}
	squats, err := judgeNames(files, env)
	if err != nil {
		return ExitError, err
	}
	if squats > 0 && (o.check || o.write) {
		return ExitReject, fmt.Errorf("%d references imitate well-known names; nothing resolved or written", squats)
	}
	if o.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.timeout)
		defer cancel()
	}
	items := pin.Resolve(ctx, res, files)
	failed := reportItemErrors(items, env)
	switch {
	case o.check:
		return pinCheck(items, lock, failed, env)
	case o.write:
		if failed > 0 {
			return ExitError, fmt.Errorf("%d references could not be resolved; nothing written", failed)
		}
		return pinWrite(files, items, lock, o.lock, env)
	}
	printPinTable(items, env)
	if failed > 0 {
		return ExitError, fmt.Errorf("%d references could not be resolved", failed)
	}
	return ExitAccept, nil
}

// reportItemErrors prints skipped references as warnings and registry
// failures as errors, and returns how many failed.
func reportItemErrors(items []pin.Item, env Env) int {
	failed := 0
	for _, it := range items {
		if it.Err == nil {
			continue
		}
		if pin.Skipped(it.Err) {
			fmt.Fprintf(env.Stderr, "customs: warning: %s:%d: %s not resolved: %v\n", it.File, it.Ref.Line, it.Ref.Text, it.Err)
			continue
		}
		failed++
		fmt.Fprintf(env.Stderr, "customs: %s:%d: %v\n", it.File, it.Ref.Line, it.Err)
	}
	return failed
}

func printPinTable(items []pin.Item, env Env) {
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE:LINE\tREFERENCE\tDIGEST\tPINNED")
	for _, it := range items {
		if it.Err != nil {
			continue
		}
		fmt.Fprintf(tw, "%s:%d\t%s\t%s\t%s\n", it.File, it.Ref.Line, it.Ref.Text, it.Digest(), pin.Pinned(it.Ref.Text, it.Res.Tag, it.Digest()))
	}
	tw.Flush()
}

func pinCheck(items []pin.Item, lock *pin.Lock, failed int, env Env) (int, error) {
	problems := pin.Check(items, lock)
	for _, p := range problems {
		fmt.Fprintf(env.Stdout, "%s:%d: %s: %s\n", p.Item.File, p.Item.Ref.Line, p.Item.Ref.Text, p.Message)
	}
	if len(problems) > 0 {
		fmt.Fprintf(env.Stdout, "%d problems in %d references\n", len(problems), len(items))
		return ExitReject, nil
	}
	if failed > 0 {
		return ExitError, fmt.Errorf("%d references could not be resolved", failed)
	}
	fmt.Fprintf(env.Stdout, "%d references pinned and matching the lock", len(items)-skipped(items))
	if n := skipped(items); n > 0 {
		fmt.Fprintf(env.Stdout, "; %d not checked (see the warnings)", n)
	}
	fmt.Fprintln(env.Stdout)
	return ExitAccept, nil
}

func pinWrite(files []*pin.File, items []pin.Item, lock *pin.Lock, lockPath string, env Env) (int, error) {
	changed := 0
	for _, f := range files {
		out, fixed, err := pin.Rewrite(f, items)
		if err != nil {
			return ExitError, err
		}
		for _, it := range fixed {
			fmt.Fprintf(env.Stderr, "customs: warning: %s:%d: %s cannot be rewritten in place (%s); pin it by hand to %s\n",
				it.File, it.Ref.Line, it.Ref.Text, it.Ref.Fixed, pin.Pinned(it.Ref.Text, it.Res.Tag, it.Res.Current))
		}
		if string(out) == string(f.Data) {
			continue
		}
		if err := pin.WriteFile(f.Path, out); err != nil {
			return ExitError, err
		}
		changed++
	}
	for _, k := range lock.Update(items) {
		fmt.Fprintf(env.Stderr, "customs: warning: %s is pinned to different digests in different places; the lock records the last\n", k)
	}
	if err := lock.Write(lockPath); err != nil {
		return ExitError, err
	}
	fmt.Fprintf(env.Stdout, "resolved %d references, rewrote %d files, wrote %s\n", len(items)-skipped(items), changed, lockPath)
	return ExitAccept, nil
}

// skipped counts the references that could not be read from their files.
func skipped(items []pin.Item) int {
	n := 0
	for _, it := range items {
		if it.Err != nil && pin.Skipped(it.Err) {
			n++
		}
	}
	return n
}
