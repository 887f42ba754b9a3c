import sys
from pathlib import Path

# The other extension lives beside this file.
sys.path.insert(0, str(Path(__file__).parent))

extensions = ["other_faq", "sphinx_explainer"]
project = "Foreign FAQ"
copyright = "2026, Test"
version = release = "1.0"
