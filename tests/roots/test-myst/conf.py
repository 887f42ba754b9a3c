extensions = ["myst_parser", "sphinx_explainer"]
project = "MyST"
myst_enable_extensions = ["colon_fence"]
