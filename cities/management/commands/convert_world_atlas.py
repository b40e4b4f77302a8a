"""Turn Natural Earth's 1:110m countries (the world-atlas npm package's
TopoJSON) into the map's data file, cities/data/world-110m.json. Run once, when
the map data is updated; the site reads only the converted file.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    manage.py convert_world_atlas package/countries-110m.json
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from cities.world import DATA_FILE, PRECISION


def decode_arcs(topology):
    """Every arc as a list of (longitude, latitude): TopoJSON stores them
    quantized and delta-encoded."""
    (scale_x, scale_y), (move_x, move_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    """A closed ring from arc indexes (~i: arc i reversed), shared ends once."""
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def flat(points):
    """[lon, lat, lon, lat, ...] in hundredths of a degree (integers)."""
    return [round(value * PRECISION) for point in points for value in point]


class Command(BaseCommand):
    help = "Convert world-atlas's countries-110m.json into the map's data file."

    def add_arguments(self, parser):
        parser.add_argument("topojson", type=Path)

    def handle(self, topojson, **options):
        topology = json.loads(topojson.read_text())
        arcs = decode_arcs(topology)
        countries = [
            {
                "id": geometry.get("id", ""),
                "name": geometry.get("properties", {}).get("name", ""),
                "rings": [
                    flat(ring(arcs, indexes))
                    for polygon in polygons(geometry)
                    for indexes in polygon
                ],
            }
            for geometry in topology["objects"]["countries"]["geometries"]
        ]
        data = {
            "source": "Natural Earth 1:110m cultural vectors (public domain), "
            "by way of the world-atlas npm package 2.0.2 (countries-110m.json)",
            "precision": PRECISION,
            "countries": [country for country in countries if country["rings"]],
        }
        DATA_FILE.write_text(json.dumps(data, separators=(",", ":")) + "\n")
        self.stdout.write(f"{len(data['countries'])} countries -> {DATA_FILE}")
