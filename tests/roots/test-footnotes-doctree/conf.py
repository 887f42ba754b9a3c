extensions = ["sphinx_explainer"]
project = "Footnote doctree"
