"""``python -m letterlint …`` — the same command line as the ``letterlint`` script."""

from letterlint.cli import main

main()
