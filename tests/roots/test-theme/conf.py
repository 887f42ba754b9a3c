# No extensions: the theme alone must load the extension for HTML builds.
project = "Theme"
html_theme = "sphinx_explainer"
