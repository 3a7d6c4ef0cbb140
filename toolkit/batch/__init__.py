"""Batch production: rosters and department folders in, parallel builds and one QA report out."""
