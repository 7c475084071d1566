"""Briefings -> the site: which are published, topics, date archives, neighbours, related coverage, month charts (pure)."""
