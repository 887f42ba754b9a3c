extensions = ["sphinx_explainer", "myst_parser"]
project = "Everything"
copyright = "2026, Test"
myst_enable_extensions = ["colon_fence"]
