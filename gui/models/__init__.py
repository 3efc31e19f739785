"""Qt item models over the case: domain data shaped for views, fetched when asked for."""
