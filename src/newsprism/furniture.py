"""Page furniture: the reasons, the vocabulary and the one-line rules behind ``classify_line``.

A line is furniture when its *shape* (length, terminal punctuation, position of a label or a
credit, density of links and handles) and a small vocabulary of words every news site uses for
its page machinery (share, subscribe, sign in, newsletter, advertisement...) agree. Vocabulary on
its own is never enough for a line that reads like a sentence: "Police declined to comment" and
"She shared the video" must stay. Sentences addressed to the reader ("you", "our", an imperative
such as "Click", "Sign up") are the ones the soft vocabulary applies to, and reported speech
("said", "told") is never furniture.

The rules are general: nothing here names an outlet, a data set or an article.
"""

from __future__ import annotations

import re

# --- reasons -------------------------------------------------------------------------------------

REASON_CAPTION = "caption"
REASON_PROMO = "promo"
REASON_NEWSLETTER = "newsletter"
REASON_ACCOUNT = "account prompt"
REASON_AUDIO = "audio notice"
REASON_PLAYER = "player widget"
REASON_BIO = "author bio"
REASON_CAPTCHA = "captcha"
REASON_COMMENTS = "comments prompt"
REASON_COOKIES = "cookie notice"
REASON_COPYRIGHT = "copyright"
REASON_EMAIL_FORM = "email form"
REASON_SHARE = "share widget"
REASON_NAVIGATION = "navigation"
REASON_ADVERT = "advertisement"
REASON_CREDIT = "credit line"
REASON_CONTACT = "contact line"
REASON_BYLINE = "byline"
REASON_METADATA = "metadata"
REASON_UPDATE_NOTICE = "update notice"
REASON_SEPARATOR = "separator"
REASON_REPEATED = "repeated in outlet"

REASONS: tuple[str, ...] = (
    REASON_CAPTION,
    REASON_PROMO,
    REASON_NEWSLETTER,
    REASON_ACCOUNT,
    REASON_AUDIO,
    REASON_PLAYER,
    REASON_BIO,
    REASON_CAPTCHA,
    REASON_COMMENTS,
    REASON_COOKIES,
    REASON_COPYRIGHT,
    REASON_EMAIL_FORM,
    REASON_SHARE,
    REASON_NAVIGATION,
    REASON_ADVERT,
    REASON_CREDIT,
    REASON_CONTACT,
    REASON_BYLINE,
    REASON_METADATA,
    REASON_UPDATE_NOTICE,
    REASON_SEPARATOR,
    REASON_REPEATED,
)

# --- thresholds ----------------------------------------------------------------------------------

# Widget lines ("Lazy eyes listen", "Watch this story") are at most this many words; longer lines
# with a player word are headlines or sentences. 6 keeps every player line seen in gva_dev and
# the seeds while "Audio of police radio during the chase" style headlines (7+) stay.
PLAYER_MAX_WORDS = 6
# A labelled promo or player line ("Video: ...", "Watch ...", "Related: ...") may carry a
# headline; above this many words it is prose. Tuned on gva_dev related-story lines (<= 16).
LABELLED_MAX_WORDS = 20
# Lines made only of widget words ("Share this: Facebook", "Email Print More"): more tokens than
# this and it is text. 8 covers the share bars in gva_dev.
WIDGET_MAX_TOKENS = 8
# A navigation crumb has at least this many segments ("Home > News > Crime")...
NAV_MIN_SEGMENTS = 3
# ... each of at most this many words; longer segments are prose with a pipe in it.
NAV_MAX_SEGMENT_WORDS = 4
# A caption credit ("Photograph: EPA", "(Photo by A. B./Getty Images)") names at most this many
# words; a longer tail after "Photo:" is prose. Tuned on gva_dev credits (<= 7 words).
CREDIT_MAX_WORDS = 8
# Copyright notices run to ~60 words when they carry the AP/CBS licence text; a longer line that
# starts with "Copyright" is prose about copyright.
COPYRIGHT_MAX_WORDS = 70
# A byline ("By Jane Roe and John Doe") has at most this many words after "By"; "By the end of the
# day, ..." is a sentence. 10 covers three-name staff bylines in gva_dev.
BYLINE_MAX_WORDS = 10
# A contact line keeps at most this many ordinary words around its emails, handles and phones
# ("Contact the writer: ..."); more words and it is a call for tips written as news.
CONTACT_MAX_WORDS = 6
# A metadata line ("Updated: Jan 3, 2017 - 6:19 PM") has at most this many words.
METADATA_MAX_WORDS = 14
# Sentences addressed to the reader are furniture only up to this length; a 60-word paragraph
# that says "you" is a quote or a feature lede. Tuned on gva_dev account/newsletter blurbs.
ADDRESSED_MAX_WORDS = 45

# --- vocabulary and shapes -----------------------------------------------------------------------

WIRE_AGENCIES = (
    r"(?:the\s+)?(?:associated\s+press|ap|reuters|afp|agence\s+france-presse|upi|dpa|"
    r"bloomberg|efe|ansa|xinhua|pa(?:\s+media)?|cnn\s+wire)"
)

WORD = re.compile(r"[A-Za-z0-9][\w'.&-]*")
TERMINAL = re.compile(r"[.!?][\"')\]]*$|\"$")
REPORTED = re.compile(
    r"\b(?:said|says|told|tells|according\s+to|added|asked|stated|wrote|recalled|explained)\b",
    re.I,
)
# Case-sensitive on purpose: "US" is a country, "us" the reader's outlet.
ADDRESS = re.compile(
    r"\b(?:[Yy]ou(?:r|rs|'re|'ve|'ll)?|YOUR?|[Ww]e(?:'re|'ve)?|WE|[Oo]urs?|OUR|[Uu]s)\b"
)
IMPERATIVE = re.compile(
    r"^(?:>+\s*|[•*]\s*)?(?:please\s+|to\s+)?(?:click|tap|sign|subscribe|download|install|follow|like|"
    r"share|read|watch|listen|visit|log|register|enter|join|get|grab|check|stay|keep|find|see|"
    r"learn|try|text|select|submit|send|e-?mail|print|save|refresh|be|don'?t|never|want|have|"
    r"become|continue|return|go|view|tell|receive|update|enjoy|activate|create|confirm|"
    r"please|sorry|oops|thank)\b",
    re.I,
)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HANDLE = re.compile(r"(?<![\w@])@\w{2,}")
URL = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co|ws|ly|us|tv)/\S*", re.I
)
PHONE = re.compile(r"(?:\(\d{3}\)\s*|\b\d{3}[-.])\d{3}[-.]\d{4}\b|\b\d{3}[-.]\d{4}\b")
SOCIAL_URL = re.compile(r"\b(?:twitter|facebook|instagram|linkedin)\.com/\S+", re.I)

SEPARATOR = re.compile(r"^[\W_]+$")

ADVERT = re.compile(
    r"^(?:advertisements?|advertising|ad|sponsored(?:\s+content)?|skip\s+ad|"
    r"(?:story|article|content)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:ad|advertisement))?|"
    r"continue\s+reading(?:\s+(?:below|the\s+main\s+story))?)\W*$",
    re.I,
)
ADVERT_LEAD = re.compile(r"^advertisements?\b", re.I)

COPYRIGHT_LEAD = re.compile(r"^[(\[]?\s*(?:tm\s+and\s+)?(?:©|\(c\)|copyright\b)", re.I)
# "2015 Example TV/KXYZ" at the very end: a copyright line without the sign.
YEAR_CREDIT = re.compile(r"^(?:19|20)\d{2}\s+[A-Z][\w./&-]*(?:\s+[A-Z0-9][\w./&-]*){0,4}$")
COPYRIGHT_ANY = re.compile(
    r"all\s+rights\s+reserved|may\s+not\s+be\s+(?:re)?published,?\s+broadcast|"
    r"rewritten\s+or\s+redistributed",
    re.I,
)

CAPTCHA = re.compile(
    r"enter\s+the\s+characters|characters\s+(?:with|in)\s+\w+\s+colou?r|captcha|"
    r"not\s+a\s+robot|type\s+the\s+(?:characters|letters|code)\s+(?:you\s+see|shown)",
    re.I,
)
COMMENTS_LINE = re.compile(
    r"^(?:(?:leave|post|add|view|show|read|load|hide|see)\s+(?:a\s+|all\s+|your\s+|the\s+)?"
    r"comments?|\d+\s+comments?|comments?\s+(?:are|will\s+be)\s+(?:moderated|closed|reviewed|"
    r"pre-screened)|join\s+the\s+(?:conversation|discussion)|comments?\s+policy)\b",
    re.I,
)
EMAIL_FORM = re.compile(
    r"a\s+friend\s+wanted\s+you\s+to\s+see|^message\s*:\s*\*|send\s+(?:this|it)\s+to\s+a\s+friend|"
    r"^e-?mail\s+(?:this|to\s+a\s+friend)\b|^(?:your|recipient'?s?|friend'?s?)\s+"
    r"(?:name|e-?mail(?:\s+address)?)\s*[:*]|separate\s+multiple\s+(?:e-?mail\s+)?addresses",
    re.I,
)
AUDIO = re.compile(
    r"^listen\s+to\s+(?:this|the)\s+(?:article|story)\b|"
    r"\b\d+\s*(?:-\s*)?(?:min|mins|minutes?)\.?\s+listen\b|"
    r"\b(?:voice|audio|narration|reading)\b[^.]{0,40}"
    r"\b(?:ai|computer|automatically)[- ]generated\b|"
    r"\bai[- ](?:generated|powered)\s+(?:voice|audio|narration)\b|inconsistencies\s+may\s+occur|"
    r"\baudio\s+(?:is|was)\s+(?:auto(?:matically)?[- ])?generated\b|text-to-speech",
    re.I,
)
READ_TIME = re.compile(r"^\d+\s*(?:-\s*)?(?:min|mins|minutes?)\.?\s+read$", re.I)

CREDIT_WORDS = (
    r"(?:photograph|photo|photos|picture|image|illustration|graphic|credit|photo\s+credit|"
    r"photo\s+courtesy|photo\s+source|courtesy|file\s+photo)"
)
CAPTION_TAIL = re.compile(
    rf"(?:^|[\s(.,;|-]){CREDIT_WORDS}\s*(?:by\b|:|/)\s*(?P<credit>[^()]{{1,80}}?)\)?\s*"
    r"(?:buy\s+photo)?\.?$",
    re.I,
)
CAPTION_PAREN = re.compile(
    r"\((?P<credit>[^()]{0,40}\b(?:photo|photograph|image)s?\b[^()]{0,60})\)\s*(?:buy\s+photo)?\.?$",
    re.I,
)
STOCK_TAIL = re.compile(
    r"(?:\bvia\s+|/\s*|\(|\b)(?:getty\s+images|shutterstock|istock(?:photo)?|thinkstock|alamy)"
    r"(?:\s*/\s*[\w .]+)?\)?\.?$",
    re.I,
)
# "Courtesy of the Smith family" or "Follow News 8:" on a line of their own.
SHORT_LEADS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:photo\s+)?courtesy\s+(?:of\s+)?[A-Z\d]", re.I), REASON_CAPTION),
    (re.compile(r"^(?:follow|like)\s+[\w .&'-]{1,30}:$", re.I), REASON_PROMO),
    (re.compile(r"^page\s+\d+\s+of\s+\d+$", re.I), REASON_NAVIGATION),
    (
        re.compile(r"^(?:skip|jump)\s+to\s+(?:main\s+)?(?:content|navigation|article)", re.I),
        REASON_NAVIGATION,
    ),
)
SHORT_LEAD_MAX_WORDS = 6  # longer "Courtesy of..." lines are sentences; tuned on gva_dev
CAPTION_LEAD = re.compile(
    rf"^(?:{CREDIT_WORDS}\s*:|image\s+\d+\s+of\s+/?\s*\d+\b|view\s+full\s+caption|buy\s+photo\b|"
    r"(?:image|media|photo)\s+(?:caption|source)\b)",
    re.I,
)

PLAYER_WORDS = re.compile(
    r"\b(?:listen|listening|play|playing|pause|paused|watch|watching|video|videos|audio|podcast|"
    r"replay|autoplay|mute|unmute|slideshow|transcript|livestream|stream|streaming|webvtt)\b",
    re.I,
)
PLAYER_LABEL = re.compile(
    r"^(?:[>*\[]+\s*)?(?:watch|listen|video|videos|audio|photos|gallery|slideshow|"
    r"photo\s+gallery|images)\b\s*(?:\(\d+:\d+\)\s*)?(?P<colon>[:>-]+)?",
    re.I,
)
PLAYER_STRONG = re.compile(
    r"(?:enable|requires?|turn\s+on|activate)\s+(?:your\s+)?javascript|"
    r"javascript\s+(?:is\s+)?(?:disabled|required|must\s+be)|^webvtt\b|\b(?:tap|click)\s+here\s+(?:for|to\s+(?:watch|see|view|hear))\b[^.]*"
    r"\b(?:video|watch|audio|stream)|\bapp\s+users\b|\bscroll\s+down\s+for\s+video\b|"
    r"\b(?:show|hide)\s+(?:transcript|thumbnails|captions)\b|\bnext\s+slide\b|"
    r"does\s+not\s+support\s+(?:the\s+)?(?:audio|video)",
    re.I,
)
# "1:39 Headline of the next clip": a clip duration, then a short title without a full stop.
PLAYLIST = re.compile(r"^\d{1,2}:\d{2}(?!\s*[ap]\.?\s?m\b)(?:\s+\S.*)?$", re.I)

WIDGET_TOKENS = frozenset(
    [
        "share",
        "shares",
        "sharing",
        "tweet",
        "facebook",
        "twitter",
        "email",
        "e-mail",
        "print",
        "pinterest",
        "google",
        "plus",
        "linkedin",
        "reddit",
        "whatsapp",
        "tumblr",
        "messenger",
        "sms",
        "instagram",
        "youtube",
        "flipboard",
        "copy",
        "link",
        "like",
        "loading",
        "more",
        "close",
        "save",
        "comment",
        "comments",
        "embed",
        "text",
        "size",
        "a",
        "this",
        "story",
        "on",
        "via",
        "enlarge",
        "expand",
        "caption",
        "hide",
        "show",
        "photos",
        "photo",
        "gallery",
        "skip",
        "x",
        "in",
        "out",
    ]
)
SHARE_TOKENS = frozenset(
    [
        "share",
        "shares",
        "tweet",
        "facebook",
        "twitter",
        "email",
        "e-mail",
        "pinterest",
        "google",
        "linkedin",
        "reddit",
        "whatsapp",
        "tumblr",
        "messenger",
        "instagram",
        "flipboard",
        "copy",
        "link",
        "like",
        "embed",
        "print",
    ]
)
APP_TOKENS = frozenset(["app", "apps", "iphone", "ipad", "android", "ios", "e-news", "alerts"])
CAPTION_TOKENS = frozenset(["enlarge", "expand", "caption", "photos", "photo", "gallery"])

NAV_SPLIT = re.compile(r"\s*(?:\||>>|»|\u203a|>|\s/\s)\s*")

PROMO_LINE = re.compile(
    r"^(?:[>»•*+\u00d7\[(]+\s*)?(?:"
    r"read\s+more(?:\s+(?:here|below|stories|articles|top|at|on|from|about\s+this))?|"
    r"read\s+(?:the\s+)?full\s+(?:story|article)|read\s+or\s+share\s+this\s+story|"
    r"related(?:\s+(?:stories|story|articles?|links?|content|coverage|news|videos?|topics))?|"
    r"see\s+also|also\s+(?:read|see)|more\s+(?:stories|news|coverage|videos|headlines|from|"
    r"on\s+this|top\s+stories|reports\s+by|local\s+news|crime\s+news|video)|"
    r"more|also|previous(?:\s+(?:story|stories|coverage|report))?|"
    r"(?:top|trending|latest|popular|most\s+popular|most\s+read|recommended|breaking|"
    r"other\s+top|editor'?s?\s+picks?)(?:\s+(?:stories|news|now|headlines|videos|articles|"
    r"trending))?|"
    r"what\s+others\s+are\s+(?:clicking|reading)\s+on(?:\s+right\s+now)?|"
    r"you\s+may\s+also\s+(?:like|be\s+interested\s+in)|don'?t\s+miss|must\s+read|up\s+next|"
    r"click\s+here|tap\s+here|learn\s+more|get\s+the\s+full\s+story|"
    r"subscribe(?:\s+now|\s+today)?|sign\s+up(?:\s+now|\s+today)?|report\s+a\s+typo|"
    r"report\s+an\s+error"
    r")\b(?P<rest>.*)$",
    re.I,
)
# A list header is a short label on its own ("Related stories:"), never a label plus a headline.
LIST_HEADER_MAX_WORDS = 5
LIST_HEADER = re.compile(
    r"^(?:[>»•*\[(]+\s*)?(?:related|more|other|top|trending|latest|popular|recommended|previous|"
    r"what\s+others|you\s+may\s+also)\b[^.!?:]*(?::\s*)?$",
    re.I,
)
CLICK_HERE = re.compile(r"\b(?:click|tap)\s+(?:here|the\s+(?:link|button))\b", re.I)
HERE_PROMPT = re.compile(
    r"^(?:[>*•]\s*)?(?:click|tap|listen|watch|read|donate|sign\s+up|see|go|view|vote)\b[^.!?]{0,60}"
    r"\bhere\s*[:.!]?$",
    re.I,
)

UPDATE_NOTICE = re.compile(
    r"^(?:stay\s+(?:with|tuned|connected|updated)|check\s+back|keep\s+checking|refresh\b|"
    r"watch\s+[\w .&'-]{1,30}\s+for\s+(?:updates|the\s+(?:very\s+)?latest|more))",
    re.I,
)
FOLLOW = re.compile(
    r"^(?:follow|like|find)\s+(?:us|@\w+|[\w .&'-]{1,40}?\s+on\s+|[\w.-]+\.com\b)", re.I
)
SOCIAL = re.compile(
    r"\b(?:twitter|facebook|instagram|tiktok|youtube|snapchat|linkedin)\b|@\w", re.I
)

BYLINE = re.compile(r"^by\s*:?\s+(?P<names>.+)$", re.I)
BYLINE_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w'.-]*|[A-Z]\.|and|&|of|the|in|staff|de|van|von|la|le|//|\|)$"
)
METADATA = re.compile(
    r"^(?:(?:last\s+)?(?:updated|modified|published|posted|created)(?:\s+(?:on|at))?|"
    r"date\s+published|first\s+published|published\s+on)\b\s*:?",
    re.I,
)
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A place in capitals (at most four words), an optional region and agency, then a dash.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'-]*(?:[ ,]+[A-Z][A-Z.'-]*){0,3}(?:,\s*[\w. ]+)?(?:\s*\([\w .-]+\))?"
    r"\s*[\u2014\u2013-]+\s*$"
)
# An embedded post: "text — Name (@handle) March 18, 2015". Quoted social media, kept as news.
TWEET = re.compile(rf"\(@\w+\)\s+{MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*$|pic\.twitter\.com/", re.I)
DATE_ONLY = re.compile(
    rf"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?{MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    r"(?:,?\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?)?$",
    re.I,
)

ABOUT_AUTHOR = re.compile(
    r"^(?:about|meet)\s+(?:the\s+)?(?:authors?|writers?|reporters?|contributors?|columnists?)\s*:?$",
    re.I,
)
BIO = re.compile(
    r"^[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,4}\s+(?:is|was|has\s+been)\s+(?:a|an|the)\s+"
    r"(?:[\w'-]+\s+){0,6}?(?:reporter|writer|correspondent|editor|journalist|columnist|producer|"
    r"anchor|photographer|intern|contributor|freelancer|photojournalist|author)s?\b"
)
BIO_CUE = re.compile(
    r"\b(?:based\s+in|covers?|covering|focus|joined|previously|reach\s+(?:him|her|them)|"
    r"e-?mail|twitter|follow|read\s+more|can\s+be\s+reached|staff\s+writer)",
)
CREDIT = re.compile(
    r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|edited|compiled|research|"
    r"graphics?)\s+by\b|^\(?\s*(?:contributing(?:\s+writers?)?|information\s+from|"
    r"contributors?)\s*:|\bcontributed(?:\s+(?:reporting|to\s+(?:this|the)\s+"
    r"(?:report|story|article)))?\s*\.?\)?$",
    re.I,
)
CONTACT_LEAD = re.compile(
    r"^(?:[—\u2013-]\s*)?(?:contact|reach|e-?mail|twitter|follow|phone|reporter|tel|"
    r"call\s+(?:[\w'-]+\s+){0,3}(?:reporter|writer|editor|columnist))\b",
    re.I,
)

# Soft vocabulary, used only in sentences addressed to the reader.
ADDRESSED_VOCAB: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"newsletters?|e-?mail\s+alerts?|news\s+alerts?|text\s+alerts?|\binbox\b", re.I),
        REASON_NEWSLETTER,
    ),
    (re.compile(r"\bcookies?\b", re.I), REASON_COOKIES),
    (
        re.compile(
            r"\b(?:post|leave|add|view|show|read|submit|load|hide)\s+(?:a\s+|your\s+|all\s+)?"
            r"comments?\b|\bcomments?\s+(?:section|policy|are\s+(?:moderated|closed|reviewed)|"
            r"below|powered|platform)|\bcommenting\b|\bcommenters?\b|join\s+the\s+conversation|"
            r"flag\s+as\s+inappropriate|\bmoderat(?:ed|ion|ors?)\b|\bpre-screen",
            re.I,
        ),
        REASON_COMMENTS,
    ),
    (
        re.compile(
            r"\bsign(?:ed)?\s+in\b|\blog(?:ged)?\s*-?in\b|\blog\s+out\b|\bpassword\b|"
            r"\busername\b|\bregist(?:er|ering|ered|ration)\b|\bverif|\byour\s+(?:\w+\s+)?"
            r"(?:profile|account)\b|\b(?:have|create)\s+an\s+account\b|\bsubscri(?:ber|ption)|"
            r"\bdigital\s+access\b|\be-?edition\b|\b(?:your|e-?mail|push)\s+notifications?\b|"
            r"\bnotifications?\s+(?:are|has\s+been|settings)\b|terms\s+of\s+(?:service|use)|"
            r"privacy\s+policy|\bzip\s*code\b|deliverable\s+area",
            re.I,
        ),
        REASON_ACCOUNT,
    ),
    (
        re.compile(
            r"\b(?:download|install|get|grab|our|free|mobile)\s+(?:\w+\s+){0,4}?apps?\b|"
            r"\biphone\b|\bipad\b|\bandroid\b|app\s+store|google\s+play|\bitunes\b",
            re.I,
        ),
        REASON_PROMO,
    ),
    (
        re.compile(
            r"\b(?:follow|like|friend|find|join)\s+(?:us|@\w+|[\w@.&' -]{1,30}?\s+on\s+"
            r"(?:facebook|twitter|instagram|social\s+media|tiktok|youtube))\b|"
            r"\b(?:follow|like)\s+us\b|\bshare\s+(?:this|on\s+(?:facebook|twitter)|via)\b|"
            r"\bbecome\s+a\s+fan\b",
            re.I,
        ),
        REASON_SHARE,
    ),
    (
        re.compile(
            r"\bclick(?:ing)?\s+(?:here|this|below|for|to|on\s+the\s+(?:link|button))\b|"
            r"\btap\s+(?:here|to|for)\b|subscribe|sign\s+up|download|\bhome\s+delivery\b|"
            r"\bupload\s+your\b|\b(?:visit|go\s+to|log\s+on\s+to|head\s+to)\s+\S+\.(?:com|org|net)\b|"
            r"\bfree\s+trial\b|\bheadlines\b|top\s+stories|\brss\b|\bwebsite\b|"
            r"\bour\s+(?:site|page)\b|\breprint|reuse\s+options|"
            r"\bpage\s+you\s+were\b|\bnews\s+tips?\b|\bsubmit\s+a\s+tip\b",
            re.I,
        ),
        REASON_PROMO,
    ),
)

ABBREVIATIONS = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|st|sgt|lt|gen|col|capt|cpl|rep|sen|gov|jr|sr|inc|co|corp|no|vs|"
    r"ave|blvd|rd|mt|ft|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|a\.m|p\.m|u\.s|"
    r"approx|dept|det|ofc|supt)|\b[A-Z])\.$",
    re.I,
)
SENTENCE_GAP = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9@])")
