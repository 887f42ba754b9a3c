# MyST pages written with ::: fences, but colon_fence is not enabled.
extensions = ["myst_parser", "sphinx_explainer"]
project = "No colon fence"
myst_enable_extensions = ["deflist"]
