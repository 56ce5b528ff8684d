"""Word's list numbering: the number Word shows before a numbered paragraph ("1.", "a)", "Ad 2",
"iv."), computed from numbering.xml and the styles, counted per list (w:numId) and level."""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """One level's counter as Word shows it for the level's w:numFmt."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)  # decimal and the formats we do not render otherwise (ordinal, cardinalText, ...)


def w_val(el: Any, tag: str) -> str | None:
    """The w:val of a child element (<w:pStyle w:val="Heading1"/>), None when absent."""
    found = el.find(W + tag) if el is not None else None
    return found.get(W + "val") if found is not None else None


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    """The numbers Word gives numbered paragraphs, counted per list (w:numId) and level."""

    def __init__(self, numbering_xml: Any, styles_xml: Any) -> None:
        # abstractNumId -> ilvl -> (start, numFmt, lvlText); and pStyle -> ilvl
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.style_levels: dict[str, dict[str, int]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # id -> numId, ilvl, basedOn
        self.counters: dict[str, dict[int, int]] = {}
        links: dict[str, str] = {}
        if numbering_xml is not None:
            for abstract in numbering_xml.iter(W + "abstractNum"):
                aid = abstract.get(W + "abstractNumId") or ""
                levels = self.levels.setdefault(aid, {})
                for lvl in abstract.iter(W + "lvl"):
                    ilvl = _int(lvl.get(W + "ilvl"))
                    levels[ilvl] = (_int(w_val(lvl, "start"), 1), w_val(lvl, "numFmt") or "decimal",
                                    w_val(lvl, "lvlText") or "")
                    if w_val(lvl, "pStyle"):
                        self.style_levels.setdefault(aid, {})[w_val(lvl, "pStyle") or ""] = ilvl
                if w_val(abstract, "numStyleLink"):
                    links[aid] = w_val(abstract, "numStyleLink") or ""
            for num in numbering_xml.iter(W + "num"):
                overrides = {_int(o.get(W + "ilvl")): _int(w_val(o, "startOverride"))
                             for o in num.iter(W + "lvlOverride") if w_val(o, "startOverride") is not None}
                self.nums[num.get(W + "numId") or ""] = (w_val(num, "abstractNumId") or "", overrides)
        if styles_xml is not None:
            for style in styles_xml.iter(W + "style"):
                numpr = style.find(f"{W}pPr/{W}numPr")
                self.styles[style.get(W + "styleId") or ""] = (
                    w_val(numpr, "numId"), w_val(numpr, "ilvl"), w_val(style, "basedOn"))
        for aid, style_id in links.items():  # a list defined through a numbering style
            num_id = self._style_numpr(style_id)[0]
            if num_id in self.nums and self.nums[num_id][0] in self.levels:
                self.levels[aid] = self.levels[self.nums[num_id][0]]

    @classmethod
    def from_document(cls, document: Any) -> Numbering:
        try:
            numbering_xml = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering_xml = None
        return cls(numbering_xml, document.styles.element)

    @classmethod
    def empty(cls) -> Numbering:
        return cls(None, None)

    def _style_numpr(self, style_id: str | None) -> tuple[str | None, str | None]:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based_on = self.styles[style_id]
            if num_id is not None:
                return num_id, ilvl
            style_id = based_on
        return None, None

    def label_for(self, p: Any) -> str:
        """The number (or bullet) Word shows before paragraph `p`, counting it; "" if it has none."""
        ppr = p.find(W + "pPr")
        style_id = w_val(ppr, "pStyle")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl_text = (w_val(numpr, "numId"), w_val(numpr, "ilvl")) if numpr is not None else (None, None)
        if num_id is None:
            num_id, style_ilvl = self._style_numpr(style_id)
            ilvl_text = ilvl_text or style_ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.levels.get(abstract_id, {})
        if ilvl_text is None and style_id:
            ilvl = self.style_levels.get(abstract_id, {}).get(style_id, 0)
        else:
            ilvl = _int(ilvl_text)
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, levels[ilvl][0])
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level restarts the levels below it
        _, fmt, text = levels[ilvl]
        if fmt == "bullet":
            return "•"
        for level in range(ilvl, -1, -1):
            value = counters.get(level, overrides.get(level, levels.get(level, (1, "", ""))[0]))
            text = text.replace(f"%{level + 1}", format_number(value, levels.get(level, (1, fmt, ""))[1]))
        return text.strip()
