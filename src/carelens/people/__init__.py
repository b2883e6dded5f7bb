"""Person-level pages. Every view here goes through accounts.scoping."""
