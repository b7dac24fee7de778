package dev.botty.voice.store;

/**
 * The store could not read or write its file once open: a full disk, an I/O error, a lock held
 * past the busy timeout by something outside the node. An outage, never bad input; the operation
 * it interrupted left the stored state as it was before.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
