extensions = ["sphinx_explainer", "myst_parser"]
project = "Site"
author = "Site Team"
copyright = "2026, Test"
myst_enable_extensions = ["colon_fence"]
html_baseurl = "https://example.org/site/"
explainer_tag_pages = True
explainer_llms_txt = True
version = "1.0"
# No whole-site navigation in the sidebar: Sphinx 7.4 does not re-write the
# other pages' navigation when a page joins a toctree (Sphinx 8+ does).
html_sidebars = {"**": ["relations.html", "searchbox.html"]}
