"""`python -m valdsprogram`."""

from valdsprogram.cli import main

main()
