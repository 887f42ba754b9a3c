extensions = ["myst_parser", "sphinx_explainer"]
project = "FAQ MyST"
myst_enable_extensions = ["colon_fence"]
