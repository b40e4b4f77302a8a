"""The partner-city map: Natural Earth's countries projected and cut to the box
around the cities, labels clear of the lines."""

from types import SimpleNamespace

from cities import maps, world


def city(name, latitude, longitude):
    return SimpleNamespace(
        name=name, latitude=latitude, longitude=longitude, has_coordinates=True
    )


KAZAN = city("Kazan", 55.7963, 49.1088)
ISFAHAN = city("Isfahan", 32.6539, 51.6660)


def test_the_world_data_holds_natural_earths_countries():
    found = dict(world.countries())

    assert len(found) > 170
    russia, iran = found["643"], found["364"]  # ISO 3166 numeric codes
    assert any(40 < lon < 60 and 50 < lat < 60 for ring in russia for lon, lat in ring)
    assert all(44 < lon < 64 and 25 < lat < 40 for ring in iran for lon, lat in ring)


def test_land_is_drawn_inside_the_frame():
    drawn = maps.draw(KAZAN, [(ISFAHAN, False)])

    assert len(drawn.land) >= 5
    for path in drawn.land:
        numbers = [
            float(n)
            for n in path.replace("M", " ").replace("L", " ").replace("Z", " ").split()
        ]
        xs, ys = numbers[0::2], numbers[1::2]
        assert min(xs) >= -9 and max(xs) <= drawn.width + 9
        assert min(ys) >= -9 and max(ys) <= drawn.height + 9


def test_a_label_sits_away_from_the_line_to_its_city():
    """The line from Kazan comes to Isfahan from above: its label goes below."""
    drawn = maps.draw(KAZAN, [(ISFAHAN, False)])
    home, partner = drawn.points

    assert home.label_y < home.y  # Kazan's label above, its line leaves below
    assert partner.label_y > partner.y


def test_clip_cuts_a_polygon_to_the_frame():
    square = [(-10, -10), (10, -10), (10, 10), (-10, 10)]

    clipped = maps.clip(square, (0, 0, 100, 100))

    assert sorted(set(clipped)) == [(0, 0), (0, 10), (10, 0), (10, 10)]
    assert maps.clip([(200, 200), (300, 200), (300, 300)], (0, 0, 100, 100)) == []
