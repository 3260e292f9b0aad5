"""The blueprints, one module per area, named as their blueprint (`practice.start` is in practice.py, its
template in templates/practice/start.html). Views are thin: read the request, call web.services, commit once."""
