"""The Textual app: screens, dialogs and widgets over the domain's Repository protocol."""
