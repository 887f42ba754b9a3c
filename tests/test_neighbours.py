"""Neighbour extensions: each builds warning-free beside ours and keeps its own output.

sphinxext-opengraph, sphinxcontrib-bibtex, sphinx-copybutton,
sphinx.ext.intersphinx (from a local inventory, no network),
sphinx-last-updated-by-git and ablog (with the article theme). Each project
also uses every directive of ours and a footnote, whose output must stay.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import BIB, text_of, warnings_of

OURS = """\
.. tldr::

   The summary of the page.

.. what-you-will-learn::

   * An objective.

.. faq::

   .. faq-item:: A question?

      An answer with a note [#n]_.

.. [#n] The note.
"""


def write(root: Path, conf: str, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(
        'project = "Neighbours"\nshow_warning_types = True\nexclude_patterns = ["_build"]\n' + conf,
        encoding="utf-8",
    )
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def project(make_app, tmp_path):
    def run(conf: str, files: dict[str, str], name: str = "src", buildername: str = "html"):
        app = make_app(buildername, srcdir=write(tmp_path / name, conf, files))
        app.build()
        app.cleanup()
        return app

    return run


def page_of(app, name: str = "index") -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8"), "html5lib")


def assert_ours_kept(tree: BeautifulSoup) -> None:
    """The blocks, the FAQ's JSON-LD and the note's back link are all there."""
    assert "The summary of the page." in text_of(tree.select_one("section.explainer-tldr"))
    assert "An objective." in text_of(tree.select_one("section.explainer-learn"))
    assert tree.select_one("details.explainer-faq-item") is not None
    scripts = [json.loads(s.string) for s in tree.find_all("script", type="application/ld+json")]
    assert any(data.get("@type") == "FAQPage" for data in scripts)
    (backlink,) = tree.select(".footnote a.explainer-backlink")
    assert tree.find(id=backlink["href"].lstrip("#")) is not None


def metas(tree: BeautifulSoup, **attrs: str) -> list[str]:
    return [tag["content"] for tag in tree.find_all("meta", attrs=attrs)]


def test_opengraph(project):
    app = project(
        'extensions = ["sphinx_explainer", "sphinxext.opengraph"]\nogp_site_url = "https://example.org/"\n',
        {"index.rst": "Page\n====\n\n" + OURS},
    )
    assert warnings_of(app) == []
    tree = page_of(app)
    assert_ours_kept(tree)
    assert metas(tree, property="og:title") == ["Page"]
    assert metas(tree, property="og:url") == ["https://example.org/index.html"]
    assert metas(tree, property="og:description") == ["The summary of the page."]
    assert metas(tree, name="description") == ["The summary of the page."]


def test_bibtex(project):
    app = project(
        'extensions = ["sphinx_explainer", "sphinxcontrib.bibtex"]\nbibtex_bibfiles = ["refs.bib"]\n',
        {
            "refs.bib": BIB,
            "index.rst": "Page\n====\n\nCited :cite:p:`knuth`.\n\n" + OURS + "\n.. bibliography::\n",
        },
    )
    assert warnings_of(app) == []
    tree = page_of(app)
    assert_ours_kept(tree)
    (citation,) = tree.select(".citation")
    assert "The Art of Computer Programming" in text_of(citation)
    (reference,) = [a for a in tree.select("a[href]") if a["href"] == f"#{citation['id']}"]
    assert "Knu68" in text_of(reference)


def test_copybutton(project):
    app = project(
        'extensions = ["sphinx_explainer", "sphinx_copybutton"]\nhtml_theme = "sphinx_explainer"\n',
        {"index.rst": "Page\n====\n\n" + OURS + "\n.. code-block:: python\n\n   print('hi')\n"},
    )
    assert warnings_of(app) == []
    tree = page_of(app)
    assert_ours_kept(tree)
    assert any(script.get("src", "").startswith("_static/copybutton.js") for script in tree.find_all("script"))
    assert (Path(app.outdir) / "_static" / "copybutton.js").is_file()


def test_intersphinx_from_a_local_inventory(project):
    other = project(
        'extensions = ["sphinx_explainer"]\n',
        {"index.rst": "Other\n=====\n\n.. _far-label:\n\nFar away\n--------\n\nText.\n"},
        name="other",
    )
    inventory = Path(other.outdir) / "objects.inv"
    app = project(
        'extensions = ["sphinx_explainer", "sphinx.ext.intersphinx"]\n'
        f'intersphinx_mapping = {{"other": ("https://other.example/", {str(inventory)!r})}}\n',
        {
            "index.rst": "Page\n====\n\n"
            + OURS.replace("An answer with a note", "An answer, see :ref:`other:far-label`, with a note")
        },
    )
    assert warnings_of(app) == []
    tree = page_of(app)
    assert_ours_kept(tree)
    (link,) = tree.select(".explainer-faq-answer a.external")
    assert link["href"] == "https://other.example/index.html#far-label"
    assert text_of(link) == "Far away"


def test_last_updated_by_git(make_app, tmp_path):
    src = write(
        tmp_path / "git",
        'extensions = ["sphinx_explainer", "sphinx_last_updated_by_git"]\n',
        {"index.rst": "Page\n====\n\n" + OURS},
    )
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": "2026-05-21T09:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-05-21T09:00:00+00:00",
    }
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "Pages"]):
        subprocess.run(["git", *command], cwd=src, env=env, check=True)
    app = make_app("html", srcdir=src)
    app.build()
    assert warnings_of(app) == []
    tree = page_of(app)
    assert_ours_kept(tree)
    assert metas(tree, property="article:modified_time")[0].startswith("2026-05-21T09:00:00")


def test_ablog_with_the_article_theme(project):
    post = ".. post:: 2026-05-21\n   :tags: ai\n\nA post\n======\n\n" + OURS
    app = project(
        'extensions = ["ablog", "sphinx_explainer"]\nhtml_theme = "sphinx_explainer"\n'
        'blog_path = "blog"\nblog_title = "The blog"\nblog_baseurl = "https://example.org/"\n',
        {"index.rst": "Home\n====\n\n.. toctree::\n\n   post\n", "post.rst": post},
    )
    assert warnings_of(app) == []
    tree = page_of(app, "post")
    assert_ours_kept(tree)
    outdir = Path(app.outdir)
    for listing in ("blog.html", "blog/archive.html", "blog/tag/ai.html"):
        tree = BeautifulSoup((outdir / listing).read_text(encoding="utf-8"), "html5lib")
        assert "A post" in text_of(tree), listing
