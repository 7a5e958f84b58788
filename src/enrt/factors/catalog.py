"""The shipped factor sets, as ``enrt factors list`` shows them."""
from __future__ import annotations

from .loader import DEFAULT_SET_ID, load_factor_set, shipped_ids


def list_sets() -> list[dict]:
    out = []
    for set_id in shipped_ids():
        fs = load_factor_set(set_id)
        m = fs.model
        out.append({"id": m.id, "version": m.version, "published": m.published,
                    "license": m.license, "title": m.title, "default": m.id == DEFAULT_SET_ID,
                    "sha256": fs.sha256})
    return out
