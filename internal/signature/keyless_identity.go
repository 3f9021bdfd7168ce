package signature

import (
	"errors"
	"fmt"

	"github.com/sigstore/sigstore-go/pkg/verify"
)

// Identity is who the certificate of a keyless signature must name, as
// `cosign verify` takes it: the subject alternative name (an email, a URI
// such as a CI workflow) and the OIDC issuer that vouched for it, each given
// exactly or as a regular expression (unanchored, as in cosign).
type Identity struct {
	SAN, SANRegexp       string
	Issuer, IssuerRegexp string
}

// String describes the identity for a report.
func (id Identity) String() string {
	s := "certificate identity " + id.SAN
	if id.SANRegexp != "" {
		s = "certificate identity matching " + id.SANRegexp
	}
	if id.IssuerRegexp != "" {
		return s + " from an issuer matching " + id.IssuerRegexp
	}
	return s + " from issuer " + id.Issuer
}

// Check reports whether the identity can be used: exactly one of each pair
// given, and regular expressions that compile.
func (id Identity) Check() error {
	_, err := id.policy()
	return err
}

// policy checks that exactly one of each pair is given and compiles the
// regular expressions.
func (id Identity) policy() (verify.CertificateIdentity, error) {
	switch {
	case id.SAN == "" && id.SANRegexp == "":
		return verify.CertificateIdentity{}, errors.New("keyless verification needs a certificate identity or identity regexp")
	case id.SAN != "" && id.SANRegexp != "":
		return verify.CertificateIdentity{}, errors.New("give a certificate identity or an identity regexp, not both")
	case id.Issuer == "" && id.IssuerRegexp == "":
		return verify.CertificateIdentity{}, errors.New("keyless verification needs an OIDC issuer or issuer regexp")
	case id.Issuer != "" && id.IssuerRegexp != "":
		return verify.CertificateIdentity{}, errors.New("give an OIDC issuer or an issuer regexp, not both")
	}
	ci, err := verify.NewShortCertificateIdentity(id.Issuer, id.IssuerRegexp, id.SAN, id.SANRegexp)
	if err != nil {
		return verify.CertificateIdentity{}, fmt.Errorf("certificate identity or issuer regexp: %w", err)
	}
	return ci, nil
}
