"""`python -m valdsprogram`."""

from valdsprogram.cli.app import main

main()
