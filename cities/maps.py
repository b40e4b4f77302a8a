"""The partner-city map, drawn on the server as inline SVG.

No map tiles and no scripts: a plain equirectangular projection of the box around
the cities, so the map costs no request, reads the same without JavaScript, and
the list beside it stays the accessible alternative.
"""

import math
from dataclasses import dataclass

WIDTH = 640
# Degrees; two cities close together still get some land around them.
MIN_SPAN = 8
PADDING = 0.15


@dataclass(frozen=True)
class Point:
    city: object
    x: float
    y: float
    is_home: bool = False

    @property
    def label_y(self):
        """Labels sit above their dot: centred, so they need no mirroring in RTL."""
        return round(self.y - 18, 1)


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    ended: bool = False


@dataclass(frozen=True)
class Map:
    home: object
    width: int
    height: int
    points: list
    lines: list
    grid: list

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"


def _box(values, minimum):
    low, high = min(values), max(values)
    if high - low < minimum:
        middle = (low + high) / 2
        low, high = middle - minimum / 2, middle + minimum / 2
    return low, high


def draw(home, partners):
    """Project `home` and `partners` (cities; those without coordinates are left
    out) onto a map, or return None when no city has coordinates.

    `partners` is a list of (city, ended) pairs: ended partnerships get a dashed
    line from the home city.
    """
    home = home if home is not None and home.has_coordinates else None
    partners = [(city, ended) for city, ended in partners if city.has_coordinates]
    cities = ([home] if home else []) + [city for city, _ended in partners]
    if not cities:
        return None
    latitudes = [float(city.latitude) for city in cities]
    # Shrink longitude by the cosine of the middle latitude, so distances on
    # the map look right near the middle of the box.
    squeeze = math.cos(math.radians((min(latitudes) + max(latitudes)) / 2))

    def project_raw(city):
        return float(city.longitude) * squeeze, -float(city.latitude)

    raw = [project_raw(city) for city in cities]
    x0, x1 = _box([x for x, _y in raw], MIN_SPAN * squeeze)
    y0, y1 = _box([y for _x, y in raw], MIN_SPAN)
    # Neither a sliver nor a strip: keep the box between 1:1 and 2:1.
    width, height = x1 - x0, y1 - y0
    if width < height:
        x0, x1 = _box([x0, x1], height)
    elif width > height * 2:
        y0, y1 = _box([y0, y1], width / 2)
    pad = PADDING * max(x1 - x0, y1 - y0)
    x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
    scale = WIDTH / (x1 - x0)

    def place(city):
        x, y = project_raw(city)
        return round((x - x0) * scale, 1), round((y - y0) * scale, 1)

    points = [Point(home, *place(home), is_home=True)] if home else []
    points += [Point(city, *place(city)) for city, _ended in partners]
    lines = []
    if home:
        start = place(home)
        lines = [Line(*start, *place(city), ended=ended) for city, ended in partners]
    return Map(
        home=home,
        width=WIDTH,
        height=round((y1 - y0) * scale),
        points=points,
        lines=lines,
        grid=_graticule(x0, x1, y0, y1, squeeze, scale),
    )


def _graticule(x0, x1, y0, y1, squeeze, scale):
    """Meridians and parallels every 5 or 10 degrees, as faint guide lines."""
    step = 5 if (y1 - y0) < 30 else 10
    lines = []
    west, east = x0 / squeeze, x1 / squeeze
    for longitude in range(math.ceil(west / step) * step, math.floor(east) + 1, step):
        x = round((longitude * squeeze - x0) * scale, 1)
        lines.append(Line(x, 0, x, round((y1 - y0) * scale, 1)))
    for latitude in range(math.ceil(-y1 / step) * step, math.floor(-y0) + 1, step):
        y = round((-latitude - y0) * scale, 1)
        lines.append(Line(0, y, round((x1 - x0) * scale, 1), y))
    return lines
