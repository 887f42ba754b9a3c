extensions = ["sphinx_explainer"]
project = "Warnings"
