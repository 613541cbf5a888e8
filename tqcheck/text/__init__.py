"""Text utilities shared by stages: segmentation, alignment, language ID, extraction."""
