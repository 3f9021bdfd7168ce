package samples

import "testing"

func TestMustRun(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want bool
	}{
		{name: "nothing set", want: false},
		{name: "required", env: map[string]string{"CUSTOMS_REQUIRE_INTEGRATION": "1"}, want: true},
		{name: "explicitly not required", env: map[string]string{"CUSTOMS_REQUIRE_INTEGRATION": "0"}, want: false},
		{name: "CI", env: map[string]string{"CI": "true"}, want: true},
		{name: "CI other value", env: map[string]string{"CI": "1"}, want: false},
	}
	for _, tt := range tests {
		if got := MustRun(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%s: MustRun = %v, want %v", tt.name, got, tt.want)
		}
	}
}
