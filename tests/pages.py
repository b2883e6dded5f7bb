"""One quality check for every rendered page (Notify's `client_request` habit)."""

from __future__ import annotations

from collections import Counter

import html5lib
from bs4 import BeautifulSoup


def check_page(response) -> BeautifulSoup:
    """Assert the page is valid HTML with one <h1> that starts the <title>, and no duplicate ids."""
    body = response.content.decode()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(body)  # raises on any HTML parse error
    soup = BeautifulSoup(body, "html.parser")
    h1s = soup.find_all("h1")
    assert len(h1s) == 1, f"expected one <h1>, found {len(h1s)}"
    heading = " ".join(h1s[0].get_text().split())
    title = " ".join(soup.title.get_text().split())
    assert title.removeprefix("Error: ").startswith(heading), (title, heading)
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    duplicates = [name for name, count in ids.items() if count > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    assert "govuk-template" in soup.html.get("class", [])
    assert soup.find("a", class_="govuk-skip-link") is not None
    assert soup.find(id="main-content") is not None
    return soup
