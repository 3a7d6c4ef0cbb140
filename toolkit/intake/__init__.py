"""Existing documents coming in: files, folders and stdin read as Documents."""
