"""MyST pages with ``:::`` fences while ``colon_fence`` is off: a warning that says what to add."""

from __future__ import annotations

from helpers import warnings_of


def test_each_unread_fence_is_named_with_its_file_and_line(build):
    app = build("myst-no-colon-fence")
    warnings = [line for line in warnings_of(app) if "is shown as text" in line]
    assert [line.split(": WARNING: ")[0].rsplit("/", 1)[-1] for line in warnings] == [
        "index.md:3",
        "index.md:7",
        "index.md:11",
    ]
    assert "':::{tldr}' is shown as text" in warnings[0]
    assert "'::::{faq}' is shown as text" in warnings[2]
    for line in warnings:
        assert 'Add "colon_fence" to myst_enable_extensions in conf.py' in line
    assert len(warnings_of(app)) == 3, "the reST page, the backtick fence and a mention in passing are not warned"


def test_a_lone_faq_item_fence_is_named_too(build, copy_root):
    srcdir = copy_root("myst-no-colon-fence")
    (srcdir / "index.md").write_text("# A page\n\n:::{faq-item} A question?\nAn answer.\n:::\n", encoding="utf-8")
    warnings = warnings_of(build("myst-no-colon-fence", srcdir=srcdir))
    assert len(warnings) == 1 and "':::{faq-item}' is shown as text" in warnings[0]


def test_no_warning_with_colon_fence_on(build):
    app = build("myst-no-colon-fence", confoverrides={"myst_enable_extensions": ["colon_fence"]})
    assert warnings_of(app) == []


def test_no_warning_without_myst(build, copy_root):
    srcdir = copy_root("myst-no-colon-fence")
    (srcdir / "index.md").unlink()
    (srcdir / "index.rst").write_text("Index\n=====\n\n:::{faq} written in reST.\n", encoding="utf-8")
    (srcdir / "conf.py").write_text('extensions = ["sphinx_explainer"]\n', encoding="utf-8")
    assert warnings_of(build("myst-no-colon-fence", srcdir=srcdir)) == []
