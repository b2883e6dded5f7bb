from django.shortcuts import render

from carelens.accounts.scoping import get_person_or_404
from carelens.people.directory import get_directory


def person_detail(request, person_id: str):
    """One person's events as a timeline, for users whose scope includes them."""
    directory = get_directory()
    if hasattr(directory, "at"):  # a snapshot-backed directory: the snapshot linked from
        directory = directory.at(request.GET.get("snapshot"))
    person = get_person_or_404(request, person_id, directory)
    events = sorted(person.events, key=lambda event: (event.start is None, event.start))
    return render(request, "people/person_detail.html", {"person": person, "events": events})
