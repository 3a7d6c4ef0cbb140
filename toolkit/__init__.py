"""gongwen: draft, check and typeset Chinese formal work reports (GB/T 9704-2012)."""

__version__ = "0.1.0"
