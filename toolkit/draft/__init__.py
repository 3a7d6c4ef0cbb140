"""Drafting: strict YAML, report kinds, the template sandbox, the composer, starters, phrases."""
