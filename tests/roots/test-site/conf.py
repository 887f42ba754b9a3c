extensions = ["sphinx_explainer", "myst_parser"]
project = "Site"
author = "Site Team"
copyright = "2026, Test"
myst_enable_extensions = ["colon_fence"]
html_baseurl = "https://example.org/site/"
explainer_tag_pages = True
explainer_llms_txt = True
