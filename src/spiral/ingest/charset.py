"""The character encoding of an HTML page: byte-order mark, then the page's own declaration,
then UTF-8, then detection (charset-normalizer); the decision is returned with its reason, and
kept with the document (`Document.charset`, `Document.charset_reason`).

A saved page has no HTTP header, so its <meta> declaration is the strongest claim after a BOM
(the order of the WHATWG encoding sniffing algorithm, without the transport layer).
"""

from __future__ import annotations

import codecs
import logging
import re

log = logging.getLogger(__name__)

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
PRESCAN_BYTES = 4096  # browsers look at the first 1024; saved pages put comments first
# labels that browsers read as another encoding (WHATWG Encoding, "legacy single-byte")
ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252",
           "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "x-cp1251": "cp1251",
           "utf8": "utf-8"}
_META = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_page(raw: bytes) -> tuple[str, str, str]:
    """(text, charset, why) for the bytes of an HTML page: the codec it was decoded with and
    how it was chosen.

    >>> decode_page('<meta charset="windows-1251"><p>Киев'.encode("cp1251"))
    ('<meta charset="windows-1251"><p>Киев', 'cp1251', 'declared in <meta>')
    >>> decode_page("<p>Kyiv – Київ".encode())[1:]
    ('utf-8', 'valid UTF-8, nothing declared')
    """
    for bom, encoding in BOMS:
        if raw.startswith(bom):  # utf-8-sig: UTF-8 that drops its mark
            return (raw.decode(encoding, "replace"), encoding.removesuffix("-sig"),
                    "byte-order mark")
    declared = _declared(raw[:PRESCAN_BYTES])
    if declared:
        try:
            return raw.decode(declared), declared, "declared in <meta>"
        except UnicodeDecodeError:
            reason = f"the bytes are not {declared} as declared in <meta>"
    else:
        reason = "nothing declared"
    try:
        return raw.decode("utf-8"), "utf-8", f"valid UTF-8, {reason}"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        return raw.decode("utf-8", "replace"), "utf-8", f"with replacements; {reason}; not detected"
    return str(best), best.encoding, f"detected; {reason}"


def _declared(head: bytes) -> str | None:
    """The codec a <meta charset> or <meta http-equiv content-type> names, if Python knows it."""
    match = _META.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(ALIASES.get(label, label)).name
    except LookupError:
        log.info("<meta> names the unknown encoding %r; detecting it instead", label)
        return None
    # a page that could be read far enough to find its <meta> is not UTF-16 or UTF-32
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name
