extensions = ["sphinx_explainer"]
project = "FAQ doctree"
