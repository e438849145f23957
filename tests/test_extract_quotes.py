"""Quotes, reported speech, speakers and scare-quoted labels (issue 5, item 2)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism import pipeline
from newsprism.annotate import annotate
from newsprism.clean import normalize
from newsprism.extract.parsing import SentenceParser
from newsprism.extract.quote_marks import find_quoted_spans
from newsprism.extract.quotes import QuoteResult, extract_quotes
from newsprism.models import Annotation, Article

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SEEDS = REPO.parent / "shared" / "seeds"

Analyze = Callable[[str], tuple[Article, QuoteResult]]


@pytest.fixture(scope="module")
def parser() -> SentenceParser:
    return SentenceParser()


@pytest.fixture(scope="module")
def analyze(parser: SentenceParser) -> Analyze:
    def run(text: str) -> tuple[Article, QuoteResult]:
        article = Article(id="t", text=normalize(text), origin="test")
        annotation = annotate([article])[0]
        return article, extract_quotes(article, annotation, parser=parser)

    return run


# (text, speaker, first words of the quoted text, direct)
QUOTE_TABLE = [
    # straight quotes, attribution after, inverted "said X"
    ('"We will rebuild the bridge," said Mayor Ilona Brandvik.', "Ilona Brandvik",
     "We will rebuild", True),
    # curly quotes, "told", a title before the name
    ("\u201cThe shelter is full,\u201d Harbour Master Teo Lindqvist told reporters on Monday.",
     "Teo Lindqvist", "The shelter is full", True),
    # a quote over two sentences, speaker with an appositive
    ('"The water rose fast. We had minutes to get out," said Ana Ferro, a fisherman.',
     "Ana Ferro", "The water rose fast. We had minutes", True),
    # attribution before the quote, with a colon
    ('Health minister Rolf Adeyemi said: "Every hospital in the region is on alert."',
     "Rolf Adeyemi", "Every hospital", True),
    # a partial quote inside reported speech
    ('The minister, Pavel Druzin, urged residents to "stay indoors until the smoke clears".',
     "Pavel Druzin", "stay indoors", True),
    # a pronoun resolved to the person named before
    ('Dana Whitlock chairs the rescue committee in Brenn. "Every boat we have is out on the '
     'lake," she said.', "Dana Whitlock", "Every boat", True),
    # a surname resolved to the full name
    ('Commander Elias Varro led the search in the hills. "We found two more survivors," '
     "Varro said.", "Elias Varro", "We found two", True),
    # "according to" with an organisation
    ("Three bridges were destroyed by the flood, according to the Vessen Transport Agency.",
     "Vessen Transport Agency", "Three bridges were destroyed", False),
    # reported speech with a that-clause
    ("Lina Marsh, a spokeswoman for the port, said that the ferry would resume on Friday.",
     "Lina Marsh", "the ferry would resume", False),
    # reported speech with the attribution after the clause and a pronoun
    ("Arno Pekkala runs the shelter. About 300 people slept there overnight, he said.",
     "Arno Pekkala", "About 300 people slept there", False),
    # single (curly) quotation marks
    ("\u2018Keep the roads clear for the ambulances,\u2019 said Nora Quist, the fire chief.",
     "Nora Quist", "Keep the roads clear", True),
    # a description tied to the name introduced with it
    ("Mayor Ilse Farrow visited the camp on Tuesday. The mayor said the camp would close "
     "within a week.", "Ilse Farrow", "the camp would close", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "speaker", "quoted", "direct"), QUOTE_TABLE)
def test_quote_patterns(analyze: Analyze, text: str, speaker: str, quoted: str, direct: bool):
    article, result = analyze(text)
    found = [q for q in result.quotes if q.text.startswith(quoted)]
    assert found, [q.text for q in result.quotes]
    quote = found[0]
    assert quote.speaker == speaker
    assert quote.direct is direct
    assert article.text[quote.start : quote.end] == quote.text
    assert quote.speaker_start is not None
    assert article.text[quote.speaker_start : quote.speaker_end] == quote.speaker


def test_quote_split_around_its_attribution(analyze: Analyze):
    _, result = analyze('"The dam held," Tomas Reyk said. "The levee did not."')
    direct = [(q.text, q.speaker) for q in result.quotes if q.direct]
    assert direct == [("The dam held", "Tomas Reyk"), ("The levee did not.", "Tomas Reyk")]


def test_quote_continued_over_paragraphs(analyze: Analyze):
    text = (
        "Kari Osk, the regional coordinator, said the shelters were full.\n\n"
        '"We have opened three more buildings in the north and we are still counting beds.\n\n'
        '"Nobody will be turned away," she said.'
    )
    article, result = analyze(text)
    direct = [q for q in result.quotes if q.direct]
    assert len(direct) == 1
    quote = direct[0]
    assert quote.speaker == "Kari Osk"
    assert len(quote.parts) == 2
    assert quote.text.startswith("We have opened")
    assert quote.text.endswith("turned away")
    assert [article.text[s:e] for s, e in quote.parts][1] == "Nobody will be turned away"


@pytest.mark.parametrize(
    ("text", "label", "attributed_to"),
    [
        ('Critics mocked the so-called "green corridor" as a fiction.', "green corridor", None),
        ("The army began its \u201cstabilisation\u201d operation in the border district.",
         "stabilisation", None),
        ("The city's 'temporary' camp has now stood for three years.", "temporary", None),
        ('Marko Lind accused the company of "reckless dumping" near the river.',
         "reckless dumping", "Marko Lind"),
    ],
)  # fmt: skip
def test_scare_quotes_are_labels(
    analyze: Analyze, text: str, label: str, attributed_to: str | None
):
    article, result = analyze(text)
    assert not [q for q in result.quotes if q.direct]
    assert [(x.text, x.attributed_to) for x in result.labels] == [(label, attributed_to)]
    assert article.text[result.labels[0].start : result.labels[0].end] == label


def test_apostrophes_are_not_quotes():
    text = "The residents' homes and the farmers' fields were flooded, and it's not over."
    assert find_quoted_spans(text) == []


def test_quote_ids_and_dict(analyze: Analyze):
    _, result = analyze('"It is over," said Jon Aske. Jon Aske said the rain had stopped.')
    assert [q.id for q in result.quotes] == ["t:q1", "t:q2"]
    data = result.quotes[0].to_dict()
    assert {"id", "article_id", "speaker", "text", "direct", "start", "end"} <= set(data)


_WORDS = st.text(alphabet="abcdefgh ", min_size=1, max_size=30).map(lambda s: s.strip() or "a")
_NAMES = st.sampled_from(["Mira Holt", "the mayor", "Officials", "she", "Teo Varga"])


@settings(max_examples=200, deadline=None)
@given(before=_WORDS, quoted=_WORDS, after=_WORDS, name=_NAMES, curly=st.booleans())
def test_quote_marks_cut_out_the_quoted_words(
    before: str, quoted: str, after: str, name: str, curly: bool
):
    opening, closing = ("\u201c", "\u201d") if curly else ('"', '"')
    text = normalize(f"{before.capitalize()}. {opening}{quoted},{closing} {name} said. {after}.")
    spans = find_quoted_spans(text)
    assert len(spans) == 1
    span = spans[0]
    assert 0 <= span.start < span.end <= len(text)
    assert text[span.start : span.end] == " ".join(quoted.split())


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(quoted=_WORDS, name=st.sampled_from(["Mira Holt", "Teo Varga", "Ana Lind"]))
def test_extracted_offsets_cut_out_the_quote(analyze: Analyze, quoted: str, name: str):
    article, result = analyze(f'{name} spoke in Brenn. "Now {quoted} is all," {name} said.')
    for quote in result.quotes:
        assert article.text[quote.start : quote.end] == quote.text
        assert 0 <= quote.start < quote.end <= len(article.text)


# --- examples/README.md gold (fictional names) ------------------------------------------------

# (article id, speaker, opening words of the direct quote), from examples/README.md.
EXAMPLE_QUOTES = [
    ("a-wire-lna-original", "Anselm Drevic", "We are still counting"),
    ("a-wire-reprint-hessel-courier", "Anselm Drevic", "We are still counting"),
    ("a-wire-reprint-northern-ledger", "Anselm Drevic", "We are still counting"),
    ("a-wire-lna-original", "Anselm Drevic", "keep off the embankment"),
    ("a-wire-reprint-hessel-courier", "Anselm Drevic", "keep off the embankment"),
    ("a-wire-reprint-northern-ledger", "Anselm Drevic", "keep off the embankment"),
    ("a-wire-lna-original", "Helena Vasquard", "The whole country"),
    ("a-wire-reprint-hessel-courier", "Helena Vasquard", "The whole country"),
    ("a-wire-reprint-northern-ledger", "Helena Vasquard", "The whole country"),
    ("a-orrin-observer-original-report", "Jonas Pettery", "I heard a noise"),
    ("a-orrin-observer-original-report", "Tobias Renk", "The lower town is gone. I have"),
    ("a-dailypulse-rewrite", "Tobias Renk", "The lower town is gone"),
    ("a-orrin-observer-original-report", "Casimir Aldenbrook", "There will be a full"),
    ("a-dailypulse-rewrite", "Casimir Aldenbrook", "nobody will be protected"),
    ("a-rci-radio-report", "Marta Quell", "Our people have been"),
    ("a-rci-radio-report", "Marta Quell", "The official figures are behind"),
    ("a-rci-radio-report", "Ilse Marhoven", "We are getting into places"),
    ("a-hessel-independent-day-two", "Rasmus Tolle", "This was not an act"),
    ("a-hessel-independent-day-two", "Anton Rilke", "fully compliant"),
    ("a-hessel-independent-day-two", "Marta Quell", "We will publish every name"),
    ("a-hessel-independent-day-two", "Edda Morrow", "My husband built"),
    ("b-aldmoor-herald-flash-flood", "Orla Pennick", "The water came down"),
    ("b-aldmoor-herald-flash-flood", "Orla Pennick", "stay out of the upper"),
    ("b-carvonia-broadcasting-mirefold", "Havel Rusk", "We are still digging"),
    ("b-carvonia-broadcasting-mirefold", "Piet Varga", "It sounded like"),
    ("b-carvonia-broadcasting-mirefold", "Piet Varga", "I grabbed the children"),
    ("b-carvonia-broadcasting-mirefold", "Orla Pennick", "Send us diggers"),
    ("b-hillcountry-gazette-undated", "Greta Ambry", "Those were my neighbours"),
    ("b-hillcountry-gazette-undated", "Jory Halloran", "but the money"),
    ("b-hillcountry-gazette-undated", "Orla Pennick", "Let the rescue teams"),
    ("b-southern-dispatch-toll-rises", "Senna Voll", "We expect everyone"),
    ("b-southern-dispatch-toll-rises", "Ilse Marhoven", "The hill is still moving"),
    ("b-southern-dispatch-toll-rises", "Orla Pennick", "We will grieve together"),
]
# Quality floors (only go up): gold quotes found with the right speaker, and direct quotes
# found that are not in the gold list.
EXAMPLE_FLOOR_RIGHT_SPEAKER = 33
EXAMPLE_CEILING_EXTRA = 0


def _analyzed(folder: Path) -> tuple[list[Article], list[Annotation]]:
    report = pipeline.analyze([folder])
    return list(report.articles), list(report.annotations)


@pytest.fixture(scope="module")
def examples() -> tuple[list[Article], list[Annotation]]:
    return _analyzed(EXAMPLES / "articles")


def test_examples_gold_quotes(examples, parser: SentenceParser):
    articles, annotations = examples
    found = {}
    labels = []
    for article, annotation in zip(articles, annotations, strict=True):
        result = extract_quotes(article, annotation, parser=parser)
        found[article.id] = [q for q in result.quotes if q.direct]
        labels += [label.text for label in result.labels]
    right, matched = 0, set()
    for article_id, speaker, opening in EXAMPLE_QUOTES:
        hits = [q for q in found[article_id] if q.text.startswith(opening)]
        if hits:
            matched.add(hits[0].id)
            right += hits[0].speaker == speaker
    extra = [q.text for quotes in found.values() for q in quotes if q.id not in matched]
    assert right >= EXAMPLE_FLOOR_RIGHT_SPEAKER
    assert len(extra) <= EXAMPLE_CEILING_EXTRA, extra
    assert "natural disaster" in labels


# --- the seeds (read at run time; no seed text here) -----------------------------------------

# At least this many different people speak in direct quotes in the seeds (../shared/SEEDS.md
# lists twelve people and one ministry).
SEED_MIN_PERSON_SPEAKERS = 12


@pytest.fixture(scope="module")
def seeds() -> tuple[list[Article], list[Annotation]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return _analyzed(SEEDS)


def test_seed_quotes_have_resolved_speakers(seeds, parser: SentenceParser):
    articles, annotations = seeds
    people = set()
    labels = 0
    for article, annotation in zip(articles, annotations, strict=True):
        result = extract_quotes(article, annotation, parser=parser)
        labels += len(result.labels)
        named = {m.text for m in annotation.entities if m.label in ("PERSON", "ORG", "GPE")}
        for quote in result.quotes:
            assert article.text[quote.start : quote.end] == quote.text
            if not quote.direct:
                continue
            assert quote.speaker, quote.text
            # the speaker is written in the same article: a name the model found, or a phrase
            assert quote.speaker in article.text
            assert quote.speaker in named or quote.speaker_start is not None
            if quote.speaker_kind == "person":
                people.add(quote.speaker)
        for label in result.labels:
            assert len(label.text.split()) <= 4
    assert len(people) >= SEED_MIN_PERSON_SPEAKERS, people
    assert labels >= 5  # the scare-quoted names of the operation and similar terms
