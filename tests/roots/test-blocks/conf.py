extensions = ["sphinx_explainer"]
project = "Blocks"
copyright = "2026, Test"
version = release = "1.0"
