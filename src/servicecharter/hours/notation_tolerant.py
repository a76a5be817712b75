"""Rewrite the tolerant forms of the opening_hours notation to canonical ones.

opening_hours.js, the reference reader of the notation, accepts with a
warning many forms people write: weekday names (``Monday``, ``Mon.``,
``Montags``, ``Di``), 12-hour times (``9am``, ``12:00 p.m.``), dash words
and characters (``to``, ``bis``, an en dash, ``~``), ``24x7``, ``daily``,
typographic quotes and more. ``canonical`` rewrites them to the notation
the strict parser reads; ``OpeningHours.parse`` uses it only when the strict
reading fails, and warns with the canonical form to write instead.

Comments (in quotes, or after ``#``) are kept as written. A word no
table knows is kept too, so that the strict parser reports it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .notation_tokens import MONTHS, WEEKDAYS

__all__ = ["canonical"]

_MO, _TU, _WE, _TH, _FR, _SA, _SU = WEEKDAYS

# Words read as a weekday, as opening_hours.js's correction tables and its
# locale resolver map them (for German, the "Di", "Mi", "Do", "So" forms).
_WEEKDAY_WORDS: dict[str, tuple[str, ...]] = {
    _MO: ("m", "mon", "monday", "montag", "lun", "lundi", "lunes", "lunedì"),
    _TU: ("tue", "tues", "tuesday", "di", "die", "din", "dienstag", "mardi"),
    _WE: ("wed", "weds", "wednesday", "mi", "mit", "mittwoch", "mer", "w"),
    _TH: ("thu", "thur", "thurs", "thursday", "do", "don", "donnerstag", "jeu"),
    _FR: ("f", "fri", "friday", "freitag", "ven", "vendredi", "viernes"),
    _SA: ("sat", "saturday", "samstag", "sonnabend", "samedi", "sábado"),
    _SU: ("sun", "sunday", "so", "sonntag", "sonn", "dimanche", "domingo"),
}
# Whole weeks, Monday first, in languages opening_hours.js's resolver knows.
_WEEKS = (
    ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота"),
    ("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"),
    ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    ("ორშაბათი", "სამშაბათი", "ოთხშაბათი", "ხუთშაბათი", "პარასკევი", "შაბათი"),
)
_SUNDAYS = ("воскресенье", "კვირა")  # the two weeks above that end early
# Thai names carry combining vowel signs, so they are matched as phrases.
_THAI_WEEK = ("วันจันทร์", "วันอังคาร", "วันพุธ", "วันพฤหัสบดี", "วันศุกร์", "วันเสาร์")
_THAI_SUNDAY = "วันอาทิตย์"
_MONTH_WORDS: dict[str, tuple[str, ...]] = {
    "Jan": ("januar", "janvier", "enero", "gennaio", "january"),
    "Mar": ("mär", "märz", "maerz", "march"),
    "Jun": ("june", "juin", "junio", "giugno"),
    "Jul": ("july", "juli", "juillet", "julio", "luglio"),
}
# Words that stand for notation symbols, or for nothing at all.
_SYMBOL_WORDS: dict[str, tuple[str, ...]] = {
    "-": (
        *("to", "till", "til", "until", "through", "bis", "a", "as", "ate"),
        *("á", "ás", "à", "às", "до"),
    ),
    ",": ("and", "und", "u", "et", "auch"),
    "off": (
        *("geschlossen", "geschl", "ruhetag", "ruhetage", "gesloten"),
        *("fermé", "except", "\N{CYRILLIC SMALL LETTER O}ff"),
    ),
    "": ("uhr", "h", "hs", "hrs", "hours", "geöffnet", "durchgehend"),
}
_KEYWORDS = ("open", "closed", "off", "unknown", "week", "easter", "day", "days")


def _word_table() -> dict[str, str]:
    """Each known word (in lowercase) and what it is read as."""
    table = {word.lower(): word for word in (*WEEKDAYS, *MONTHS)}
    table |= {word: word for word in _KEYWORDS} | {"ph": "PH", "sh": "SH"}
    for groups in (_WEEKDAY_WORDS, _MONTH_WORDS, _SYMBOL_WORDS):
        for canon, words in groups.items():
            table |= dict.fromkeys(words, canon)
    for week in _WEEKS:
        table |= dict(zip(week, WEEKDAYS, strict=False))
    table |= dict.fromkeys(_SUNDAYS, _SU)
    for day in WEEKDAYS:  # plurals: "Mondays", "montags"
        table |= {w + "s": day for w in _WEEKDAY_WORDS[day] if len(w) > 3}
    return table


_WORDS = _word_table()

# Phrases, tried before single words; longer and more specific ones first.
_PHRASES: tuple[tuple[str, str], ...] = (
    (r"opening_hours\s*=|öffnungszeit(?:en)?:?", ""),
    (r"always closed", "closed"),
    (r"24 hours 7 days a week|24x7|always open|always|nonstop", "24/7"),
    (r"anytime|all day", "24/7"),
    (r"daylight", "sunrise-sunset"),
    (r"24 hours", "00:00-24:00"),
    (r"7 days(?: a |/)week|7j?/7|every ?day|all days|daily|täglich", "Mo-Su"),
    (r"(?:one )?day after public holidays?", "PH +1 day"),
    (r"(?:one )?day before public holidays?", "PH -1 day"),
    (r"(?:an |nur )?sonn-?(?: und |/)feiertag(?:s|en?)?", "PH,Su"),
    (r"school ?holidays?|(?:schul)?ferien", "SH"),
    (r"(?:an )?feiertag(?:s|en?)?|(?:public )?holidays?", "PH"),
    (r"weekends?", "Sa,Su"),
    (r"on work days?|weekdays?|wd", "Mo-Fr"),
    (r"werktags?", "Mo-Sa"),
    (r"on[_ ]?appointments?", '"on appointment"'),
    (r"by[_ ]?appointments?", '"by appointment"'),
    (r"nach[ _]vereinbarung", '"Nach Vereinbarung"'),
    (r"nach[ _]absprache", '"Nach Absprache"'),
    (r"sur[ _](?:rendez[ _-]?vous|rdv)", '"Sur rendez-vous"'),
    (r"midnight", "00:00"),
    (r"midday", "12:00"),
    *zip((*_THAI_WEEK, _THAI_SUNDAY), WEEKDAYS, strict=True),
)
_OPEN_END_RE = re.compile(
    r"\s*(?:\b(?:bis|till?)\b|-|\N{EN DASH})?\s*\b(?:open ?end|late)(?![^\W_])",
    re.IGNORECASE,
)
_PHRASE_RE = [
    (re.compile(rf"(?<![^\W_]){p}(?![^\W_])", re.IGNORECASE), r) for p, r in _PHRASES
]

# Characters opening_hours.js reads as "-", ":", "," or '"'.
_DASHES = (
    "\N{RIGHTWARDS ARROW}\N{HYPHEN}\N{NON-BREAKING HYPHEN}\N{FIGURE DASH}"
    "\N{EN DASH}\N{MINUS SIGN}\N{EM DASH}=~\N{FULLWIDTH TILDE}_"
    "\N{KATAKANA-HIRAGANA PROLONGED SOUND MARK}"
)
_CHARS = str.maketrans(
    dict.fromkeys(_DASHES, "-") | {"\N{FULLWIDTH COLON}": ":", "&": ","}
)
# A comment in quotes as opening_hours.js reads them: "..." is kept, one in
# other quotes (typographic, guillemets, corner brackets) is rewritten.
_OPENING = (
    "\"'\N{DOUBLE LOW-9 QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}"
    "\N{SINGLE LOW-9 QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    "\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{LEFT CORNER BRACKET}"
    "\N{LEFT WHITE CORNER BRACKET}"
)
_CLOSING = (
    "\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT CORNER BRACKET}"
    "\N{RIGHT WHITE CORNER BRACKET}"
)
_QUOTED_RE = re.compile(rf"(\"[^\"]*\")|[{_OPENING}]([^{_CLOSING};|]*)[{_CLOSING}]")
_FIGURES = dict(zip("°⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉", "001234567890123456789", strict=True))
_FIGURE_RE = re.compile(f"[{''.join(_FIGURES)}]{{1,2}}")
_MERIDIAN_RE = re.compile(
    r"(?<![\d:])(0?\d|1[0-2])(?:[:.](\d{2}))?\s*([ap])\.?\s?m\.?(?![^\W\d_])",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[^\W\d_]+\.?")
_TIME_RE = re.compile(r"(?<![\d:.])(\d{1,2})[:.](\d{1,2})(?![\d:.])")
# "2 to 6 pm": the hour before a 12-hour end is a time too (02:00-18:00).
_TO = "|".join([*map(re.escape, _DASHES), *_SYMBOL_WORDS["-"], "-"])
_BARE_START_RE = re.compile(
    rf"(?<![\d:])(\d{{1,2}})(?=\s*(?:{_TO})\s*(?:0?\d|1[0-2])(?::\d\d)?\s*[ap]\.?\s?m)",
    re.IGNORECASE,
)

# "9-17" after a weekday or at the start: hours (after a month, days).
_HOURS_RE = re.compile(
    rf"(?:^|(?<=\b(?:{'|'.join(WEEKDAYS)}|PH|SH) ))(\d{{1,2}})-(\d{{1,2}})(?![\d:./])"
)

_SPANS = r"\d\d:\d\d-\d\d:\d\d(?:,\d\d:\d\d-\d\d:\d\d)*"
_RULE_START = "|".join([r"^", r"(?<=; )", *(rf"(?<=\b{d} )" for d in WEEKDAYS)])
_STATE_FIRST_RE = re.compile(
    rf"(?:{_RULE_START})(open|off|closed|unknown) ({_SPANS})(?![\d:+])"
)

_DAYS = rf"(?:{'|'.join(WEEKDAYS)})(?:[-,](?:{'|'.join(WEEKDAYS)}))*"
_PH_LAST_RE = re.compile(rf"(?:^|(?<=; ))({_DAYS}) (PH(?: [+-]\d+ days?)?)(?![\w,])")


def _figures(text: str) -> str:
    """``12°°`` as ``12:00``: superscript digits after a number are minutes."""

    def digits(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after_number = before.isdigit() or before in _FIGURES
        return (":" if after_number else "") + "".join(
            _FIGURES[c] for c in match.group()
        )

    return _FIGURE_RE.sub(digits, text)


def _meridian(match: re.Match[str]) -> str:
    """``9:30 pm`` as ``21:30``, ``12 am`` as ``00:00``."""
    hour, minute = int(match.group(1)) % 12, match.group(2) or "00"
    if match.group(3).lower() == "p":
        hour += 12
    return f"{hour:02d}:{minute}"


def _word(match: re.Match[str]) -> str:
    """A known word as the notation says it; an unknown one as written."""
    word = match.group()
    key = word.lower()
    if key in _WORDS:
        return _WORDS[key]
    if key.rstrip(".") in _WORDS:  # "Mo.", "mon.", "jun."
        return _WORDS[key.rstrip(".")]
    return word


_DAY_WORD = "|".join((*WEEKDAYS, "PH", "SH"))
_RANGE_END = (
    rf"(?:(?<=[\d)])|(?<=\b(?:{'|'.join(WEEKDAYS)}))|(?<=\b(?:{'|'.join(MONTHS)})))"
)
_DAY_END = rf"(?:(?<=\b(?:{'|'.join(WEEKDAYS)}|PH|SH)))"
_AFTER_STATE = r"(?:^|(?<=\bopen)|(?<=\boff)|(?<=closed)|(?<=unknown))"


def _spacing(text: str) -> str:
    """One space between words, none around the ``-`` of a range.

    ``,`` before a rule's selector takes a space after it, one in a list of
    days or times none (``Mo,Tu 09:00-12:00,14:00-17:00, Sa 10:00-12:00``).
    """
    text = re.sub(r"\s+", " ", text)
    text = re.sub(rf"{_RANGE_END}\s*-\s*(?=[\d(A-Z])", "-", text)
    text = re.sub(r"\s*,\s*", ",", text)
    text = re.sub(rf"(?<=\d),(?=(?:{_DAY_WORD})\b|\")", ", ", text)
    text = re.sub(rf"{_AFTER_STATE},", ", ", text)
    text = re.sub(rf"{_DAY_END}\s*:(?!\d)\s*", " ", text)  # "Mo: off"
    return re.sub(r"\s*;\s*", "; ", text)


def _times(text: str) -> str:
    """Times as ``HH:MM``, and hours after a weekday (``Mo 9-12``) too."""
    text = _TIME_RE.sub(lambda m: f"{int(m[1]):02d}:{int(m[2]):02d}", text)
    text = _HOURS_RE.sub(lambda m: f"{int(m[1]):02d}:00-{int(m[2]):02d}:00", text)
    text = _STATE_FIRST_RE.sub(r"\2 \1", text)  # "off 12:00-13:00": times first
    return _PH_LAST_RE.sub(r"\2 \1", text)  # "We,Fr PH": PH first


def _outside(text: str, step: Callable[[str], str]) -> str:
    """Apply ``step`` to each part of ``text`` outside comments.

    A comment is in quotes or from ``#`` to the end of its line, the line
    break included (so that no rewrite joins the next line to it).
    """
    parts = re.split(r"(\"[^\"]*\"|#[^\n]*(?:\n|$))", text)
    return "".join(p if i % 2 else step(p) for i, p in enumerate(parts))


def _rewrite(part: str) -> str:
    """The tolerant forms of one part outside comments, rewritten."""
    part = _OPEN_END_RE.sub("+", _figures(part))
    for pattern, replacement in _PHRASE_RE:
        part = pattern.sub(replacement, part)
    part = _BARE_START_RE.sub(lambda m: f"{int(m[1]):02d}:00", part)
    part = _MERIDIAN_RE.sub(_meridian, part)
    part = re.sub(r"(?<=\d)\.(?!\d)", "", part)  # "Dec 24.-25." as "Dec 24-25"
    part = _WORD_RE.sub(_word, part.translate(_CHARS))
    return part.replace("?", "")


def canonical(text: str) -> str | None:
    """The canonical form of a value written in tolerant forms, or None.

    None when there is nothing to rewrite. The result is not checked: the
    caller parses it (strictly) and decides.

    >>> canonical("Mon-Fri 9am-5pm")
    'Mo-Fr 09:00-17:00'
    >>> canonical("Montags bis Freitags 8.30 bis 12.00 Uhr")
    'Mo-Fr 08:30-12:00'
    >>> canonical("Mo-Fr 09:00-17:00") is None
    True
    """
    quoted = _QUOTED_RE.sub(lambda m: m[1] or f'"{m[2]}"', text)
    rewritten = _outside(_outside(quoted, _rewrite), _spacing).strip(" ")
    rewritten = _outside(rewritten, _times)
    rewritten = re.sub(r"^(?:; )+|(?:; |\s*\|\|)$", "", rewritten)
    return None if rewritten == text else rewritten
