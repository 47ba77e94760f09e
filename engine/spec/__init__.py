"""Spec side of the engine: document identity and clause structure."""
