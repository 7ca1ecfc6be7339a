"""Prefect orchestration: thin wrappers over the pure stage functions of ``pipeline.stages``."""
