"""The follow-up workbook: its layout, the writer, and the importer with its guard, cells, values and check."""
