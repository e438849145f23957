"""read_inputs on local files and folders: every file kind, sidecars, ids, repeats, bad input."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.ingest import IngestResult, read_inputs
from newsprism.ingest.ids import canonical_url, stable_hash
from newsprism.models import Problem
from newsprism.settings import Settings

DATA = Path(__file__).resolve().parent / "data" / "ingest"
PAGE = DATA / "pages" / "lantern-flood.html"

PARAGRAPH = (
    "The night ferry to Skerry Island was cancelled on Monday because of high winds, the operator "
    "said, and about sixty passengers were given rooms in Port Halden."
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_problem(result: IngestResult) -> Problem:
    assert len(result.problems) == 1, result.problems
    return result.problems[0]


def no_network(url: str) -> object:
    raise AssertionError(f"tried to fetch {url}")


# --- plain text and Markdown -------------------------------------------------------------------


def test_txt_headline_becomes_title() -> None:
    result = read_inputs([DATA / "harbour-fire.txt"])
    assert result.problems == ()
    (article,) = result.articles
    assert article.id == "harbour-fire"
    assert article.title == "Fire destroys warehouse at Port Halden harbour"
    assert article.text.startswith("A fire destroyed a grain warehouse")
    assert "Fire destroys" not in article.text
    assert article.origin == str(DATA / "harbour-fire.txt")
    assert article.source is None
    assert article.wire is None


def test_txt_long_first_line_stays_in_text() -> None:
    (article,) = read_inputs([DATA / "caption-first.txt"]).articles
    assert article.title is None
    assert article.text.startswith("Firefighters spray water")


def test_markdown_title_and_markup() -> None:
    (article,) = read_inputs([DATA / "river-bridge.md"]).articles
    assert article.id == "river-bridge"
    assert article.title == "Old river bridge to close for six months"
    assert "The county council said on Monday" in article.text
    assert "Buses will follow the northern ring road." in article.text
    assert "](" not in article.text
    assert "**" not in article.text


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", PARAGRAPH.replace("Port", "P\xf6rt").encode("latin-1"))
    result = read_inputs([path])
    problem = only_problem(result)
    assert problem.level == "warning"
    assert "UTF-8" in problem.message
    assert "P\ufffdrt Halden" in result.articles[0].text


def test_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfFerry cancelled\r\n\r\n" + PARAGRAPH.encode())
    (article,) = read_inputs([path]).articles
    assert article.title == "Ferry cancelled"
    assert article.text == PARAGRAPH


HEADER_ROWS = [
    # a block of "Key: value" lines: the article's metadata
    (
        "ferry.txt",
        "Title: Ferry cancelled after storm\nDate: 2026-05-02\n"
        "Author: Ada Crane\nAuthor: Bo Lind\n\n",
        ("Ferry cancelled after storm", "2026-05-02", "Ada Crane, Bo Lind"),
    ),
    # Markdown front matter; its title wins over the heading, other keys are ignored
    (
        "ferry.md",
        '---\ntitle: "Ferry cancelled"\npublished: 2026-05-03\ntags: [weather]\n---\n\n'
        "# Storm hits the coast\n\n",
        ("Ferry cancelled", "2026-05-03", None),
    ),
    # a headline with a label is not metadata
    (
        "label.txt",
        "Deputies: two hurt on the quay\n\n",
        ("Deputies: two hurt on the quay", None, None),
    ),
]


@pytest.mark.parametrize(("name", "head", "expected"), HEADER_ROWS)
def test_a_text_files_header_is_its_metadata(
    tmp_path: Path, name: str, head: str, expected: tuple[str, str | None, str | None]
) -> None:
    result = read_inputs([write(tmp_path / name, (head + PARAGRAPH).encode())])
    (article,) = result.articles
    assert (article.title, article.published, article.byline) == expected
    assert article.text == PARAGRAPH
    assert result.problems == ()


def test_an_unreadable_header_date_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "odd.txt", ("Date: someday soon\n\n" + PARAGRAPH).encode())
    result = read_inputs([path])
    problem = only_problem(result)
    assert problem.level == "warning"
    assert "someday soon" in problem.message
    assert result.articles[0].published is None
    assert result.articles[0].text == PARAGRAPH


# --- HTML --------------------------------------------------------------------------------------


def test_html_file_text_and_metadata() -> None:
    result = read_inputs([PAGE])
    assert result.problems == ()
    (article,) = result.articles
    assert article.id == "lantern-flood"
    assert article.title == "Flood waters rise in Elm Valley"
    assert article.source == "The Daily Lantern"
    assert article.byline == "Mira Fenwick"
    assert article.url == "https://www.lantern.example/news/elm-valley-flood"
    assert article.published == "2024-03-05"
    assert article.text.startswith("Flood waters rose through the low streets")
    paragraphs = article.text.split("\n")
    assert any(p.startswith("The river gauge at Millbrook") for p in paragraphs)
    for furniture in ("window.dataLayer", "Most read", "reader123", "Home"):
        assert furniture not in article.text


def test_html_full_of_scripts_is_an_error_and_others_still_read() -> None:
    result = read_inputs([DATA / "pages" / "scripts-only.html", DATA / "harbour-fire.txt"])
    problem = only_problem(result)
    assert problem.level == "error"
    assert problem.message == "no article text found"
    assert problem.input.endswith("scripts-only.html")
    assert [a.id for a in result.articles] == ["harbour-fire"]


# --- JSON and JSONL ----------------------------------------------------------------------------


def test_json_object(tmp_path: Path) -> None:
    record = {
        "id": "ferry-1",
        "text": PARAGRAPH,
        "title": "Night ferry cancelled",
        "url": "https://www.courier.example/ferry",
        "date": "2024-03-04",
        "author": ["Ada Rind", "Bo Sunne"],
        "extra": {"ignored": True},
    }
    (article,) = read_inputs([write(tmp_path / "one.json", json.dumps(record))]).articles
    assert article.id == "ferry-1"
    assert article.title == "Night ferry cancelled"
    assert article.published == "2024-03-04"
    assert article.byline == "Ada Rind, Bo Sunne"
    assert article.source == "courier.example"
    assert article.origin == str(tmp_path / "one.json")


def test_json_list_and_wrapped_list(tmp_path: Path) -> None:
    records = [
        {"text": PARAGRAPH, "source": "Valley Courier", "published": "March 4, 2024"},
        {"text": PARAGRAPH + " More later.", "url": "https://lantern.example/a"},
        {"html": PAGE.read_text(encoding="utf-8"), "source": "www.Lantern.example"},
    ]
    plain = read_inputs([write(tmp_path / "list.json", json.dumps(records))])
    wrapped = read_inputs([write(tmp_path / "w.json", json.dumps({"articles": records}))])
    assert plain.problems == wrapped.problems == ()
    assert [a.id for a in plain.articles] == [a.id for a in wrapped.articles]
    first, second, third = plain.articles
    assert first.id == stable_hash(PARAGRAPH)
    assert first.source == "Valley Courier"
    assert first.published == "2024-03-04"
    assert second.id == stable_hash(canonical_url("https://lantern.example/a"))
    # html goes through the page extractor; the record's own fields win over the page's
    assert third.text.startswith("Flood waters rose")
    assert third.source == "lantern.example"
    assert third.title == "Flood waters rise in Elm Valley"
    assert third.id == stable_hash(
        canonical_url("https://www.lantern.example/news/elm-valley-flood")
    )


def test_jsonl_bad_lines_are_problems_and_the_rest_is_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": PARAGRAPH}),
        "{not json",
        "",
        json.dumps({"id": "b", "title": "No body"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c", "text": "Second story about the council budget vote.", "date": "x"}),
    ]
    path = write(tmp_path / "bundle.jsonl", "\n".join(lines) + "\n")
    result = read_inputs([path])
    assert [a.id for a in result.articles] == ["a", "c"]
    by_input = {p.input: p for p in result.problems}
    assert by_input[f"{path}:2"].level == "error"
    assert "malformed JSON" in by_input[f"{path}:2"].message
    assert by_input[f"{path}:4"].message == "record has no text or html"
    assert by_input[f"{path}:5"].level == "error"
    assert by_input[f"{path}:6"].level == "warning"  # unrecognised date, record kept
    assert result.articles[1].published is None


def test_invalid_json_file_is_an_error(tmp_path: Path) -> None:
    result = read_inputs([write(tmp_path / "bad.json", '{"text": "x",'), DATA / "harbour-fire.txt"])
    problem = only_problem(result)
    assert problem.level == "error"
    assert problem.message.startswith("invalid JSON")
    assert len(result.articles) == 1


# --- folders and sidecars ----------------------------------------------------------------------


def make_folder(root: Path) -> Path:
    write(root / "b.txt", f"Ferry cancelled\n\n{PARAGRAPH}")
    write(root / "a" / "z.md", "# Bridge closes\n\nThe old bridge closes for repairs on Monday.")
    write(root / "a" / "y.txt", "The council voted on Tuesday to build two cycle lanes.")
    write(root / ".hidden.txt", "Hidden drafts are not read.")
    write(root / ".git" / "c.txt", "Nor are files in hidden folders.")
    write(root / "notes.docx", b"PK\x03\x04 binary-ish")
    write(root / "b.meta.json", json.dumps({"source": "Valley Courier", "colour": "blue"}))
    return root


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "in")
    result = read_inputs([folder])
    assert [a.id for a in result.articles] == ["y", "z", "b"]
    problem = only_problem(result)
    assert problem.level == "warning"
    assert problem.input.endswith("notes.docx")
    assert "unknown file type" in problem.message
    assert result.articles[2].source == "Valley Courier"  # from the sidecar
    assert read_inputs([folder]) == result  # deterministic


def test_sidecar_overrides_and_fills(tmp_path: Path) -> None:
    shutil.copy(PAGE, tmp_path / "page.html")
    meta = {"title": "Elm Valley floods", "published": "2024-03-06", "byline": "Desk"}
    write(tmp_path / "page.meta.json", json.dumps(meta))
    (article,) = read_inputs([tmp_path / "page.html"]).articles
    assert (article.title, article.published, article.byline) == (
        "Elm Valley floods",
        "2024-03-06",
        "Desk",
    )
    assert article.source == "The Daily Lantern"  # not in the sidecar: the page's value stays
    bundle = write(tmp_path / "set.jsonl", json.dumps({"text": PARAGRAPH, "title": "Own"}))
    write(tmp_path / "set.meta.json", json.dumps({"title": "Side", "source": "Courier"}))
    (record,) = read_inputs([bundle]).articles
    assert (record.title, record.source) == ("Own", "Courier")


def test_malformed_sidecar_is_a_warning_and_the_file_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", PARAGRAPH)
    write(tmp_path / "story.meta.json", "{broken")
    result = read_inputs([path])
    problem = only_problem(result)
    assert problem.level == "warning"
    assert "sidecar" in problem.message
    assert len(result.articles) == 1


def test_source_and_published_arguments_only_fill_gaps(tmp_path: Path) -> None:
    txt = write(tmp_path / "plain.txt", PARAGRAPH)
    result = read_inputs([txt, PAGE], source="Given Outlet", published="2024-01-02")
    plain, page = result.articles
    assert (plain.source, plain.published) == ("Given Outlet", "2024-01-02")
    assert (page.source, page.published) == ("The Daily Lantern", "2024-03-05")
    with pytest.raises(InputError):
        read_inputs([txt], published="someday")


# --- ids and repeats ---------------------------------------------------------------------------


def test_same_article_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", PARAGRAPH)
    copy = write(tmp_path / "copy.txt", PARAGRAPH + "\n")
    result = read_inputs([path, path, copy])
    assert [a.id for a in result.articles] == ["story"]
    assert [p.level for p in result.problems] == ["warning", "warning"]
    assert "same article" in result.problems[0].message
    assert "same text" in result.problems[1].message


def test_same_stem_in_two_folders_keeps_both(tmp_path: Path) -> None:
    first = write(tmp_path / "one" / "story.txt", PARAGRAPH)
    second = write(tmp_path / "two" / "story.txt", "A different story about the harbour crane.")
    result = read_inputs([first, second])
    ids = [a.id for a in result.articles]
    assert ids[0] == "story"
    assert ids[1].startswith("story-")
    assert len(ids[1]) == len("story-") + 6
    assert read_inputs([tmp_path / "x", first, second]).articles[1].id == ids[1]
    assert result.problems[0].level == "warning"


def test_progress_counts_inputs(tmp_path: Path) -> None:
    seen: list[int] = []
    read_inputs([DATA / "harbour-fire.txt", tmp_path / "missing.txt"], progress=seen.append)
    assert seen == [1, 2]


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n \n", "empty file"),
        ("blank.jsonl", b"\n  \n\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("controls.html", bytes(range(1, 32)) * 40, "binary file"),
        ("data.csv", b"a,b\n1,2\n", "unknown file type '.csv'"),
        ("noext", b"text", "unknown file type '(no extension)'"),
        ("x.meta.json", b"{}", "metadata sidecar"),
    ],
)
def test_bad_files_are_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = write(tmp_path / name, content)
    result = read_inputs([path, DATA / "harbour-fire.txt"])
    problem = only_problem(result)
    assert problem.level == "error"
    assert problem.input == str(path)
    assert message in problem.message
    assert "\n" not in problem.message
    assert [a.id for a in result.articles] == ["harbour-fire"]


def test_missing_path_and_unsupported_scheme(tmp_path: Path) -> None:
    result = read_inputs([tmp_path / "nope.txt", "ftp://example.org/a.txt", PAGE])
    assert [(p.level, p.message) for p in result.problems] == [
        ("error", "no such file or folder"),
        ("error", "unsupported URL scheme (only http and https are read)"),
    ]
    assert len(result.articles) == 1


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    settings = Settings(max_file_bytes=100, max_bundle_bytes=10_000)
    big = write(tmp_path / "big.txt", PARAGRAPH * 3)
    bundle = write(tmp_path / "ok.jsonl", json.dumps({"text": PARAGRAPH * 3}))
    result = read_inputs([big, bundle], settings=settings)
    problem = only_problem(result)
    assert problem.input == str(big)
    assert "over the" in problem.message
    assert len(result.articles) == 1  # the bundle has its own, larger cap


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", PARAGRAPH)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    result = read_inputs([path, DATA / "harbour-fire.txt"])
    assert only_problem(result).message == "permission denied"
    assert len(result.articles) == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_permissions(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", PARAGRAPH)
    path.chmod(0)
    try:
        assert only_problem(read_inputs([path])).message == "permission denied"
    finally:
        path.chmod(0o644)


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert only_problem(read_inputs([tmp_path / "empty"])).level == "error"


# --- the seed articles -------------------------------------------------------------------------


def test_seed_articles(seeds_dir: Path) -> None:
    result = read_inputs([seeds_dir])
    files = sorted(path for path in seeds_dir.iterdir() if path.suffix == ".txt")
    assert [a.id for a in result.articles] == [path.stem for path in files]
    assert result.problems == ()
    for path, article in zip(files, result.articles, strict=True):
        lines = path.read_text(encoding="utf-8").lstrip().split("\n")
        first = lines[0].strip()
        headline = (
            len(lines) > 1
            and not lines[1].strip()
            and len(first.split()) <= 20
            and len(first) <= 150
            and not first.endswith((".", ":"))
        )
        if headline:
            assert article.title == first
            assert not article.text.startswith(first)
        else:
            assert article.title is None
    assert any(article.title for article in result.articles)


def test_same_text_from_two_outlets_is_kept(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": PARAGRAPH, "url": "https://lantern.example/ferry"},
        {"id": "b", "text": PARAGRAPH, "url": "https://courier.example/ferry"},
        {"id": "c", "text": PARAGRAPH, "url": "http://www.courier.example/ferry/"},
        {"id": "d", "text": PARAGRAPH, "source": "Valley Courier"},
    ]
    path = write(tmp_path / "wire.jsonl", "\n".join(json.dumps(r) for r in records))
    result = read_inputs([path])
    assert [a.id for a in result.articles] == ["a", "b", "d"]
    assert [p.input for p in result.problems] == [str(path)]  # c repeats b's page


def test_json_lines_saved_as_json(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": PARAGRAPH}), json.dumps({"id": "b", "text": "Other."})]
    result = read_inputs([write(tmp_path / "lines.json", "\n".join(lines))])
    assert [a.id for a in result.articles] == ["a", "b"]


def test_a_bare_path_is_one_input() -> None:
    result = read_inputs(str(DATA / "harbour-fire.txt"))
    assert [a.id for a in result.articles] == ["harbour-fire"]
