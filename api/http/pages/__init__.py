"""The pages for people: catalogue, answers, entities, SPARQL editor, check, outline.

Served on the same routes as the data: a browser's ``Accept`` gets the page
(see :func:`api.http.negotiation.prefers_html`), every other client the data it
gets today. Templates are in ``templates/``; scripts and styles in
``api/http/static/pages/``; ``vendor/`` rebuilds the editor bundle from npm.
"""
