"""orgkg's outermost layer: the HTTP service and the ``orgkg`` command line.

Both are thin surfaces over the same functions of ``queries/``, ``graph/``
and ``ontology/``. Public names: :func:`api.http.app.create_app`,
:class:`api.runtime.settings.Settings`, :func:`api.cli.main`.
"""
