extensions = ["sphinx_explainer"]
project = "FAQ"
copyright = "2026, Test"
version = release = "1.0"
