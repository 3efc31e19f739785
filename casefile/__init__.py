"""The case: model, store, import, timeline. Never imports Qt."""
