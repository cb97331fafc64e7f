"""The composition root: the `organiser` command joins the screens to the store."""
