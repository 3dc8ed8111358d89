"""HTML bodies as text that keeps the structure rules need.

We use inscriptis (Apache-2.0, maintained, layout-aware): it renders «<ol><li>» as numbered lines, keeps
«<br>»/«<p>» breaks and tables readable, and — the reason we chose it over html2text (GPL, Markdown output)
or BeautifulSoup's get_text (loses lists and breaks) — it reports which text spans came from which elements.
We annotate quote containers (every «blockquote»: Gmail's blockquote.gmail_quote, Thunderbird's
blockquote[type=cite], Yandex and Mail.ru blockquotes) and prefix their lines with «> » per nesting level, so
the same splitter that reads plain text reads HTML. Positions in an HTML letter are positions in this rendering,
which `letterlint parse` prints.
"""

from __future__ import annotations

import re

_QUOTE = "quote"


def html_to_text(html: str) -> str:
    """Render ``html`` to text, blockquote lines prefixed with «> » per level."""
    from inscriptis import get_annotated_text
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    html = _prepare(html)
    if not html.strip():
        return ""
    config = ParserConfig(css=CSS_PROFILES["strict"], annotation_rules={"blockquote": [_QUOTE]},
                          display_links=False, display_images=False)
    try:
        result = get_annotated_text(html, config)
    except Exception:  # inscriptis on broken markup: fall back to tag stripping rather than lose the letter
        return _strip_tags(html)
    text: str = result["text"]
    spans = [(s, e) for s, e, label in result["label"] if label == _QUOTE]
    out = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        depth = sum(1 for s, e in spans if s <= start + _indent(line) < e) if line.strip() else \
            sum(1 for s, e in spans if s < start < e)
        body = line.strip()
        out.append(("> " * depth + body).rstrip() if depth else body)
    return _collapse_blank("\n".join(out)).strip("\n")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _prepare(html: str) -> str:
    # Outlook's conditional comments and MSO namespaces carry nothing for the reader
    html = re.sub(r"<!--\[if.*?<!\[endif\]-->", "", html, flags=re.S | re.I)
    return html


def _strip_tags(html: str) -> str:
    import html as html_lib

    text = re.sub(r"(?is)<(script|style|head).*?</\1>", "", html)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</tr>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return _collapse_blank(html_lib.unescape(text)).strip()


def _collapse_blank(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text)
