# Footnote previews and search hits in FAQ answers, in the theme the test picks.
project = "Previews"
copyright = "2026, Test"
extensions = ["sphinx_explainer"]
