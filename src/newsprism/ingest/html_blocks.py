"""What an HTML page showed that its extracted article text leaves out, each with a reason.

trafilatura drops navigation, captions, footers and promos on its own; this module lists those
blocks so a reader can see what was taken out, as the cleaning stage does for plain text. A block
is the text of one block-level element; its reason comes from the furniture rules when they
recognise it, else from the element that holds it (a ``<nav>``, a ``<figcaption>``...).
"""

from __future__ import annotations

from html.parser import HTMLParser

from ..clean import classify_line
from ..models import Removal

# Elements that end one block of text and start another.
BLOCK_TAGS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "tr", "td", "th", "section", "article", "header", "footer", "nav", "aside", "figure",
        "figcaption", "form", "button", "label", "dt", "dd", "table", "main", "address",
    }
)  # fmt: skip
# Elements whose text is never shown as page text.
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "svg"})
# Elements that say what a dropped block was, innermost first; the value is the reason.
CONTEXT_REASONS: dict[str, str] = {
    "figcaption": "caption",
    "nav": "navigation",
    "form": "form",
    "button": "button",
    "aside": "sidebar",
    "footer": "page footer",
    "header": "page header",
}
# Containers whose kind settles the reason: a menu link that says "Newsletters" is navigation.
DECISIVE_CONTEXTS = frozenset({"figcaption", "nav", "form", "button"})
OUTSIDE_REASON = "outside article body"
# Blocks shorter than this are icons, bullets and single letters, not worth listing.
MIN_BLOCK_CHARS = 2
# A long block counts as kept when this many of its middle characters occur in the extracted
# text: trafilatura sometimes joins or trims inline markup, so whole-block matching alone would
# list real article paragraphs as removed. Tuned on the pages in tests/data/ingest and examples/.
KEPT_PROBE_CHARS = 40
# Cap on listed removals per page: navigation-heavy pages have hundreds of link blocks; past
# this the rest are counted in one summary entry.
MAX_PAGE_REMOVALS = 60


class _BlockCollector(HTMLParser):
    """Collects (text, reason-giving context) for each block of visible page text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str | None]] = []
        self._buffer: list[str] = []
        self._skipping: list[str] = []
        self._context: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer.clear()
        if len(text) >= MIN_BLOCK_CHARS:
            self.blocks.append((text, self._context[-1] if self._context else None))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self._skipping.append(tag)
        elif tag in BLOCK_TAGS:
            self._flush()
            if tag in CONTEXT_REASONS:
                self._context.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            if tag in self._skipping:
                del self._skipping[len(self._skipping) - 1 - self._skipping[::-1].index(tag) :]
        elif tag in BLOCK_TAGS:
            self._flush()
            if tag in self._context:
                del self._context[len(self._context) - 1 - self._context[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def page_blocks(html: str) -> list[tuple[str, str | None]]:
    """The visible text blocks of ``html`` with the context element that holds each."""
    collector = _BlockCollector()
    collector.feed(html)
    collector.close()
    return collector.blocks


def _kept(block: str, kept: str) -> bool:
    if block.casefold() in kept:
        return True
    if len(block) < 2 * KEPT_PROBE_CHARS:
        return False
    middle = len(block) // 2 - KEPT_PROBE_CHARS // 2
    return block[middle : middle + KEPT_PROBE_CHARS].casefold() in kept


def _reason(block: str, context: str | None) -> str:
    if context in DECISIVE_CONTEXTS:
        return CONTEXT_REASONS[context]
    return classify_line(block) or CONTEXT_REASONS.get(context or "", OUTSIDE_REASON)


def dropped_blocks(html: str | bytes, *, text: str, title: str | None) -> tuple[Removal, ...]:
    """Blocks of ``html`` absent from the extracted ``text`` and ``title``, with reasons.

    Adjacent blocks with the same reason (the links of one menu) become one removal.
    """
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    kept = " ".join(f"{title or ''}\n{text}".split()).casefold()
    removals: list[Removal] = []
    for block, context in page_blocks(html):
        if _kept(block, kept):
            continue
        reason = _reason(block, context)
        if removals and removals[-1].reason == reason:
            removals[-1] = Removal(text=f"{removals[-1].text} | {block}", reason=reason)
        else:
            removals.append(Removal(text=block, reason=reason))
    if len(removals) > MAX_PAGE_REMOVALS:
        rest = len(removals) - MAX_PAGE_REMOVALS
        removals = removals[:MAX_PAGE_REMOVALS]
        removals.append(Removal(text=f"{rest} more blocks", reason=OUTSIDE_REASON))
    return tuple(removals)
