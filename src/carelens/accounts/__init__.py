"""Users, teams, roles, the scoping rule for person-level data, and the audit trail."""
