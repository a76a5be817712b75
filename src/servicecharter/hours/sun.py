"""Sunrise, sunset, dawn and dusk at a place, for the notation's variable times.

The solar position follows the low-precision method of Meeus, *Astronomical
Algorithms*, chapter 25 (geometric mean longitude and anomaly, equation of
the centre, apparent longitude and obliquity), on Terrestrial Time with the
Espenak-Meeus polynomial for delta T, and the sidereal time on Universal
Time. The transit is refined by three steps and each rise or set by two
Newton steps, as opening_hours.js's solar library does, so the minutes
agree with it: an event is read as the local time of day, truncated to the
minute. Sunrise and sunset are the moments the centre of the sun is 0.833
degrees below the horizon (refraction and the solar radius), dawn and
dusk (civil twilight) 6 degrees below.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import zoneinfo

__all__ = ["EVENTS", "event_seconds"]

EVENTS = {"sunrise": (-0.833, -1), "sunset": (-0.833, 1), "dawn": (-6.0, -1)}
EVENTS["dusk"] = (-6.0, 1)

_RAD = math.pi / 180
_DAY_S = 86_400
_J2000_UNIX_DAYS = 10_957.5  # 2000-01-01 12:00 UTC in days from the Unix epoch
_J0 = 0.0009


# Espenak-Meeus delta T: (until year, from year, polynomial coefficients).
_DELTA_T = (
    (1920, 1900, (-2.79, 1.494119, -0.0598939, 0.0061966, -0.000197)),
    (1941, 1920, (21.20, 0.84493, -0.076100, 0.0020936)),
    (1961, 1950, (29.07, 0.407, -1 / 233, 1 / 2547)),
    (1986, 1975, (45.45, 1.067, -1 / 260, -1 / 718)),
    (2005, 2000, (63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599)),
    (2050, 2000, (62.92, 0.32217, 0.005589)),
)


def _delta_t_s(days: float) -> float:
    """Terrestrial minus Universal Time, seconds, at ``days`` from J2000."""
    y = 2000 + days / 365.2425
    for until, origin, coefficients in _DELTA_T:
        if y < until:
            t, total = y - origin, 0.0
            for coefficient in reversed(coefficients):
                total = total * t + coefficient
            return total
    u = (y - 1820) / 100
    return -20 + 32 * u * u - 0.5628 * (2150 - y)


def _sun(days_ut: float) -> tuple[float, float]:
    """Right ascension and declination (radians) at ``days_ut`` from J2000."""
    t = (days_ut + _delta_t_s(days_ut) / _DAY_S) / 36525
    mean_longitude = _RAD * (280.46646 + t * (36000.76983 + t * 0.0003032))
    anomaly = _RAD * (357.52911 + t * (35999.05029 - t * 0.0001537))
    s, c = math.sin(anomaly), math.cos(anomaly)
    centre = _RAD * (
        (1.914602 - t * (0.004817 + t * 0.000014)) * s
        + (0.019993 - 0.000101 * t) * 2 * s * c
        + 0.000289 * s * (3 - 4 * s * s)
    )
    node = _RAD * (125.04 - 1934.136 * t)
    longitude = mean_longitude + centre - _RAD * (0.00569 + 0.00478 * math.sin(node))
    obliquity = _RAD * (
        23.439291 - t * (0.0130042 + t * (0.00000016 - t * 0.000000504))
    ) + _RAD * 0.00256 * math.cos(node)
    ascension = math.atan2(
        math.cos(obliquity) * math.sin(longitude), math.cos(longitude)
    )
    return ascension, math.asin(math.sin(obliquity) * math.sin(longitude))


def _hour_angle(days: float, west: float) -> tuple[float, float]:
    """The sun's hour angle, wrapped to [-pi, pi], and its declination."""
    ascension, declination = _sun(days)
    sidereal = _RAD * (280.46061837 + 360.98564736629 * days) - west
    angle = sidereal - ascension
    return angle - 2 * math.pi * math.floor(angle / (2 * math.pi) + 0.5), declination


def _event_days(cycle: int, lat: float, lon: float, event: str) -> float | None:
    """The event of solar day ``cycle`` in days from J2000 (UT), None if none."""
    west, phi = _RAD * -lon, _RAD * lat
    transit = cycle + _J0 + west / (2 * math.pi)
    for _ in range(3):
        transit -= _hour_angle(transit, west)[0] / (2 * math.pi)
    declination = _sun(transit)[1]
    altitude, sign = EVENTS[event]
    h0 = altitude * _RAD
    cos_h0 = (math.sin(h0) - math.sin(phi) * math.sin(declination)) / (
        math.cos(phi) * math.cos(declination)
    )
    if not -1 <= cos_h0 <= 1:
        return None  # the sun stays above or below that altitude all day
    days = transit + sign * math.acos(cos_h0) / (2 * math.pi)
    for _ in range(2):
        angle, dec = _hour_angle(days, west)
        height = math.asin(
            math.sin(phi) * math.sin(dec)
            + math.cos(phi) * math.cos(dec) * math.cos(angle)
        )
        slope = math.cos(phi) * math.cos(dec) * math.sin(angle)
        if abs(slope) < 1e-6:
            break
        days += (height - h0) / (2 * math.pi * slope)
    return days


@functools.lru_cache(maxsize=8192)
def event_seconds(
    day: dt.date, zone: zoneinfo.ZoneInfo, lat: float, lon: float, event: str
) -> int | None:
    """Seconds from local midnight to ``event`` on ``day``, whole minutes.

    None when the event does not happen that day (polar day or night).

    >>> paris = zoneinfo.ZoneInfo("Europe/Paris")
    >>> divmod(
    ...     event_seconds(dt.date(2026, 6, 21), paris, 48.8566, 2.3522, "sunrise")
    ...     // 60,
    ...     60,
    ... )
    (5, 46)
    """
    noon = dt.datetime.combine(day, dt.time(12), zone)
    noon_days = noon.timestamp() / _DAY_S - _J2000_UNIX_DAYS
    first = math.floor(noon_days - _J0 + lon / 360 + 0.5)
    for cycle in (first, first - 1, first + 1):
        days = _event_days(cycle, lat, lon, event)
        if days is None:
            continue
        unix_s = (days + _J2000_UNIX_DAYS) * _DAY_S
        local = dt.datetime.fromtimestamp(math.floor(unix_s), zone)
        if local.date() == day:
            return local.hour * 3600 + local.minute * 60
    return None
