"""Showing the record: in the terminal (``terminal``)."""
