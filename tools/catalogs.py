"""Keep the message catalogs in step with the code (developers only).

    python tools/catalogs.py          # extract the .pot, update every .po, compile every .mo
    python tools/catalogs.py --check  # exit 1 if a .pot, .po or .mo is out of date or untranslated

Babel comes with Sphinx, so this needs nothing beyond the project's install.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parent.parent / "sphinx_explainer"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "sphinx_explainer"
METHODS = [("**.py", "python"), ("**/theme/**.html", "jinja2")]
KEYWORDS = {"_": None}
#: A fixed date keeps regenerated files identical when nothing changed.
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def extract_template() -> Catalog:
    """Every translatable output string of the package, in a fresh catalog."""
    template = Catalog(
        project="sphinx-explainer",
        domain=DOMAIN,
        fuzzy=False,
        creation_date=EPOCH,
        revision_date=EPOCH,
        charset="utf-8",
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, METHODS, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        template.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    return template


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, sort_output=True, width=100)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def po_paths() -> list[Path]:
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        if path.suffix == ".mo":
            return read_mo(handle)
        return read_po(handle, locale=path.parts[-3] if path.suffix == ".po" else None, domain=DOMAIN)


def messages(catalog: Catalog) -> dict[tuple[str, str | None], str]:
    """A catalog's meaning, without headers, dates or tool versions."""
    return {(m.id, m.context): m.string for m in catalog if m.id and not m.fuzzy}


def expected_files() -> dict[Path, bytes]:
    """What each catalog file should contain, given the code and the .po files."""
    template = extract_template()
    files = {LOCALE_DIR / f"{DOMAIN}.pot": po_bytes(template)}
    for po_path in po_paths():
        catalog = read_catalog(po_path)
        catalog.update(template, update_header_comment=False)
        files[po_path] = po_bytes(catalog)
        files[po_path.with_suffix(".mo")] = mo_bytes(catalog)
    return files


def stale_files() -> list[Path]:
    """Catalog files whose messages differ from what the code and .po files give."""
    template = messages(extract_template())
    pot = LOCALE_DIR / f"{DOMAIN}.pot"
    stale = [] if pot.exists() and set(messages(read_catalog(pot))) == set(template) else [pot]
    for po_path in po_paths():
        po = messages(read_catalog(po_path))
        if set(po) != set(template) or not all(po.values()):
            stale.append(po_path)
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or messages(read_catalog(mo_path)) != po:
            stale.append(mo_path)
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args()
    if args.check:
        stale = stale_files()
        for path in stale:
            print(f"stale: {path.relative_to(PACKAGE.parent)}")
        return 1 if stale else 0
    for path, data in expected_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
