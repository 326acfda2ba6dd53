"""The raw libraries on their own, doing the same work as rivalscope, for the ratios."""
