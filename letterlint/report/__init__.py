"""letterlint.report."""
