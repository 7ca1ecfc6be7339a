"""Extraction: repaired text in, records of the export contract out.

``structure``     lines -> blocks (headings, items, rows) -> sections
``dates``         dates and times, all month-name families and digit systems
``participants``  people: honorific, name, role, organization, remote, commitments
``tables``        commitment tables, participant statistics, schedules, programmes
``text_tables``   the same tables written as lines of text (one cell or one row per line)
``document``      one document's contract dict with provenance
"""
