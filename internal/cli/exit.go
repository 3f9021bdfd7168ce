package cli

import (
	"errors"
	"fmt"
)

// Exit codes, documented in the README.
const (
	ExitAccept = 0 // the verdict is accept or review
	ExitError  = 1 // customs could not finish (unreachable registry, corrupt image, ...)
	ExitUsage  = 2 // the command line is wrong
	ExitReject = 3 // the policy rejects the image
)

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// exitCode maps an error to the process exit code.
func exitCode(err error) int {
	var u *usageError
	if errors.As(err, &u) {
		return ExitUsage
	}
	return ExitError
}
