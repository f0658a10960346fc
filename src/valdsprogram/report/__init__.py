"""Summaries as plain data: the city-wide report (indicators, trends, masking), status matrix, checklists, look-ups."""
