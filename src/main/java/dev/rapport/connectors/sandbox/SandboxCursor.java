package dev.rapport.connectors.sandbox;

/**
 * Where a reader of the sandbox's interactions stopped: every simulated item up to {@code at} (and,
 * when {@code lastId} is set, those at {@code at} up to that id) and every comment added by hand up
 * to {@code manualSeq} has been read.
 */
record SandboxCursor(long at, String lastId, long manualSeq) {

    static SandboxCursor parse(String cursor) {
        String[] parts = cursor.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a sandbox cursor: " + cursor);
        }
        try {
            return new SandboxCursor(Long.parseLong(parts[0]), parts[1], Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a sandbox cursor: " + cursor, e);
        }
    }

    String encode() {
        return at + ":" + lastId + ":" + manualSeq;
    }

    /** Whether an item at {@code itemAt} with this id comes after the cursor. */
    boolean before(long itemAt, String itemId) {
        return itemAt > at || (itemAt == at && !lastId.isEmpty() && itemId.compareTo(lastId) > 0);
    }
}
