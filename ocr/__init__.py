"""Image → Extraction. Imports nothing else of this project (see DESIGN.md)."""
