"""The Imports area: upload CLD extracts, import them in the background, see the result."""
