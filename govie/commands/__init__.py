"""One module per ``govie`` command."""
