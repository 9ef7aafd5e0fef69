"""Vietnamese scenarios (features/) and the checks around them."""
