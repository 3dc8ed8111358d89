"""letterlint.engine."""
