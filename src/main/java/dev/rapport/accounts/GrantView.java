package dev.rapport.accounts;

import java.util.Set;

/** What one member may do on one account. */
public record GrantView(long accountId, long memberId, Set<AccountPermission> permissions) {}
