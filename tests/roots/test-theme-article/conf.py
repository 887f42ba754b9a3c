# The article theme with the extension listed, as the docs recommend.
project = "Explainers"
copyright = "2026, The Explainer Team"
extensions = ["sphinx_explainer"]
html_theme = "sphinx_explainer"
html_last_updated_fmt = "%Y-%m-%d"
html_theme_options = {
    "repository_url": "https://example.org/explainers",
    "social_links": [{"name": "Mastodon", "url": "https://example.org/@explainers"}],
}
