package roles

import "testing"

// BenchmarkIsGUID measures the check rules run on every ID of every
// deployment.
func BenchmarkIsGUID(b *testing.B) {
	ids := []string{Reader, "B24988AC-6180-42A0-AB88-20F7382DD24C", "not-a-guid", "acdd72a7-3385-48ef-bd42-f606fba81ae-"}
	for b.Loop() {
		for _, id := range ids {
			IsGUID(id)
		}
	}
}
