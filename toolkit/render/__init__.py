"""Seeing the page: font faces on this machine and the LibreOffice preview."""
