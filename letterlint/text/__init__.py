"""letterlint.text."""
