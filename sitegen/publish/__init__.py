"""Pages -> output/: render into a staging folder on every core, index search, swap it in whole."""
