# The footnote cases of Sphinx's own tests (tests/roots/test-footnotes and
# test-root/footnote.txt), with no explainer directive, so that every builder
# can be compared with and without the extension.
extensions = ["sphinx_explainer"]
project = "Sphinx footnote cases"
copyright = "2026, Test"
version = release = "1.0"
latex_show_urls = "footnote"
