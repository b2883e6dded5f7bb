"""The Django project: settings, URLs, the base templates, home and error pages."""
