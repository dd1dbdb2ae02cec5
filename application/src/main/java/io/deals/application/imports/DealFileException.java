package io.deals.application.imports;

/** The input is not a readable deals file (a missing or unknown column, broken quoting, bad encoding). */
public final class DealFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DealFileException(String message) {
        super(message);
    }

    public DealFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
