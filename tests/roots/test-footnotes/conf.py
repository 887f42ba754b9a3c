extensions = ["sphinx_explainer"]
project = "Footnotes"
copyright = "2026, Test"
version = release = "1.0"
