extensions = ["myst_parser", "sphinx_explainer"]
project = "MyST footnotes"
copyright = "2026, Test"
version = release = "1.0"
myst_enable_extensions = ["colon_fence"]
