"""Text normalisation used to match labels; raw text is always kept separately for provenance."""
