"""Checking: the validation run, the rules, acknowledgements, suggestions and model errors as diagnostics."""
