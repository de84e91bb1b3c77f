"""The escaping the first page uses is the standard library's, imported only when needed."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from wizard.ui.widgets import html_escaped, html_unescaped

# text with the characters that matter well represented, and entities, named and numbered
_TEXT = st.text(alphabet=st.sampled_from(list("ab &<>\"';#x1Z é")) | st.characters(), max_size=40)
_ENTITIES = st.lists(st.sampled_from(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&nbsp;",
                                      "&eacute;", "&#x41;", "&#65;", "&notanentity;", "&", "x"]),
                     max_size=8).map("".join)


@given(_TEXT)
def test_escaping_is_the_standard_librarys(text: str) -> None:
    assert html_escaped(text) == html.escape(text)


@given(_TEXT | _ENTITIES)
def test_unescaping_is_the_standard_librarys(text: str) -> None:
    assert html_unescaped(text) == html.unescape(text)
