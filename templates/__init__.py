"""Jinja2 templates for checklists and reports; shipped inside the package as `valdsprogram.templates`."""
