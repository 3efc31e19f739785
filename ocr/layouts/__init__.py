"""Layout detection and one parser per kind of screen."""
