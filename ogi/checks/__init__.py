"""Consistency rules of FORMAT.md §8 as data: which printed cells each rule adds up."""
