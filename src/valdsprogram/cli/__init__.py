"""The command line, the only package that imports Typer: options parsed, one call into the public API, output."""
