# Reference documentation in the article theme: objects, FAQ blocks and
# sections four levels deep, for the "On this page" outline.
project = "Reference"
extensions = ["sphinx_explainer"]
html_theme = "sphinx_explainer"
