// Package depcheck holds the test that keeps customs' package layering
// honest: the arrows point one way (cli → scan → walk, checks, report) and
// renderers never see the scanner.
package depcheck
