"""content/*.md -> Briefing: each file read and checked, bodies rendered to HTML once and cached."""
