"""OCR engines behind the ``ocr.recognition.OcrEngine`` seam: Tesseract, RapidOCR, their
errors and the registry that makes them by name (modelled on OCRmyPDF's thin engine
adapters: layout code never knows which engine reads)."""
