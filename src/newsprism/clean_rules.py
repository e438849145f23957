"""One-line and one-sentence furniture rules: ``classify`` (behind ``clean.classify_line``).

Reads the reasons, vocabulary and shapes from :mod:`newsprism.furniture` and returns a reason
or None for one line or one sentence; :mod:`newsprism.clean` applies them line by line and adds
the rules that depend on position and on other lines.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .furniture import (
    ABBREVIATIONS,
    ABOUT_AUTHOR,
    ADDRESS,
    ADDRESSED_MAX_WORDS,
    ADDRESSED_VOCAB,
    ADVERT,
    ADVERT_LEAD,
    APP_TOKENS,
    AUDIO,
    BIO,
    BIO_CUE,
    BYLINE,
    BYLINE_MAX_WORDS,
    BYLINE_NAME_TOKEN,
    CAPTCHA,
    CAPTION_LEAD,
    CAPTION_PAREN,
    CAPTION_TAIL,
    CAPTION_TOKENS,
    CLICK_HERE,
    COMMENTS_LINE,
    CONTACT_LEAD,
    CONTACT_MAX_WORDS,
    COPYRIGHT_ANY,
    COPYRIGHT_LEAD,
    COPYRIGHT_MAX_WORDS,
    CREDIT,
    CREDIT_MAX_WORDS,
    DATE_ONLY,
    DATELINE,
    EMAIL,
    EMAIL_FORM,
    FOLLOW,
    HANDLE,
    HERE_PROMPT,
    IMPERATIVE,
    LABELLED_MAX_WORDS,
    METADATA,
    METADATA_MAX_WORDS,
    NAV_MAX_SEGMENT_WORDS,
    NAV_MIN_SEGMENTS,
    NAV_SPLIT,
    PHONE,
    PLAYER_LABEL,
    PLAYER_MAX_WORDS,
    PLAYER_STRONG,
    PLAYER_WORDS,
    PLAYLIST,
    PROMO_LINE,
    READ_TIME,
    REASON_ADVERT,
    REASON_AUDIO,
    REASON_BIO,
    REASON_BYLINE,
    REASON_CAPTCHA,
    REASON_CAPTION,
    REASON_COMMENTS,
    REASON_CONTACT,
    REASON_COPYRIGHT,
    REASON_CREDIT,
    REASON_EMAIL_FORM,
    REASON_METADATA,
    REASON_NAVIGATION,
    REASON_PLAYER,
    REASON_PROMO,
    REASON_SEPARATOR,
    REASON_SHARE,
    REASON_UPDATE_NOTICE,
    REPORTED,
    SENTENCE_GAP,
    SEPARATOR,
    SHARE_TOKENS,
    SHORT_LEAD_MAX_WORDS,
    SHORT_LEADS,
    SOCIAL,
    SOCIAL_URL,
    STOCK_TAIL,
    TERMINAL,
    TWEET,
    UPDATE_NOTICE,
    WIDGET_MAX_TOKENS,
    WIDGET_TOKENS,
    WIRE_AGENCIES,
    WORD,
    YEAR_CREDIT,
)

# --- shapes ------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """The word tokens of ``text`` (letters or digits, keeping inner apostrophes and dots)."""
    return WORD.findall(text)


def is_sentence_shaped(line: str) -> bool:
    """Whether ``line`` ends like a sentence (full stop, question or exclamation mark, quote)."""
    return bool(TERMINAL.search(line.rstrip()))


def split_sentences(line: str) -> list[str]:
    """Split one line into sentences, conservatively (abbreviations and initials do not split)."""
    parts: list[str] = []
    start = 0
    for match in SENTENCE_GAP.finditer(line):
        head = line[max(start, match.start() - 20) : match.start()].rstrip("\"')]")
        if ABBREVIATIONS.search(head):
            continue
        parts.append(line[start : match.start()].strip())
        start = match.end()
    parts.append(line[start:].strip())
    return [part for part in parts if part]


def is_dateline(line: str) -> bool:
    """A dateline on its own line ("KYIV, Ukraine (AP) —"): news, never furniture."""
    return DATELINE.match(line) is not None


def is_wire_credit(line: str) -> bool:
    """A line that only names a news agency ("— Reuters", "By The Associated Press", "(AP)").

    Kept in the text: the wire module reads agency credits from it.
    """
    body = re.sub(r"^[\s(—\u2013-]*(?:by\s*:?\s*)?", "", line, flags=re.I).rstrip(" .)")
    return bool(re.fullmatch(WIRE_AGENCIES, body, flags=re.I))


# --- one-line rules ------------------------------------------------------------------------------

# Lines this short that open or close with a player word are widgets wherever they stand
# ("Watch this story"); up to PLAYER_MAX_WORDS only at the start or end of the body, where widgets
# sit. 3 leaves three-word subheads like "Police release video" mid-article as the accepted risk;
# tuned on gva_dev and the seeds.
PLAYER_MAX_WORDS_ANYWHERE = 3
# Whole-line rules other than captions look only at lines up to this many words: every kind of
# furniture they match is shorter (the longest, licence-style copyright notices, run to ~60), and
# skipping long paragraphs keeps cleaning fast.
SHAPE_MAX_WORDS = COPYRIGHT_MAX_WORDS
# Caption credits sit at the very end of a line; only this many trailing characters are searched.
CAPTION_TAIL_CHARS = 160


def classify(line: str, *, edge: bool = False, tail: bool = False) -> str | None:
    """Classify one line; ``edge`` if it is among the first or last lines, ``tail`` if last."""
    text = line.strip()
    if not text or is_dateline(text) or is_wire_credit(text) or TWEET.search(text):
        return None
    n_words = len(words(text))
    reason = _line_rule(text, n_words, edge=edge)
    if reason is not None:
        return reason
    if ABOUT_AUTHOR.match(text):
        return REASON_BIO
    if _is_bio(text, tail=tail):
        return REASON_BIO
    if tail and YEAR_CREDIT.match(text):
        return REASON_COPYRIGHT
    sentences = split_sentences(text)
    reasons = [classify_sentence(sentence) for sentence in sentences]
    # Button or menu labels after a notice ("... uses cookies. Accept | Reject") go with it.
    while len(reasons) > 1 and reasons[-1] is None and _is_label_row(sentences[-1]):
        reasons.pop()
        sentences.pop()
    if all(reasons):
        return reasons[0]
    return None


def _is_label_row(text: str) -> bool:
    """A row of short labels split by bars or bullets, no sentence among them."""
    return _nav_rule(text.strip(), len(words(text)), edge=False) is not None


def _line_rule(text: str, n_words: int, *, edge: bool) -> str | None:
    """Rules that look at the whole line's shape."""
    if n_words > SHAPE_MAX_WORDS:
        if text[:6].lower() == "webvtt":
            return REASON_PLAYER
        return _caption_rule(text, n_words, edge)
    if SEPARATOR.match(text):
        return REASON_SEPARATOR
    if ADVERT.match(text) or (ADVERT_LEAD.match(text) and not is_sentence_shaped(text)):
        return REASON_ADVERT
    if CAPTCHA.search(text):
        return REASON_CAPTCHA
    if EMAIL_FORM.search(text):
        return REASON_EMAIL_FORM
    if COMMENTS_LINE.match(text) and n_words <= LABELLED_MAX_WORDS:
        return REASON_COMMENTS
    if n_words <= SHORT_LEAD_MAX_WORDS and not is_sentence_shaped(text):
        for pattern, lead_reason in SHORT_LEADS:
            if pattern.match(text):
                return lead_reason
    if COPYRIGHT_LEAD.match(text) or COPYRIGHT_ANY.search(text):
        return REASON_COPYRIGHT
    if n_words <= LABELLED_MAX_WORDS and AUDIO.search(text):
        return REASON_AUDIO
    if READ_TIME.match(text):
        return REASON_METADATA
    if _is_metadata(text, n_words):
        return REASON_METADATA
    for rule in (_caption_rule, _player_rule, _widget_rule, _nav_rule, _promo_rule):
        reason = rule(text, n_words, edge)
        if reason is not None:
            return reason
    if _is_byline(text):
        return REASON_BYLINE
    if _is_contact(text):
        return REASON_CONTACT
    return None


def _caption_rule(text: str, n_words: int, edge: bool) -> str | None:
    if CAPTION_LEAD.match(text):
        return REASON_CAPTION
    end = text[-CAPTION_TAIL_CHARS:]
    match = CAPTION_TAIL.search(end)
    if match and _is_credit(match.group("credit")) and _credit_word_capitalized(end, match):
        return REASON_CAPTION
    match = CAPTION_PAREN.search(end)
    if match and _PAREN_CREDIT.match(match.group("credit").strip()):
        return REASON_CAPTION
    if STOCK_TAIL.search(end):
        return REASON_CAPTION
    return None


_PAREN_CREDIT = re.compile(
    r"^(?:(?:ap|afp|file|[A-Z0-9][\w.'-]*)(?:\s+[A-Z0-9][\w.'-]*){0,3}\s+)?"
    r"(?:photo(?:graph)?s?|images?)\s*(?:[:/]|by\b|courtesy\b|credit\b|source\b|$)",
    re.I,
)


def _is_credit(credit: str) -> bool:
    credit = credit.strip().rstrip(".")
    return 0 < len(words(credit)) <= CREDIT_MAX_WORDS and not re.search(r"[.!?]\s", credit)


def _credit_word_capitalized(text: str, match: re.Match[str]) -> bool:
    """ "Photograph: EPA" is a credit; "a photo by her brother" is prose."""
    start = match.start()
    label = text[start:].lstrip(" (.,;|-")
    return label[:1].isupper()


def _player_rule(text: str, n_words: int, edge: bool) -> str | None:
    if PLAYER_STRONG.search(text):
        if re.search(r"comment", text, re.I):
            return REASON_COMMENTS
        if text[:6].lower() == "webvtt" or n_words <= LABELLED_MAX_WORDS:
            return REASON_PLAYER
    shaped = is_sentence_shaped(text)
    if PLAYLIST.match(text) and not shaped and n_words <= LABELLED_MAX_WORDS:
        return REASON_PLAYER
    label = PLAYER_LABEL.match(text)
    titled = label is not None and re.match(r"\s*[\"'(]?[A-Z0-9|]", text[label.end() :])
    short = n_words <= PLAYER_MAX_WORDS
    unlabelled_ok = not shaped and (titled or short)
    if label and n_words <= LABELLED_MAX_WORDS and (label.group("colon") or unlabelled_ok):
        if re.match(r"^\W*(?:photos|gallery|photo\s+gallery|images)\b", text, re.I):
            return REASON_CAPTION
        return REASON_PLAYER
    limit = PLAYER_MAX_WORDS if edge else PLAYER_MAX_WORDS_ANYWHERE
    if n_words <= limit and not shaped and _player_word_at_an_end(text):
        return REASON_PLAYER
    return None


def _player_word_at_an_end(text: str) -> bool:
    """ "Lazy eyes listen", "Watch this story": the player word opens or closes the widget."""
    tokens = words(text)
    return bool(tokens) and any(PLAYER_WORDS.fullmatch(token) for token in (tokens[0], tokens[-1]))


def _widget_rule(text: str, n_words: int, edge: bool) -> str | None:
    tokens = [token.lower() for token in re.findall(r"[A-Za-z][A-Za-z+-]*", text)]
    if not tokens or len(tokens) > WIDGET_MAX_TOKENS or re.search(r"\d", text):
        return None
    if not all(token in WIDGET_TOKENS or token in APP_TOKENS for token in tokens):
        return None
    found = set(tokens)
    if found & APP_TOKENS:
        return REASON_PROMO
    if found & {"comment", "comments"}:
        return REASON_COMMENTS
    if found & CAPTION_TOKENS and not found & SHARE_TOKENS:
        return REASON_CAPTION
    if found & SHARE_TOKENS or len(tokens) <= 2:
        return REASON_SHARE
    return None  # "More on this story": left to the promo rule


def _nav_rule(text: str, n_words: int, edge: bool) -> str | None:
    segments = [segment for segment in NAV_SPLIT.split(text) if segment]
    if len(segments) < 2 or len(segments) == len(text.split()):
        return None
    home = len(segments) == 2 and segments[0].lower() == "home" and re.search(r"[>»\u203a]", text)
    if len(segments) < NAV_MIN_SEGMENTS and not home:
        return None
    if sum(1 for segment in segments if re.search(r"[A-Za-z]{2}", segment)) < 2:
        return None  # "11 / 28 / 05" is a date
    for segment in segments:
        size = len(words(segment))
        if size == 0 or size > NAV_MAX_SEGMENT_WORDS or re.search(r"[.!?]$", segment):
            return None
    return REASON_NAVIGATION


_ONE_WORD_LABELS = frozenset(
    [
        "more",
        "also",
        "previous",
        "top",
        "trending",
        "latest",
        "popular",
        "recommended",
        "breaking",
        "related",
        "subscribe",
    ]
)


def _promo_rule(text: str, n_words: int, edge: bool) -> str | None:
    if re.match(r"^[\u00d7]\s*\S", text):
        return REASON_PROMO
    if re.match(r"^\+\s*[A-Z0-9\"']", text) and not is_sentence_shaped(text):
        return REASON_PROMO
    bracket = re.match(r"^[\[(]\s*([A-Z][A-Z' ]{1,30}):\s*(.+?)\s*[\])]$", text)
    if bracket and len(words(bracket.group(2))) <= LABELLED_MAX_WORDS:
        return REASON_PROMO
    match = PROMO_LINE.match(text)
    if match is None:
        return None
    raw_rest = match.group("rest")
    rest = raw_rest.strip()
    label = text[: match.start("rest")].strip(" >»•*+\u00d7[(").lower()
    label_words = label.split()
    if not re.search(r"\w", rest):
        return REASON_PROMO
    if label.startswith(("breaking", "also")) or n_words > LABELLED_MAX_WORDS:
        return None
    if label.startswith("previous") and is_sentence_shaped(rest):
        return None
    if label.startswith(("click here", "tap here", "subscribe", "sign up", "read or share")):
        return REASON_PROMO
    colon = re.match(r"^\s*(?:[:>»|]|[\u2013—-](?:\s|$))", raw_rest) is not None
    if colon and not (label == "more" and is_sentence_shaped(rest)):
        return REASON_PROMO
    if len(label_words) >= 2 and not is_sentence_shaped(text) and label not in _ONE_WORD_LABELS:
        return REASON_PROMO
    return None


def _is_byline(text: str) -> bool:
    match = BYLINE.match(text)
    if match is None:
        return False
    names = re.split(
        r"\b(?:updated|created|posted|published)\b|//|\|",
        match.group("names"),
        maxsplit=1,
        flags=re.I,
    )[0]
    tokens = names.replace(",", " ").split()
    if not 0 < len(tokens) <= BYLINE_MAX_WORDS:
        return False
    if not all(BYLINE_NAME_TOKEN.match(token) for token in tokens):
        return False
    return any(token[:1].isupper() and token.lower() not in {"the", "of"} for token in tokens)


def _is_metadata(text: str, n_words: int) -> bool:
    if DATE_ONLY.match(text.rstrip(" |")):
        return True
    match = METADATA.match(text)
    if match is None or n_words > METADATA_MAX_WORDS:
        return False
    rest = text[match.end() :].strip()
    return not rest or bool(re.search(r"\d", rest))


def _is_contact(text: str) -> bool:
    if "@" not in text and not any(char.isdigit() for char in text) and "twitter" not in text:
        return False
    tokens = EMAIL.findall(text) + HANDLE.findall(text) + SOCIAL_URL.findall(text)
    phones = PHONE.findall(text)
    if not tokens and not phones:
        return False
    rest = SOCIAL_URL.sub(" ", text)
    rest = PHONE.sub(" ", HANDLE.sub(" ", EMAIL.sub(" ", rest)))
    ordinary = [
        word
        for word in words(rest)
        if word.lower().strip(".")
        not in {
            "contact",
            "twitter",
            "email",
            "e-mail",
            "phone",
            "or",
            "and",
            "at",
            "on",
            "reporter",
            "follow",
            "the",
            "writer",
            "him",
            "her",
            "reach",
            "tel",
        }
    ]
    if len(ordinary) > CONTACT_MAX_WORDS or REPORTED.search(text):
        return False
    if tokens:
        return True
    name_and_phone = re.match(r"^[A-Z][\w.' -]{1,40}:\s*\S*\d", text) is not None
    return not ordinary or name_and_phone or bool(CONTACT_LEAD.match(text))


def _is_bio(text: str, *, tail: bool) -> bool:
    """ "Jane Roe is a staff writer for The Daily ...": a bio, when it ends the article."""
    if not BIO.match(text) or REPORTED.search(text):
        return False
    has_contact = bool(EMAIL.search(text) or HANDLE.search(text) or PHONE.search(text))
    return has_contact or (tail and bool(BIO_CUE.search(text)))


@lru_cache(maxsize=4096)
def classify_sentence(sentence: str) -> str | None:
    """The reason if one sentence is furniture (credits, contact, reader-addressed promos)."""
    text = sentence.strip()
    if not text or TWEET.search(text):
        return None
    if CREDIT.search(text) and not REPORTED.search(text):
        return REASON_CREDIT
    if _is_contact(text):
        return REASON_CONTACT
    if UPDATE_NOTICE.match(text):
        return REASON_UPDATE_NOTICE
    if FOLLOW.match(text) and SOCIAL.search(text):
        return REASON_PROMO
    if HERE_PROMPT.match(text) or (CLICK_HERE.search(text) and not REPORTED.search(text)):
        return REASON_PROMO
    if _is_bio(text, tail=False):
        return REASON_BIO
    return _addressed_reason(text)


def _addressed_reason(text: str) -> str | None:
    """Soft vocabulary, only in a sentence that addresses the reader and reports nobody."""
    quoted = text[:1] in "\"'" or text[-1:] in "\"'"
    if quoted or REPORTED.search(text) or len(words(text)) > ADDRESSED_MAX_WORDS:
        return None
    if not (ADDRESS.search(text) or IMPERATIVE.match(text)):
        return None
    for pattern, reason in ADDRESSED_VOCAB:
        if pattern.search(text):
            return reason
    return None
