"""Blocks of an HTML page that the extracted article leaves out are listed with reasons."""

from __future__ import annotations

from newsprism.ingest.html import extract_page
from newsprism.ingest.html_blocks import dropped_blocks, page_blocks

BODY = " ".join(
    f"<p>Paragraph {n} of the report says the ferry to Kellan Island was delayed by storms "
    f"for the {n}th time this winter, the harbour office said on Monday.</p>"
    for n in range(1, 7)
)
PAGE = f"""<html><head><title>Ferry delayed again</title><script>var x = "<p>no</p>";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/n">Newsletters</a></li></ul></nav>
<article><h1>Ferry delayed again</h1>
<figure><img src="f.jpg"><figcaption>The ferry at its berth. Photo: Ana Vell</figcaption></figure>
{BODY}</article>
<aside><h2>Related</h2><ul><li>Harbour fees to rise</li></ul></aside>
<footer><p>© 2026 Kellan Post. All rights reserved.</p></footer>
</body></html>"""


def test_page_blocks_skip_scripts_and_keep_context():
    blocks = page_blocks(PAGE)
    assert ("The ferry at its berth. Photo: Ana Vell", "figcaption") in blocks
    assert ("Home", "nav") in blocks
    assert not any(text == "no" for text, _ in blocks)


def test_dropped_blocks_reasons_and_merging():
    page = extract_page(PAGE, url="https://kellan-post.example/ferry")
    removed = {r.reason: r.text for r in page.removed}
    assert removed["navigation"] == "Home | Newsletters"
    assert "Photo: Ana Vell" in removed["caption"]
    assert any("All rights reserved" in text for text in removed.values())
    # nothing of the article body or its headline is listed as removed
    assert not any("Paragraph" in r.text for r in page.removed)
    assert not any(r.text == "Ferry delayed again" for r in page.removed)


def test_long_page_chrome_is_capped():
    links = "".join(f"<nav>Section {n}</nav><aside>Promo {n}</aside>" for n in range(300))
    removals = dropped_blocks(f"<body>{links}</body>", text="unrelated", title=None)
    assert len(removals) <= 61
    assert removals[-1].text.endswith("more blocks")
