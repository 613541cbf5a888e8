"""Readers turn files into text the pipeline can segment."""
