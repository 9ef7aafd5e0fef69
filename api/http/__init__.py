"""The HTTP surface: the app factory, one router per resource, negotiation, errors.

Public name: :func:`api.http.app.create_app`. Routes parse the request, hand
one job to the runtime (:meth:`api.runtime.service.Service.run`) and shape the
response.
"""
