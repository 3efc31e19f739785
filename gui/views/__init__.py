"""Widgets that show the case; they hold no business logic, only presentation."""
