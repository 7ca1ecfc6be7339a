"""mahdar: Arabic OGP minutes into a DuckDB warehouse.

Stages, one folder each: ``pipeline.ingest`` reads files into pages,
``normalizers`` repairs the text, ``extractors`` turns it into records,
``pipeline.warehouse`` loads them. ``flows`` wraps the stages in Prefect.
"""

__version__ = "0.1.0"
