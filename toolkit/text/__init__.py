"""Chinese text: word segmentation, title breaks, the parser of external text, plain-text output."""
