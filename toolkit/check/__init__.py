"""Checking: the engine, rules by family, settings, word lists, fixes and the check flow."""
