package rpm

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/customs-oss/customs/internal/facts"
)

// maxPackages bounds the packages of one database; a large RHEL system
// has a few thousand.
const maxPackages = 200_000

// errEnough stops a database reader once maxPackages headers are read.
var errEnough = errors.New("enough packages")

// read lists the packages of the database data in format f. A header that
// cannot be parsed is reported and the next one read; a damaged database
// ends the read with the packages before the damage.
func read(ctx context.Context, f format, data []byte) ([]facts.Package, error) {
	var pkgs []facts.Package
	var errs []error
	n := 0
	each := func(blob []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		n++
		if n > maxPackages {
			return errEnough
		}
		h, err := parseHeader(blob)
		if err != nil {
			errs = append(errs, fmt.Errorf("package %d: %w", n, err))
			return nil
		}
		pkgs = append(pkgs, h.pkg())
		return nil
	}
	var err error
	switch f {
	case formatBDB:
		err = readBDB(data, each)
	case formatNDB:
		err = readNDB(data, each)
	case formatSQLite:
		err = readSQLite(ctx, data, each)
	}
	switch {
	case errors.Is(err, errEnough):
		errs = append(errs, fmt.Errorf("more than %d packages", maxPackages))
	case err != nil:
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		errs = append(errs, err)
	}
	return pkgs, errors.Join(errs...)
}

// pkg is the package the header describes. Its version is rpm's
// "[epoch:]version-release", the epoch shown when it is not 0; the source
// package, built from the same spec file, carries the same epoch.
func (h header) pkg() facts.Package {
	p := facts.Package{Type: "rpm", Name: h.name, Version: h.version, Arch: h.arch}
	if h.release != "" {
		p.Version += "-" + h.release
	}
	epoch := ""
	if h.epoch > 0 {
		epoch = strconv.Itoa(h.epoch) + ":"
		p.Version = epoch + p.Version
	}
	if name, vr, ok := sourceRPM(h.sourceRPM); ok {
		p.Source, p.SourceVersion = name, epoch+vr
	}
	if h.license != "" {
		p.Licenses = []string{h.license}
	}
	return p
}
