"""``python -m sphinx_explainer new "Title"``: the ``sphinx-explainer`` command."""

import sys

from sphinx_explainer.cli import main

sys.exit(main())
