"""The web pages of ``bilat serve``: one page per relationship, each fact one click from its source sentence."""
