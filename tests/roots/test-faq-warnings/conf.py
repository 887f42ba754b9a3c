extensions = ["sphinx_explainer"]
project = "FAQ warnings"
show_warning_types = True  # the default from Sphinx 8 on
