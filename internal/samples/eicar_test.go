package samples

import "testing"

func TestEICAR(t *testing.T) {
	got := EICAR()
	if len(got) != 68 {
		t.Errorf("EICAR is %d bytes, want 68", len(got))
	}
	// The digest every anti-virus vendor publishes for the 68-byte file.
	const want = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f"
	if d := digest(got); d != want {
		t.Errorf("EICAR sha256 %s, want %s", d, want)
	}
}
