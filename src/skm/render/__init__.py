"""Renderers: results in, text/objects out. They never read input files."""
