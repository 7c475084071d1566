"""What a rebuild may skip: the build state under .sitegen-cache/, the inputs, page fingerprints, and the shortcuts that redo only what a change affects."""
