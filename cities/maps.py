"""The partner-city map, drawn on the server as inline SVG.

No map tiles and no scripts: the countries of Natural Earth's 1:110m map
(cities/world.py) in a plain equirectangular projection of the box around the
cities, cut to that box, so the map costs no request, reads the same without
JavaScript, and the list beside it stays the accessible alternative.
"""

import math
from dataclasses import dataclass

from cities import world

WIDTH = 640
# Degrees; two cities close together still get some land around them.
MIN_SPAN = 8
PADDING = 0.15


# Where a label's baseline sits from its dot, above or below (24 px labels).
LABEL_ABOVE, LABEL_BELOW = -18, 34


@dataclass(frozen=True)
class Point:
    city: object
    x: float
    y: float
    is_home: bool = False
    # Labels are centred on their dot (no mirroring in RTL), above it, or below
    # it where the line from the home city comes from above.
    below: bool = False

    @property
    def label_y(self):
        return round(self.y + (LABEL_BELOW if self.below else LABEL_ABOVE), 1)


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
    land: list

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

    start = place(home) if home else None
    points = []
    for city, _ended in partners:
        x, y = place(city)
        # The line from home arrives from above: the label goes under the dot.
        points.append(Point(city, x, y, below=start is not None and start[1] < y))
    if home:
        # Home's label away from its lines: under it if most partners are north.
        north = sum(point.y < start[1] for point in points)
        points.insert(
            0, Point(home, *start, is_home=True, below=north > len(points) / 2)
        )
    lines = (
        [Line(*start, *place(city), ended=ended) for city, ended in partners]
        if home
        else []
    )
    height = round((y1 - y0) * scale)

    def project(longitude, latitude):
        return (longitude * squeeze - x0) * scale, (-latitude - y0) * scale

    return Map(
        home=home,
        width=WIDTH,
        height=height,
        points=points,
        lines=lines,
        land=country_paths(project, WIDTH, height),
    )


def country_paths(project, width, height):
    """SVG path data of each country that shows on the map, cut to its frame
    (with a margin, so the cut edges lie outside what is seen)."""
    margin = 8
    frame = (-margin, -margin, width + margin, height + margin)
    paths = []
    for _code, rings in world.countries():
        parts = []
        for ring in rings:
            points = clip([project(*point) for point in ring], frame)
            if len(points) >= 3:
                parts.append(path_data(points))
        if parts:
            paths.append("".join(parts))
    return paths


def path_data(points):
    """ "M x y L x y ... Z", dropping points under half a unit from the last."""
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= 0.5:
            kept.append((x, y))
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in kept) + "Z"


def clip(points, frame):
    """A polygon cut to a rectangle (Sutherland–Hodgman): the frame is convex,
    so cutting by each of its four edges in turn is exact."""
    left, top, right, bottom = frame
    if not points:
        return []
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    if max(xs) < left or min(xs) > right or max(ys) < top or min(ys) > bottom:
        return []
    edges = (
        (lambda p: p[0] >= left, lambda a, b: _at_x(a, b, left)),
        (lambda p: p[0] <= right, lambda a, b: _at_x(a, b, right)),
        (lambda p: p[1] >= top, lambda a, b: _at_y(a, b, top)),
        (lambda p: p[1] <= bottom, lambda a, b: _at_y(a, b, bottom)),
    )
    for inside, crossing in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(crossing(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(crossing(previous, point))
            previous = point
        points = result
    return points


def _at_x(a, b, x):
    share = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + share * (b[1] - a[1])


def _at_y(a, b, y):
    share = (y - a[1]) / (b[1] - a[1])
    return a[0] + share * (b[0] - a[0]), y
