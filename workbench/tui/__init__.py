"""The Textual review workbench: library, review, search and export screens."""
