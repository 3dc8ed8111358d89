"""letterlint.checks."""
