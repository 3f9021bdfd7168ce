package vulndb

import "github.com/customs-oss/customs/internal/osv"

// Limits bound what an import reads, since archives and directories may
// come from anywhere. A zero field takes its default.
type Limits struct {
	// MaxRecords bounds the zip entries or files of one import
	// (default 2,000,000; OSV's largest archives hold a few hundred
	// thousand records).
	MaxRecords int
	// MaxRecordSize bounds one record (default osv.MaxRecordSize).
	MaxRecordSize int64
	// MaxTotalSize bounds the uncompressed bytes of one import, so a zip
	// bomb stops early (default 16 GiB).
	MaxTotalSize int64
	// MaxDownload bounds a downloaded archive on disk (default 2 GiB).
	MaxDownload int64
	// MaxSecDBSize bounds an Alpine secdb file (default 64 MiB; the real
	// ones are under 1 MiB).
	MaxSecDBSize int64
}

func (l Limits) withDefaults() Limits {
	if l.MaxRecords <= 0 {
		l.MaxRecords = 2_000_000
	}
	if l.MaxRecordSize <= 0 {
		l.MaxRecordSize = osv.MaxRecordSize
	}
	if l.MaxTotalSize <= 0 {
		l.MaxTotalSize = 16 << 30
	}
	if l.MaxDownload <= 0 {
		l.MaxDownload = 2 << 30
	}
	if l.MaxSecDBSize <= 0 {
		l.MaxSecDBSize = 64 << 20
	}
	return l
}
