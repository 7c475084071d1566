"""sitegen serve: build, serve output/ on loopback, watch, rebuild through build(), reload the browser."""
