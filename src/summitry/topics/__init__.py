"""Issue topics from a documented term taxonomy (rule 'terms:v1')."""

from summitry.topics.terms import RULE, Taxonomy, TopicMatch, load_taxonomy

__all__ = ["RULE", "Taxonomy", "TopicMatch", "load_taxonomy"]
