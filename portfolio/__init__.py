"""Anonymised portfolio, logbook and evidence-pack exports. Plain Python: plain data in, bytes out."""
