"""The site -> pages: the page kinds and their contexts, the Jinja theme, feeds and the sitemap."""
