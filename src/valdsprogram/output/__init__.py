"""Rendering: formats, documents, templates and their sandbox, tables, charts, PDF, terminal views, schemas."""
