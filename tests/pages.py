"""Articles written as a news site serves them, for the tests of saved web pages."""

from __future__ import annotations

import html

from bilat.extract.doc import Document


def web_page(document: Document, date: str | None = None) -> str:
    """``document`` as a news site would serve it: menu, headline, paragraphs, footer, a script."""
    head = f"<title>{html.escape(document.title or '')} | Báo Điện tử</title>"
    if document.source and document.source.startswith("http"):
        head += f'<link rel="canonical" href="{html.escape(document.source)}">'
    if date:
        head += f'<meta property="article:published_time" content="{date}T08:00:00+07:00">'
    body = document.text[document.body_start:]
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in body.splitlines() if line.strip())
    headline = f"<h1>{html.escape(document.title)}</h1>" if document.title else ""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><a href='/'>Trang chủ</a> | <a href='/the-gioi'>Thế giới</a> | <a href='/kinh-te'>Kinh tế</a></nav>"
        f"<article>{headline}{paragraphs}</article><script>trackVisit('menu')</script>"
        "<footer>© Báo điện tử. Giấy phép số 123/GP-BTTTT. Bản quyền thuộc về tòa soạn.</footer></body></html>"
    )
