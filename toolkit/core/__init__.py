"""Shared ground: errors, the Document type, numerals, file reading and writing, shipped data."""
