"""The world's countries for the partner-city map: Natural Earth's 1:110m
boundaries (public domain), converted once into cities/data/world-110m.json
(`manage.py convert_world_atlas`), read once per process."""

import json
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "world-110m.json"
# Coordinates are stored in hundredths of a degree: about 1 km, far finer than
# 1:110m data needs.
PRECISION = 100


@lru_cache(maxsize=1)
def countries():
    """[(country id, [ring, ...])], each ring a list of (longitude, latitude)."""
    data = json.loads(DATA_FILE.read_text())
    scale = data["precision"]
    return [
        (
            country["id"],
            [
                [
                    (x / scale, y / scale)
                    for x, y in zip(ring[0::2], ring[1::2], strict=True)
                ]
                for ring in country["rings"]
            ],
        )
        for country in data["countries"]
    ]
