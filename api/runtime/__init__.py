"""The worker runtime behind the HTTP surface: settings, the service, its jobs,
the pool of forked workers, their network isolation and the answer cache.
"""
