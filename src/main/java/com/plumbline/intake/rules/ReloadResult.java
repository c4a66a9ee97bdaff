package com.plumbline.intake.rules;

/** What a reload check did; {@code message} says why when the file was rejected. */
public record ReloadResult(Status status, String message) {

    public enum Status {
        /** The file has not changed since it was last read. */
        UNCHANGED,
        /** The new rules are in force. */
        RELOADED,
        /** The file is invalid or unreadable; the previous rules stay in force. */
        REJECTED
    }

    static ReloadResult unchanged() {
        return new ReloadResult(Status.UNCHANGED, "unchanged");
    }

    static ReloadResult reloaded(String message) {
        return new ReloadResult(Status.RELOADED, message);
    }

    static ReloadResult rejected(String message) {
        return new ReloadResult(Status.REJECTED, message);
    }
}
