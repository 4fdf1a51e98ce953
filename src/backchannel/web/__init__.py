"""The analyst's local web UI and JSON API (``backchannel serve``); build it with
:func:`backchannel.web.app.create_app`. Importing this package loads nothing."""
