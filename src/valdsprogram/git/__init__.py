"""What git knows about the follow-ups: one safe way to call git, each file's last change and its history."""
