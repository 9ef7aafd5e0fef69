"""Mutation testing of the compliance suite (SHACL shapes + Vietnamese scenarios).

``make mutate`` (``python -m tests.mutation``) edits a regulation's model
systematically (:mod:`tests.mutation.operators` and
:mod:`tests.mutation.sources`, gathered by :mod:`tests.mutation.generation`),
runs the shapes and the scenarios on each edited copy (:mod:`tests.mutation.campaign`,
:mod:`tests.mutation.scenarios`) and reports which edits the suite catches,
per sentence. It lives under ``tests/`` because it tests the tests.
"""
