"""Extraction: repaired text in, records of the export contract out.

``structure``     lines -> blocks (headings, items, rows) -> sections
``dates``         dates and times, all month-name families and digit systems
``participants``  people: honorific, name, role, organization, remote, commitments
``tables``        commitment tables, participant statistics, schedules, programmes
``document``      one document's contract dict with provenance
"""
