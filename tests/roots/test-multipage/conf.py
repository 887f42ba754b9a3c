extensions = ["sphinx_explainer"]
project = "Multipage"
