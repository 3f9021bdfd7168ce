package spdx

import "testing"

func TestLicenseID(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"MIT", "MIT", true},
		{"mit", "MIT", true},
		{"apache-2.0", "Apache-2.0", true},
		{"GPL-2.0-only", "GPL-2.0-only", true},
		{"0BSD", "0BSD", true},
		{"ZPL-2.1", "ZPL-2.1", true},
		{"Classpath-exception-2.0", "Classpath-exception-2.0", true},
		{"GPLv2+", "", false},
		{"MIT License", "", false},
		{"", "", false},
		{"MIT\nBSD", "", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := LicenseID(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("LicenseID(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestExpression(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"MIT", "MIT", true},
		{"mit or apache-2.0", "MIT OR Apache-2.0", true},
		{"GPL-2.0-or-later WITH Classpath-exception-2.0", "GPL-2.0-or-later WITH Classpath-exception-2.0", true},
		{"(MIT OR BSD-3-Clause)  AND  Zlib", "(MIT OR BSD-3-Clause) AND Zlib", true},
		{"((MIT))", "((MIT))", true},
		{"LGPL-2.1+", "LGPL-2.1+", true},
		{"GPL-2.0-only AND (LGPL-2.1-only OR (BSD-2-Clause AND ISC))", "GPL-2.0-only AND (LGPL-2.1-only OR (BSD-2-Clause AND ISC))", true},
		{"GPLv2+", "", false},
		{"MIT License", "", false},
		{"MIT AND", "", false},
		{"AND MIT", "", false},
		{"(MIT", "", false},
		{"MIT)", "", false},
		{"()", "", false},
		{"MIT WITH (BSD-3-Clause)", "", false},
		{"", "", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := Expression(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Expression(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}
