"""Build the reuse development sets (tuning and held-out) from GVA articles and MRPC pairs.

Reads ../shared/data/gva_dev.jsonl (and mrpc_train.jsonl) at run time and writes two JSONL files of
articles with a ``gold_reuse_group`` field (articles derived from one text share it) to the
output folder (default /tmp); the output holds data-set text, so never commit it.

* tune: originals with verbatim reprints (other furniture), trimmed copies, copies with inserted
  paragraphs, headline-only changes, lightly edited copies and partial excerpts; negatives are the
  other articles on the same incident; plus rewrites built from MRPC paraphrase pairs.
* heldout: other incidents and MRPC pairs, other furniture, edit tables and rates, trim ratios
  and seed, so that scores there are not tuned to the generator's quirks.

Usage: python scripts/make_reuse_devset.py [--out DIR] [--data DIR] [--seed N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")

# Articles sharing this many 8-word shingles with an article already taken are left out, so
# that reuse already present in the source data (wire stories) cannot pose as a negative.
NATURAL_REUSE_SHINGLES = 3
MIN_WORDS = 120
MIN_PARAGRAPHS = 3


@dataclass(frozen=True)
class Params:
    """Generator settings of one split."""

    name: str
    seed: int
    outlets: tuple[str, ...]
    furniture: tuple[str, ...]
    trim: tuple[float, float]
    inserted: tuple[int, int]
    edit_rate: float
    substitutions: dict[str, str] = field(default_factory=dict)
    headline_style: str = "prefix"
    excerpt_paragraphs: tuple[int, int] = (2, 3)
    mrpc_sentences: tuple[int, int] = (5, 9)


TUNE = Params(
    name="tune",
    seed=11,
    outlets=("dailyexample.test", "metro-ledger.test", "channel9news.test", "valleypost.test"),
    furniture=(
        "Share this story on social media",
        "Copyright {year} {outlet}. All rights reserved.",
        "Sign up for our breaking news alerts",
        "Photo: file image",
        "Click here to read more local news",
        "Follow us for updates on this story",
    ),
    trim=(0.45, 0.8),
    inserted=(1, 2),
    edit_rate=0.25,
    substitutions={
        "said": "stated",
        "police": "officers",
        "shooting": "shooting incident",
        "man": "male",
        "woman": "female",
        "hospital": "medical center",
        "killed": "slain",
        "investigating": "looking into",
        "according to": "per",
        "suspect": "alleged shooter",
    },
    headline_style="prefix",
    excerpt_paragraphs=(2, 3),
    mrpc_sentences=(5, 9),
)

HELDOUT = Params(
    name="heldout",
    seed=977,
    outlets=("north-courier.test", "wxyz-tv.test", "citybeat.test", "morningwire.test"),
    furniture=(
        "Advertisement",
        "RELATED COVERAGE: more stories from our newsroom",
        "Watch the video above for the full report",
        "{outlet} staff contributed to this report.",
        "Comments are closed on this article",
        "Download our app for the latest headlines",
    ),
    trim=(0.3, 0.65),
    inserted=(1, 3),
    edit_rate=0.4,
    substitutions={
        "said": "told reporters",
        "officers": "police",
        "victim": "person shot",
        "died": "passed away",
        "wounded": "injured",
        "after": "following",
        "home": "residence",
        "car": "vehicle",
        "arrested": "taken into custody",
        "Police": "Authorities",
    },
    headline_style="lead",
    excerpt_paragraphs=(2, 4),
    mrpc_sentences=(4, 8),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp"))
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--originals", type=int, default=220, help="originals per split")
    args = parser.parse_args()
    gva = [json.loads(line) for line in (args.data / "gva_dev.jsonl").open(encoding="utf-8")]
    mrpc = [json.loads(line) for line in (args.data / "mrpc_train.jsonl").open(encoding="utf-8")]
    pool = independent_pool(clean_records(gva))
    for params, part in ((TUNE, 0), (HELDOUT, 1)):
        records = list(build_split(pool, mrpc, params, part, args.originals))
        path = args.out / f"reuse_{params.name}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        kinds = Counter(str(r["transform"]) for r in records)
        print(f"{path}: {len(records)} articles {dict(sorted(kinds.items()))}")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n+", text) if p.strip()]


def clean_records(records: list[dict[str, object]]) -> list[dict[str, object]]:
    """Drop paragraphs seen in more than one record (site furniture) and repeats within one."""
    seen: Counter[str] = Counter()
    for record in records:
        for para in set(paragraphs(str(record["text"]))):
            seen[_key(para)] += 1
    cleaned = []
    for record in records:
        kept: list[str] = []
        for para in paragraphs(str(record["text"])):
            if seen[_key(para)] == 1 and len(WORD.findall(para)) >= 6 and para not in kept:
                kept.append(para)
        text = "\n\n".join(kept)
        if len(WORD.findall(text)) >= MIN_WORDS and len(kept) >= MIN_PARAGRAPHS:
            cleaned.append({**record, "text": text, "paragraphs": kept})
    return cleaned


def _key(para: str) -> str:
    return " ".join(WORD.findall(para.lower()))


def _shingles(text: str, n: int = 8) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def independent_pool(records: list[dict[str, object]]) -> list[dict[str, object]]:
    """Records that share no text with one another (greedy, in id order)."""
    index: dict[str, int] = {}
    pool = []
    for record in sorted(records, key=lambda r: str(r["id"])):
        shingles = _shingles(str(record["text"]))
        hits = Counter(index[s] for s in shingles if s in index)
        if any(count >= NATURAL_REUSE_SHINGLES for count in hits.values()):
            continue
        for s in shingles:
            index.setdefault(s, len(pool))
        pool.append(record)
    return pool


def _part(value: object) -> int:
    return hashlib.sha1(str(value).encode()).digest()[0] % 2


def build_split(
    pool: list[dict[str, object]],
    mrpc: list[dict[str, object]],
    params: Params,
    part: int,
    originals: int,
) -> Iterator[dict[str, object]]:
    """Records of one split: GVA families and negatives, then MRPC rewrites."""
    rng = random.Random(params.seed)
    clusters: dict[str, list[dict[str, object]]] = defaultdict(list)
    for record in pool:
        if _part(record["gold_cluster"]) == part:
            clusters[str(record["gold_cluster"])].append(record)
    multi = [c for c in sorted(clusters) if len(clusters[c]) > 1]
    single = [c for c in sorted(clusters) if len(clusters[c]) == 1]
    rng.shuffle(single)
    # articles that lend paragraphs to inserted copies and excerpts; never in the output
    fillers = [clusters[c][0] for c in single[: len(single) // 2]]
    chosen = multi + single[len(single) // 2 :]
    rng.shuffle(chosen)
    for n, cluster in enumerate(sorted(chosen[:originals])):
        members = clusters[cluster]
        group = f"{params.name}-g{n}"
        original = members[0]
        yield _record(original, group, "original")
        for negative in members[1:]:
            yield _record(negative, f"{params.name}-n{negative['id']}", "negative")
        for k, transform in enumerate(rng.sample(TRANSFORMS, rng.randint(1, 3))):
            if transform in ("inserted", "excerpt") and not fillers:
                continue  # each filler article lends its text once, or fillers would share text
            derived = TRANSFORMS_BY_NAME[transform](original, params, rng, fillers)
            yield {
                **_record(original, group, transform),
                **derived,
                "id": f"{original['id']}~{params.name}{k}",
            }
    yield from mrpc_articles(mrpc, params, part, rng)


def _record(record: dict[str, object], group: str, transform: str) -> dict[str, object]:
    return {
        "id": record["id"],
        "text": record["text"],
        "title": record.get("title"),
        "date": record.get("date"),
        "source": record.get("source"),
        "url": record.get("url"),
        "gold_reuse_group": group,
        "transform": transform,
    }


def _later(date: object, rng: random.Random) -> object:
    if not isinstance(date, str) or len(date) < 10:
        return date
    day = int(date[8:10])
    return f"{date[:8]}{min(28, day + rng.randint(0, 2)):02d}{date[10:]}"


def _furnish(body: list[str], params: Params, rng: random.Random, outlet: str) -> list[str]:
    year = "2017"
    lines = [f.format(outlet=outlet, year=year) for f in rng.sample(params.furniture, 3)]
    out = list(body)
    out.insert(0, lines[0])
    out.insert(rng.randint(1, len(out)), lines[1])
    out.append(lines[2])
    return out


def reprint(
    original: dict[str, object],
    params: Params,
    rng: random.Random,
    fillers: list[dict[str, object]],
) -> dict[str, object]:
    outlet = rng.choice(params.outlets)
    body = _furnish(list(_paras(original)), params, rng, outlet)
    return {"text": "\n\n".join(body), "source": outlet, "date": _later(original["date"], rng)}


def trimmed(
    original: dict[str, object],
    params: Params,
    rng: random.Random,
    fillers: list[dict[str, object]],
) -> dict[str, object]:
    paras = _paras(original)
    keep = max(2, round(len(paras) * rng.uniform(*params.trim)))
    outlet = rng.choice(params.outlets)
    return {"text": "\n\n".join(paras[:keep]), "source": outlet, "date": original["date"]}


def inserted(
    original: dict[str, object],
    params: Params,
    rng: random.Random,
    fillers: list[dict[str, object]],
) -> dict[str, object]:
    paras = list(_paras(original))
    filler = _paras(fillers.pop())
    for _ in range(rng.randint(*params.inserted)):
        paras.insert(rng.randint(1, len(paras)), rng.choice(filler))
    outlet = rng.choice(params.outlets)
    return {"text": "\n\n".join(paras), "source": outlet, "date": _later(original["date"], rng)}


def headline(
    original: dict[str, object],
    params: Params,
    rng: random.Random,
    fillers: list[dict[str, object]],
) -> dict[str, object]:
    paras = _paras(original)
    if params.headline_style == "prefix":
        title = f"UPDATE: {str(original.get('title') or '').split(' - ')[0]}"
    else:
        title = " ".join(WORD.findall(paras[0])[:9]).capitalize()
    return {"text": "\n\n".join(paras), "title": title, "source": rng.choice(params.outlets)}


def edited(
    original: dict[str, object],
    params: Params,
    rng: random.Random,
    fillers: list[dict[str, object]],
) -> dict[str, object]:
    out = []
    for para in _paras(original):
        sentences = SENTENCE_END.split(para)
        kept = [_edit_sentence(s, params, rng) for s in sentences if rng.random() > 0.06]
        if kept:
            out.append(" ".join(kept))
    if len(out) > 3 and rng.random() < 0.5:
        at = rng.randint(0, len(out) - 2)
        out[at : at + 2] = [out[at] + " " + out[at + 1]]
    return {"text": "\n\n".join(out), "source": rng.choice(params.outlets)}


def _edit_sentence(sentence: str, params: Params, rng: random.Random) -> str:
    if rng.random() > params.edit_rate:
        return sentence
    for old, new in params.substitutions.items():
        if re.search(rf"\b{re.escape(old)}\b", sentence) and rng.random() < 0.7:
            return re.sub(rf"\b{re.escape(old)}\b", new, sentence, count=1)
    words = sentence.split()
    if len(words) > 6:
        del words[rng.randrange(1, len(words) - 1)]
    return " ".join(words)


def excerpt(
    original: dict[str, object],
    params: Params,
    rng: random.Random,
    fillers: list[dict[str, object]],
) -> dict[str, object]:
    paras = _paras(original)
    host = list(_paras(fillers.pop()))
    count = min(len(paras), rng.randint(*params.excerpt_paragraphs))
    start = rng.randint(0, len(paras) - count)
    at = rng.randint(1, len(host))
    host[at:at] = paras[start : start + count]
    return {"text": "\n\n".join(host), "source": rng.choice(params.outlets), "title": None}


def _paras(record: dict[str, object]) -> list[str]:
    value = record.get("paragraphs")
    return [str(p) for p in value] if isinstance(value, list) else paragraphs(str(record["text"]))


TRANSFORMS_BY_NAME = {
    "reprint": reprint,
    "trimmed": trimmed,
    "inserted": inserted,
    "headline": headline,
    "edited": edited,
    "excerpt": excerpt,
}
TRANSFORMS = sorted(TRANSFORMS_BY_NAME)


def mrpc_articles(
    mrpc: list[dict[str, object]], params: Params, part: int, rng: random.Random
) -> Iterator[dict[str, object]]:
    """Rewrite pairs from MRPC: sentences of paraphrase pairs, in order, one article per side.

    MRPC's non-paraphrases are left out: they come from one news cluster and often share wire
    text, so they are no negatives for "shares text by copying".
    """
    rows = [r for r in mrpc if _part(r["id"]) == part and r["label"] == 1]
    rng.shuffle(rows)
    taken = 0
    for n in range(40):
        size = rng.randint(*params.mrpc_sentences)
        chunk = rows[taken : taken + size]
        taken += size
        if len(chunk) < size:
            break
        group = f"{params.name}-mrpc-{n}"
        for side in ("a", "b"):
            yield {
                "id": f"{group}-{side}",
                "text": _detok(" ".join(str(r[f"text_{side}"]) for r in chunk)),
                "title": None,
                "date": None,
                "source": f"{group}-{side}.test",
                "url": None,
                "gold_reuse_group": group,
                "transform": "rewrite",
            }


def _detok(text: str) -> str:
    text = text.replace("<QUOTE>", '"')
    text = re.sub(r" ([.,;:!?%)])", r"\1", text)
    text = re.sub(r"([($]) ", r"\1", text)
    return re.sub(r" (n't|'s|'re|'ve|'ll|'d)\b", r"\1", text)


if __name__ == "__main__":
    main()
