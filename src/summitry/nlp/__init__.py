"""NLP layer: sentence splitting, date resolution and the spaCy parse."""
