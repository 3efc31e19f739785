"""Complaint packs: what to send, to whom, chosen from the case (issue 16)."""
