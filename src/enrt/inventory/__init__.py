"""Inventory readers: files -> sheets -> canonical equipment rows plus issues."""
from .labels import LabelMatcher
from .reader import InputResult, SheetSummary, read_inventory

__all__ = ["InputResult", "LabelMatcher", "SheetSummary", "read_inventory"]
