"""Factor sets: loading, validation and numpy indexing."""
from .arrays import FactorArrays, build_arrays
from .loader import DEFAULT_SET_ID, LoadedFactorSet, load_factor_set, shipped_ids
from .model import CATEGORY_IDS, FactorSet

__all__ = ["CATEGORY_IDS", "DEFAULT_SET_ID", "FactorArrays", "FactorSet", "LoadedFactorSet",
           "build_arrays", "load_factor_set", "shipped_ids"]
