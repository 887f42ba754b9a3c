extensions = ["sphinx_explainer"]
project = "Warnings"
show_warning_types = True  # the default from Sphinx 8 on
