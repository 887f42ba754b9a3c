extensions = ["sphinx_explainer"]
project = "Unreferenced notes"
