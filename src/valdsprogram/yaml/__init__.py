"""Reading YAML: the positional reader that keeps every line and column, syntax errors, hand-typed values."""
