"""Showing the record: tables in the terminal (``terminal``), briefings in Markdown, HTML and PDF (``briefing``).

``labels`` names codes, dates and amounts in the reader's language and ``chart``
draws the trade chart; the web pages use both too.
"""
