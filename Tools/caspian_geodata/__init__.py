"""Builds the caspian-link default data set (Geodata/) from its public sources."""
