extensions = ["sphinx_explainer"]
project = "Blocks doctree"
copyright = "2026, Test"
version = release = "1.0"
