package io.deals.adapters.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Fails a record that grows past a bound instead of buffering it: an unclosed quote would
 * otherwise make the parser hold the rest of a large file in memory as one field.
 */
final class RecordSizeGuard extends FilterReader {

    /** Far more than any real deal row; a record this long is a broken quote. */
    static final long MAX_RECORD_CHARS = 1024 * 1024;

    private long sinceRecordStart;

    RecordSizeGuard(Reader in) {
        super(in);
    }

    /** Called when a record is complete. */
    void recordEnded() {
        sinceRecordStart = 0;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            sinceRecordStart += n;
            if (sinceRecordStart > MAX_RECORD_CHARS + length) {
                throw new RecordTooLongException();
            }
        }
        return n;
    }

    static final class RecordTooLongException extends IOException {

        private static final long serialVersionUID = 1L;

        RecordTooLongException() {
            super("a record is longer than " + MAX_RECORD_CHARS + " characters; is a quote left open?");
        }
    }
}
