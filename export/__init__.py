"""Case data → PDF dossier and evidence bundle. The only user of ReportLab."""
