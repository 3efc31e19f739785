"""The PySide6 window: thin views over casefile, ocr and export."""
