"""The forms `mall` writes and `importera` reads: the follow-up YAML, the compilation YAML and the xlsx workbook."""
