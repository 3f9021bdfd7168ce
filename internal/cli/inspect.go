package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/spf13/pflag"

	"github.com/customs-oss/customs/internal/cache"
	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/checks/list"
	"github.com/customs-oss/customs/internal/inventory/readers"
	"github.com/customs-oss/customs/internal/policy"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scan"
	"github.com/customs-oss/customs/internal/signature/fetch"
	"github.com/customs-oss/customs/internal/walk"
)

const inspectHelp = `Usage: customs inspect IMAGE [flags]

Reads IMAGE once, layer by layer, without running it or unpacking it to disk,
checks it against the image-hygiene checklist, prints a report and exits with
the verdict: 0 accept or review, 3 reject, 1 error, 2 usage.

Examples:
  customs inspect nginx:1.27
  customs inspect ghcr.io/org/app@sha256:4f1c...  --format sarif --output app.sarif
  customs inspect docker-archive:app.tar --fail-on high
  customs inspect oci:./build/layout:v2 --format json | jq .verdict
  customs inspect docker-daemon:myapp:dev
  echo "$TOKEN" | customs inspect registry.example.com/team/app:1.4 --username ci --password-stdin

Flags:
`

type inspectOptions struct {
	format, output, policyFile, failOn, reviewOn string
	platform, username, cacheDir, dockerHost     string
	passwordStdin, noCache, timestamp, quiet     bool
	offline, noInventory                         bool
	trust                                        trustOptions
	vulns                                        vulnOptions
	insecure                                     []string
	parallel                                     int
	maxLayerSize                                 int64
	timeout                                      time.Duration
}

func inspectFlags(env Env) (*pflag.FlagSet, *inspectOptions) {
	o := &inspectOptions{}
	fs := pflag.NewFlagSet("inspect", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.StringVarP(&o.format, "format", "f", "table", formatHelp)
	fs.StringVarP(&o.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	fs.StringVar(&o.failOn, "fail-on", "", "reject (exit 3) on findings at or above `SEVERITY`: info, low, medium, high, critical or none (default critical)")
	fs.StringVar(&o.reviewOn, "review-on", "", "ask for review on findings at or above `SEVERITY`, or none (default high)")
	fs.StringVar(&o.policyFile, "policy", "", "read thresholds and ignored checks from a YAML policy `FILE`")
	fs.StringVar(&o.platform, "platform", "", "pick `OS/ARCH[/VARIANT]` from a multi-platform image (default: this host's)")
	fs.StringVarP(&o.username, "username", "u", "", "registry user name (default: ~/.docker/config.json and credential helpers)")
	fs.BoolVar(&o.passwordStdin, "password-stdin", false, "read the registry password or token from standard input")
	fs.StringSliceVar(&o.insecure, "insecure-registry", nil, "reach registry `HOST:PORT` over plain HTTP (repeatable; for loopback registries)")
	fs.StringVar(&o.dockerHost, "docker-host", "", "Docker engine `ADDRESS` for docker-daemon: (default $DOCKER_HOST or unix:///var/run/docker.sock)")
	fs.StringVar(&o.cacheDir, "cache-dir", "", "directory of cached layer facts (default $XDG_CACHE_HOME/customs)")
	fs.BoolVar(&o.noCache, "no-cache", false, "neither read nor write cached layer facts")
	fs.BoolVar(&o.offline, "offline", false, "make no network call beyond the image's own registry: no publisher lookups; the report says what was not checked (also CUSTOMS_OFFLINE=1)")
	o.trust.addFlags(fs)
	o.vulns.addFlags(fs)
	fs.BoolVar(&o.noInventory, "no-inventory", false, "do not list installed packages: no SBOM content and no vulnerability matching, for a faster malware and hygiene check")
	fs.IntVar(&o.parallel, "parallel", 0, "layers read at once (default: one per CPU)")
	fs.Int64Var(&o.maxLayerSize, "max-layer-size", walk.DefaultOptions().MaxLayerSize, "largest uncompressed layer accepted, in `BYTES`")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Minute, "give up after this long")
	fs.BoolVar(&o.timestamp, "timestamp", false, "record the generation time in the report (off so reports are reproducible)")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "no progress on standard error")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), inspectHelp)
		fmt.Fprint(fs.Output(), fs.FlagUsages())
	}
	fs.SetOutput(env.Stderr)
	return fs, o
}

func runInspect(ctx context.Context, args []string, env Env) (int, error) {
	fs, o := inspectFlags(env)
	if err := parseFlags(fs, args, env); err != nil {
		return ExitUsage, err
	}
	if fs.NArg() != 1 {
		return ExitUsage, usagef("inspect takes one IMAGE, got %d; run 'customs help inspect'", fs.NArg())
	}
	ref := fs.Arg(0)
	write, err := writerFor(o.format, env)
	if err != nil {
		return ExitUsage, err
	}
	opt, err := o.scanOptions(env)
	if err != nil {
		return exitCode(err), err
	}
	if o.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.timeout)
		defer cancel()
	}
	opt.Warn = func(err error) { fmt.Fprintf(env.Stderr, "customs: warning: %v\n", err) }
	progress := !o.quiet && isTerminal(env.Stderr)
	if progress {
		opt.Progress = func(p scan.Progress) {
			state := "read"
			if p.Cached {
				state = "cached"
			}
			fmt.Fprintf(env.Stderr, "\r\033[Klayer %d/%d %s", p.Layer, p.Layers, state)
		}
	}
	lookup, settings, closeDB, err := o.vulns.open()
	if err != nil {
		return exitCode(err), err
	}
	defer closeDB()
	opt.Env.VulnDB, opt.Env.Vulns = lookup, settings
	r, err := scan.Inspect(ctx, ref, opt)
	if progress {
		fmt.Fprint(env.Stderr, "\r\033[K")
	}
	if err != nil {
		return ExitError, fmt.Errorf("inspecting %s: %w", ref, err)
	}
	if err := emit(r, o.output, write, env); err != nil {
		return ExitError, err
	}
	if r.Verdict.Decision == report.Reject {
		return ExitReject, nil
	}
	return ExitAccept, nil
}

func (o *inspectOptions) scanOptions(env Env) (scan.Options, error) {
	opt := scan.Options{
		Checks:    list.All(),
		Parallel:  o.parallel,
		Timestamp: o.timestamp,
		Version:   Version,
		Walk:      walk.DefaultOptions(),
	}
	opt.Walk.MaxLayerSize = o.maxLayerSize
	opt.Source.Insecure = o.insecure
	opt.Source.DockerHost = o.dockerHost
	opt.Source.UserAgent = "customs/" + Version
	opt.Source.TempDir = env.getenv("TMPDIR")
	opt.Env = checkEnv(o.offline, env)
	if o.platform != "" {
		p, err := v1.ParsePlatform(o.platform)
		if err == nil && (p.OS == "" || p.Architecture == "") {
			err = fmt.Errorf("want OS/ARCH[/VARIANT], such as linux/arm64/v8")
		}
		if err != nil {
			return opt, usagef("--platform %q: %v", o.platform, err)
		}
		opt.Source.Platform = p
	}
	if o.passwordStdin {
		if o.username == "" {
			return opt, usagef("--password-stdin needs --username")
		}
		pw, err := readPassword(env.Stdin)
		if err != nil {
			return opt, err
		}
		opt.Source.Username, opt.Source.Password = o.username, pw
	} else if o.username != "" {
		return opt, usagef("--username needs --password-stdin (passwords never go on the command line)")
	}
	if !o.noCache {
		opt.CacheDir = o.cacheDir
		if opt.CacheDir == "" {
			opt.CacheDir = cache.DefaultDir()
		}
	}
	pol := report.DefaultPolicy()
	if o.policyFile != "" {
		var err error
		if pol, err = policy.Load(o.policyFile); err != nil {
			return opt, usagef("%v", err)
		}
	}
	for _, t := range []struct {
		flag string
		dst  *report.Severity
	}{{o.failOn, &pol.FailOn}, {o.reviewOn, &pol.ReviewOn}} {
		if t.flag == "" {
			continue
		}
		s, err := report.ParseThreshold(t.flag)
		if err != nil {
			return opt, usagef("%v", err)
		}
		*t.dst = s
	}
	if pol.ReviewOn > pol.FailOn {
		pol.ReviewOn = pol.FailOn
	}
	opt.Policy = pol
	opt.Env.Popularity = pol.Popularity
	verifiers, err := o.trust.verifiers()
	if err != nil {
		return opt, err
	}
	opt.Env.Verifiers = verifiers
	if !o.noInventory {
		opt.Inventory = readers.All()
	}
	// Signatures live in the image's own registry, which is read offline
	// too; verifying them needs no other service.
	opt.Env.Signatures = fetch.New(opt.Source)
	return opt, nil
}

// checkEnv is what the checks that reach Docker Hub may use: nothing when
// offline, else a client with the proxy from the environment and a bounded
// time per request. CUSTOMS_HUB_URL points them at another API address.
func checkEnv(offline bool, env Env) check.Env {
	if offline || env.getenv("CUSTOMS_OFFLINE") == "1" || env.getenv("CUSTOMS_OFFLINE") == "true" {
		return check.Env{Offline: true}
	}
	return check.Env{
		HTTP: &http.Client{
			Timeout:   20 * time.Second,
			Transport: &http.Transport{Proxy: http.ProxyFromEnvironment, TLSHandshakeTimeout: 10 * time.Second},
		},
		HubURL:    env.getenv("CUSTOMS_HUB_URL"),
		QuayURL:   env.getenv("CUSTOMS_QUAY_URL"),
		GitHubURL: env.getenv("CUSTOMS_GITHUB_API_URL"),
	}
}

func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 64<<10)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("reading password from standard input: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", usagef("--password-stdin: standard input is empty")
	}
	return pw, nil
}

// emit writes the report to standard output or to a file, atomically.
func emit(r *report.Report, output string, write func(io.Writer, *report.Report, bool) error, env Env) error {
	if output == "" || output == "-" {
		return write(env.Stdout, r, isTerminal(env.Stdout) && env.getenv("NO_COLOR") == "")
	}
	if st, err := os.Stat(output); err == nil && !st.Mode().IsRegular() {
		// A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in
		// place: renaming a file over it would replace the device.
		return writeInPlace(r, output, write)
	}
	f, err := os.CreateTemp(dirOf(output), ".customs-report-*")
	if err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	if err := write(f, r, false); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing report: %w", err)
	}
	if err := os.Rename(f.Name(), output); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}

// writeInPlace writes the report to an existing file that is not a regular
// file.
func writeInPlace(r *report.Report, output string, write func(io.Writer, *report.Report, bool) error) error {
	f, err := os.OpenFile(output, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	if err := write(f, r, false); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}

func dirOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i+1]
	}
	return "."
}
