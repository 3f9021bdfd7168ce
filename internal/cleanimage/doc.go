// Package cleanimage holds the suite that keeps customs quiet on ordinary
// images: a Debian bookworm minbase rootfs made by debootstrap, real npm
// packages installed from the registry, Go binaries (customs itself among
// them) and a real Alpine image. Each is inspected with every registered
// check; no malicious-content check may report anything above Low on them.
//
// The package's non-test code is what the suite needs to turn a directory
// or a tar file into an image layer; it is imported by tests only.
package cleanimage
