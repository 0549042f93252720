"""Where a poster's files go in the site, shared by the renderer and the gallery."""

POSTERS_DIR = "posters"
THUMB_LAYOUTS = ("lo", "en")          # the gallery shows each language's own poster


def pdf_name(key: str, layout: str, size: str) -> str:
    return f"{key}-{layout}-{size}.pdf"


def thumb_name(key: str, layout: str) -> str:
    return f"{key}-{layout}.png"
