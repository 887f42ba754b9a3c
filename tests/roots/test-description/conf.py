extensions = ["sphinx_explainer"]
project = "Description"
