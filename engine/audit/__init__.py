"""Audit side of the engine: infraction detection and metadata."""
