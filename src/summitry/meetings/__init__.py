"""Meeting episodes: reports of consult events merged into encounters between leaders,
with format, place, status history, topics, outcomes, statements and reactions."""

from summitry.meetings.build import BuildSummary, build, ensure_built, is_current, refresh
from summitry.meetings.query import MeetingQueryError, get_meeting, list_meetings

__all__ = [
    "BuildSummary",
    "MeetingQueryError",
    "build",
    "ensure_built",
    "get_meeting",
    "is_current",
    "list_meetings",
    "refresh",
]
