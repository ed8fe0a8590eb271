"""The status site: pages generated at `mkdocs build` time from the submissions."""
