# A documentation site in the article theme: captions, nested sections, a long section.
project = "Handbook"
extensions = ["sphinx_explainer"]
html_theme = "sphinx_explainer"
html_theme_options = {
    "source_repository": "https://github.com/example/handbook/",
    "source_branch": "trunk",
    "source_directory": "docs/",
}
